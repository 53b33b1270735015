/* sam-plan.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-dates.h"
#include "sam-plan.h"

/* The plan's actions, statuses and follow-up as values: sorting, labels and the calendar file.
 * Their rows are kept by sam-store-plan.c. */

static const char *status_names[] = { "planned", "in-progress", "done", "dropped" };

G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == SAM_PLAN_N_STATUSES);

/* Sorting by status puts what is being done first, then what is still to start. */
static const int status_rank[] = { 1, 0, 2, 3 };

/* Helpers */

static int
date_compare (const char *a,
              const char *b)
{
  /* Undated last; ISO dates compare as strings. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return strcmp (a, b);
}

/* Statuses */

const char *
sam_plan_status_to_string (SamPlanStatus status)
{
  g_return_val_if_fail ((guint) status < SAM_PLAN_N_STATUSES, NULL);

  return status_names[status];
}

gboolean
sam_plan_status_from_string (const char    *str,
                             SamPlanStatus *status)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (str, status_names[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * sam_plan_status_get_label:
 *
 * Returns: the status as the user reads it, translated
 */
const char *
sam_plan_status_get_label (SamPlanStatus status)
{
  static const char *labels[] = {
    /* Translators: the status of an action in the implementation plan. */
    N_("Planned"),
    /* Translators: the status of an action in the implementation plan. */
    N_("In progress"),
    /* Translators: the status of an action in the implementation plan. */
    N_("Done"),
    /* Translators: the status of an action in the implementation plan: given up. */
    N_("Dropped"),
  };

  g_return_val_if_fail ((guint) status < SAM_PLAN_N_STATUSES, NULL);

  return _(labels[status]);
}

/* Actions */

SamPlanAction *
sam_plan_action_new (void)
{
  SamPlanAction *action = g_new0 (SamPlanAction, 1);

  action->who = g_strdup ("");
  action->notes = g_strdup ("");
  return action;
}

SamPlanAction *
sam_plan_action_copy (const SamPlanAction *action)
{
  SamPlanAction *copy;

  g_return_val_if_fail (action != NULL, NULL);

  copy = g_memdup2 (action, sizeof *action);
  copy->what = g_strdup (action->what);
  copy->item = g_strdup (action->item);
  copy->domain = g_strdup (action->domain);
  copy->who = g_strdup (action->who);
  copy->due = g_strdup (action->due);
  copy->notes = g_strdup (action->notes);
  copy->created = g_strdup (action->created);
  copy->updated = g_strdup (action->updated);
  return copy;
}

void
sam_plan_action_free (SamPlanAction *action)
{
  if (action == NULL)
    return;
  g_free (action->what);
  g_free (action->item);
  g_free (action->domain);
  g_free (action->who);
  g_free (action->due);
  g_free (action->notes);
  g_free (action->created);
  g_free (action->updated);
  g_free (action);
}

/**
 * sam_plan_action_is_open:
 *
 * Returns: %TRUE while the action is still to be carried out (planned or in progress)
 */
gboolean
sam_plan_action_is_open (const SamPlanAction *action)
{
  g_return_val_if_fail (action != NULL, FALSE);

  return (SAM_PLAN_STATUSES_OPEN & SAM_PLAN_STATUS_MASK (action->status)) != 0;
}

/**
 * sam_plan_action_is_overdue:
 * @today: the day to judge by
 *
 * Returns: %TRUE if the action is still open and its due date has gone by; an action due
 *   today is not yet overdue
 */
gboolean
sam_plan_action_is_overdue (const SamPlanAction *action,
                            const GDate         *today)
{
  GDate due;

  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!sam_plan_action_is_open (action) || action->due == NULL)
    return FALSE;
  if (!sam_date_parse_iso (action->due, &due))
    return FALSE;
  return g_date_compare (&due, today) < 0;
}

static int
compare_by_due (gconstpointer a,
                gconstpointer b)
{
  const SamPlanAction *x = *(SamPlanAction **) a;
  const SamPlanAction *y = *(SamPlanAction **) b;
  int c = date_compare (x->due, y->due);

  if (c != 0)
    return c;
  return (x->id > y->id) - (x->id < y->id);
}

static int
compare_by_status (gconstpointer a,
                   gconstpointer b)
{
  const SamPlanAction *x = *(SamPlanAction **) a;
  const SamPlanAction *y = *(SamPlanAction **) b;
  int c = status_rank[x->status] - status_rank[y->status];

  if (c != 0)
    return c;
  return compare_by_due (a, b);
}

/**
 * sam_plan_sort_actions:
 * @actions: (element-type SamPlanAction): sorted in place
 */
void
sam_plan_sort_actions (GPtrArray   *actions,
                       SamPlanSort  sort)
{
  g_return_if_fail (actions != NULL);

  g_ptr_array_sort (actions, sort == SAM_PLAN_SORT_STATUS ? compare_by_status : compare_by_due);
}

/**
 * sam_plan_count_overdue:
 * @actions: (element-type SamPlanAction)
 *
 * Returns: how many of @actions are overdue on @today
 */
guint
sam_plan_count_overdue (GPtrArray   *actions,
                        const GDate *today)
{
  guint n = 0;

  g_return_val_if_fail (actions != NULL, 0);

  for (guint i = 0; i < actions->len; i++)
    n += sam_plan_action_is_overdue (g_ptr_array_index (actions, i), today);
  return n;
}

/* The follow-up */

void
sam_plan_follow_up_free (SamPlanFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;
  g_free (follow_up->since);
  g_free (follow_up->date);
  g_free (follow_up);
}

/**
 * sam_plan_follow_up_default:
 * @since: the meeting's date, YYYY-MM-DD
 * @date: (out): the follow-up's date by default: six months on (the last day of the month
 *   where the month is shorter)
 *
 * Returns: %FALSE if @since is not a date
 */
gboolean
sam_plan_follow_up_default (const char *since,
                            GDate      *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (since == NULL || !sam_date_parse_iso (since, date))
    return FALSE;
  g_date_add_months (date, SAM_PLAN_FOLLOW_UP_DEFAULT_MONTHS);
  return TRUE;
}

/**
 * sam_plan_follow_up_state:
 * @follow_up: (nullable): the follow-up, or %NULL where none is set
 * @today: the day to judge by
 * @out_days: (out) (optional): days from @today to the follow-up (negative once past)
 *
 * Returns: whether the follow-up is near (today or within SAM_PLAN_FOLLOW_UP_NEAR_DAYS),
 *   past, later, or not set
 */
SamFollowUpState
sam_plan_follow_up_state (const SamPlanFollowUp *follow_up,
                          const GDate           *today,
                          int                   *out_days)
{
  GDate date;
  int days;

  g_return_val_if_fail (today != NULL && g_date_valid (today), SAM_FOLLOW_UP_NONE);

  if (out_days != NULL)
    *out_days = 0;
  if (follow_up == NULL || !sam_date_parse_iso (follow_up->date, &date))
    return SAM_FOLLOW_UP_NONE;
  days = g_date_days_between (today, &date);
  if (out_days != NULL)
    *out_days = days;
  if (days < 0)
    return SAM_FOLLOW_UP_PAST;
  if (days <= SAM_PLAN_FOLLOW_UP_NEAR_DAYS)
    return SAM_FOLLOW_UP_NEAR;
  return SAM_FOLLOW_UP_LATER;
}

/* iCalendar (RFC 5545) */

/* TEXT values (3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* A content line, folded (3.1) so that no line is longer than 75 octets without its CRLF,
 * never inside a UTF-8 character. */
static void
append_line (GString    *out,
             const char *line)
{
  gsize column = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize len = g_utf8_next_char (p) - p;

      if (column + len > 75)
        {
          g_string_append (out, "\r\n ");
          column = 1;
        }
      g_string_append_len (out, p, len);
      column += len;
    }
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *text)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_escaped (line, text);
  append_line (out, line->str);
}

/**
 * sam_plan_follow_up_to_ics:
 * @follow_up: the follow-up
 * @clinic_name: the clinic, as the user knows it
 * @cluster_name: (nullable): its cluster
 * @now: (nullable): the time stamp of the file; %NULL for the clock
 *
 * The follow-up as an all-day event for the calendar. Its UID is the same each time for
 * the same clinic and date, so saving it again updates the event instead of adding one.
 *
 * Returns: (transfer full): the text of an .ics file, lines ending in CRLF
 */
char *
sam_plan_follow_up_to_ics (const SamPlanFollowUp *follow_up,
                           const char            *clinic_name,
                           const char            *cluster_name,
                           GDateTime             *now)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) stamp_time = NULL;
  g_autofree char *uid_source = NULL;
  g_autofree char *uid_hash = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  char start[16], end[16];
  GDate date, next;

  g_return_val_if_fail (follow_up != NULL, NULL);
  g_return_val_if_fail (clinic_name != NULL, NULL);
  g_return_val_if_fail (sam_date_parse_iso (follow_up->date, &date), NULL);

  next = date;
  g_date_add_days (&next, 1);
  g_date_strftime (start, sizeof start, "%Y%m%d", &date);
  g_date_strftime (end, sizeof end, "%Y%m%d", &next);

  stamp_time = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  stamp = g_date_time_format (stamp_time, "%Y%m%dT%H%M%SZ");
  uid_source = g_strdup_printf ("%s\n%s\n%s", cluster_name ? cluster_name : "", clinic_name,
                                follow_up->date);
  uid_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid_source, -1);
  uid = g_strdup_printf ("follow-up-%.32s@samarbejde.kiap.org", uid_hash);

  /* Translators: the title of a calendar event; %s is the clinic. */
  summary = g_strdup_printf (_("Follow-up of the implementation plan: %s"), clinic_name);
  description = g_strdup_printf (
    /* Translators: the text of a calendar event; %s is the day of the meeting. */
    _("6 to 12 months have passed since the meeting of %s. Look at the plan again: what was "
      "done, and did it move what it was meant to move? Compare the new round with the "
      "earlier one in Samarbejde, under Plan."), follow_up->since ? follow_up->since : "");

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//KiAP//Samarbejde//EN");
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");
  append_line (out, "BEGIN:VEVENT");
  append_property (out, "UID", uid);
  append_property (out, "DTSTAMP", stamp);
  g_string_append_printf (out, "DTSTART;VALUE=DATE:%s\r\n", start);
  g_string_append_printf (out, "DTEND;VALUE=DATE:%s\r\n", end);
  append_property (out, "SUMMARY", summary);
  append_property (out, "DESCRIPTION", description);
  append_line (out, "TRANSP:TRANSPARENT");
  append_line (out, "END:VEVENT");
  append_line (out, "END:VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
