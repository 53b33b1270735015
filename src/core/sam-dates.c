/* sam-dates.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-dates"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-dates.h"

/* Dates are shown in the language of the interface, whatever the time locale says, so a
 * Danish screen never reads "18. March". */

static const char *month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

/* Strictly YYYY-MM-DD, and a day that exists. */
gboolean
sam_date_parse_iso (const char *iso,
                    GDate      *date)
{
  guint year, month, day;
  char tail;

  g_return_val_if_fail (date != NULL, FALSE);

  if (iso == NULL || strlen (iso) != 10 ||
      sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      iso[4] != '-' || iso[7] != '-' ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * sam_date_format_long:
 *
 * Returns: (transfer full): the date as in "18 March 2026", in the interface's language
 */
char *
sam_date_format_long (const GDate *date)
{
  const char *month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[g_date_get_month (date) - 1]);
  /* Translators: a date: the day, the month's name, the year, as in "18 March 2026". */
  return g_strdup_printf (_("%1$u %2$s %3$u"), g_date_get_day (date), month,
                          g_date_get_year (date));
}

/**
 * sam_date_format_iso:
 *
 * @iso: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full): @iso in the long form, a copy of @iso where it is no date, or
 *   "" where there is none
 */
char *
sam_date_format_iso (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!sam_date_parse_iso (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  return sam_date_format_long (&date);
}

/* Typed dates */

G_DEFINE_QUARK (sam-date-error-quark, sam_date_error)

/* Where a month's name may be typed: in the interface's language and in English, whole or
 * by its first three letters ("4 maj 2026", "4. marts 2026", "May 4, 2026"). */
static guint
month_from_name (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize len = strlen (folded);

  /* "marts." and "Sept." are the same words as without the point. */
  while (len > 0 && folded[len - 1] == '.')
    folded[--len] = '\0';
  if (len < 3)
    return 0;

  for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
    {
      const char *names[] = {
        g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[m]),
        month_names[m],                          /* NC_ marks the English word only */
      };

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          g_autofree char *name = g_utf8_casefold (names[n], -1);

          if (strncmp (name, folded, len) == 0)
            return m + 1;
        }
    }
  return 0;
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
set_checked (const char  *text,
             guint        day,
             guint        month,
             guint        year,
             GDate       *date,
             GError     **error)
{
  if (year < 1000 || year > 9999)
    {
      g_set_error (error, SAM_DATE_ERROR, SAM_DATE_ERROR_INVALID,
                   _("“%s” is not a date: give the year with four digits."), text);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, SAM_DATE_ERROR, SAM_DATE_ERROR_INVALID,
                   _("“%s” is not a date: there is no month %u."), text, month);
      return FALSE;
    }
  if (day < 1 || !g_date_valid_dmy (day, month, year))
    {
      const char *name = g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]);
      guint days = g_date_get_days_in_month (month, year);

      /* Translators: the first %s is what was typed, then the month's name, its year and
       * how many days it has, as in "“31-02-2027” is not a date: February 2027 has 28 days." */
      g_set_error (error, SAM_DATE_ERROR, SAM_DATE_ERROR_INVALID,
                   _("“%s” is not a date: %s %u has %u days."), text, name, year, days);
      return FALSE;
    }
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * sam_date_parse:
 * @text: a date as a person types it
 * @date: (out caller-allocates): the date, where @text is one
 *
 * Reads a date as it is typed in Denmark and in British English: the day first, then the
 * month and the year, joined by "-", "." or "/" ("04-05-2026", "4.5.2026", "4/5/2026"), or
 * with the month's name ("4. maj 2026", "4 May 2026", "May 4, 2026"); and always the ISO
 * form, 2026-05-04. Spaces around it do not matter.
 *
 * Returns: %TRUE where @text is a day that exists; otherwise %FALSE with @error saying why
 *   in words
 */
gboolean
sam_date_parse (const char  *text,
                GDate       *date,
                GError     **error)
{
  g_autofree char *clean = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 numbers[3] = { 0 };
  guint n_parts;
  guint month_part = G_MAXUINT;
  g_autofree char *example = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*clean == '\0')
    {
      GDate sample;

      g_date_clear (&sample, 1);
      g_date_set_dmy (&sample, 4, G_DATE_MAY, 2026);
      example = sam_date_format_short (&sample);
      g_set_error (error, SAM_DATE_ERROR, SAM_DATE_ERROR_EMPTY,
                   _("Give a date, such as %s."), example);
      return FALSE;
    }

  if (sam_date_parse_iso (clean, date))
    return TRUE;

  /* Split at separators and spaces; commas and points after words are dropped. */
  {
    g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
    const char *p = clean;

    while (*p)
      {
        const char *start;

        while (*p && strchr ("-./, ", *p) != NULL)
          p++;
        start = p;
        while (*p && strchr ("-./, ", *p) == NULL)
          p++;
        if (p > start)
          g_ptr_array_add (words, g_strndup (start, p - start));
      }
    g_ptr_array_add (words, NULL);
    parts = (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
  }
  n_parts = g_strv_length (parts);

  if (n_parts == 3)
    {
      gboolean ok = TRUE;

      for (guint i = 0; i < 3 && ok; i++)
        {
          if (all_digits (parts[i]) && strlen (parts[i]) <= 4)
            numbers[i] = g_ascii_strtoull (parts[i], NULL, 10);
          else if (month_part == G_MAXUINT && (numbers[i] = month_from_name (parts[i])) > 0)
            month_part = i;
          else
            ok = FALSE;
        }

      if (ok && month_part == G_MAXUINT && strlen (parts[2]) == 4)
        /* Day, month, year. */
        return set_checked (clean, numbers[0], numbers[1], numbers[2], date, error);
      if (ok && month_part == G_MAXUINT && strlen (parts[0]) == 4)
        /* Year first is ISO's order, with another separator or one digit: 2026/5/4. */
        return set_checked (clean, numbers[2], numbers[1], numbers[0], date, error);
      if (ok && month_part == 1 && strlen (parts[0]) <= 2)
        return set_checked (clean, numbers[0], numbers[1], numbers[2], date, error);
      if (ok && month_part == 0 && strlen (parts[1]) <= 2)
        return set_checked (clean, numbers[1], numbers[0], numbers[2], date, error);
      if (ok && month_part == G_MAXUINT)
        return set_checked (clean, numbers[0], numbers[1], numbers[2], date, error);
    }

  {
    GDate sample;

    g_date_clear (&sample, 1);
    g_date_set_dmy (&sample, 4, G_DATE_MAY, 2026);
    example = sam_date_format_short (&sample);
  }
  /* Translators: %s is what was typed, then an example date in the typed form. */
  g_set_error (error, SAM_DATE_ERROR, SAM_DATE_ERROR_INVALID,
               _("“%s” is not a date: write the day, the month and the year, such as %s."),
               clean, example);
  return FALSE;
}

/**
 * sam_date_format_short:
 *
 * Returns: (transfer full): the date as it is typed in the interface's language, as in
 *   "04-05-2026" in Danish and "04/05/2026" in English
 */
char *
sam_date_format_short (const GDate *date)
{
  char text[64];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: how a date is typed with numbers, in strftime's terms; the day comes
   * first (sam_date_parse reads day, month, year). In Danish "%d-%m-%Y". */
  if (g_date_strftime (text, sizeof text, _("%d/%m/%Y"), date) == 0)
    g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/**
 * sam_date_get_hint:
 *
 * Returns: how a date is typed, for an empty field: "DD/MM/YYYY" in English
 */
const char *
sam_date_get_hint (void)
{
  /* Translators: the form of a typed date, for an empty field; in Danish "DD-MM-ÅÅÅÅ". */
  return _("DD/MM/YYYY");
}
