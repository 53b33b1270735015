/* sam-meetings-common.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meetings"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dates.h"
#include "sam-dialogs.h"
#include "sam-instrument.h"
#include "sam-meeting-report.h"
#include "sam-meetings-private.h"

gint64
_sam_meetings_now_us (SamContext *context)
{
  g_autoptr(GDateTime) now = sam_context_now (context);

  return g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
}

/* A moment of the meeting's clock as the room reads a clock: 14:45. */
char *
_sam_meetings_format_clock (gint64 us)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (us / G_USEC_PER_SEC);

  return when != NULL ? g_date_time_format (when, "%H:%M") : g_strdup ("");
}

/* A countdown: 4:05 while time is left, −0:42 once it has run over. Seconds are
 * rounded up while counting down, so "0:00" shows exactly when the time is up. */
char *
_sam_meetings_format_remaining (gint64 us)
{
  gint64 seconds;

  if (us > 0)
    {
      seconds = (us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
      return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
    }
  seconds = -us / G_USEC_PER_SEC;
  if (seconds == 0)
    return g_strdup ("0:00");
  return g_strdup_printf ("−%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

char *
_sam_meetings_describe_place (SamContext       *context,
                              const SamMeeting *meeting)
{
  return sam_meeting_report_describe_place (sam_context_get_store (context), meeting);
}

/* What an action answers to: an item's or a domain's name, or NULL. */
char *
_sam_meetings_describe_link (const SamMeetingAction *action)
{
  return sam_meeting_report_describe_link (action);
}

GtkWidget *
_sam_meetings_label (const char *text,
                     const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The section's own look (the countdown's size, the notes' colours), loaded once. */
void
_sam_meetings_ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/ui/sam-meetings.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* What did not work, as a bell and a toast: the meeting goes on. */
void
_sam_meetings_show_error (GtkWidget    *widget,
                          const GError *error)
{
  gtk_widget_error_bell (widget);
  sam_dialogs_toast (widget, error->message);
}

void
_sam_meetings_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The prompts for the room and the reflection questions of @step, hidden where it has
 * none. */
void
_sam_meetings_fill_prompts (GtkBox               *box,
                            const SamMeetingStep *step)
{
  /* Shown before it is filled: GTK 4.8 keeps the old size of a box that was hidden while
   * its children changed, and wrapped prompts would then run into what follows. */
  gtk_widget_set_visible (GTK_WIDGET (box), TRUE);
  _sam_meetings_clear_box (box);
  for (guint i = 0; step->prompts != NULL && i < step->prompts->len; i++)
    {
      g_autofree char *text =
        g_strdup_printf ("• %s", (char *) g_ptr_array_index (step->prompts, i));

      gtk_box_append (box, _sam_meetings_label (text, "meeting-prompt"));
    }
  for (guint g = 0; step->reflections != NULL && g < step->reflections->len; g++)
    {
      const SamMeetingReflectionGroup *group = g_ptr_array_index (step->reflections, g);

      gtk_box_append (box, _sam_meetings_label (group->title, "heading"));
      if (group->note != NULL)
        gtk_box_append (box, _sam_meetings_label (group->note, "dim-label"));
      for (guint q = 0; q < group->questions->len; q++)
        {
          const SamMeetingReflection *reflection = g_ptr_array_index (group->questions, q);
          g_autofree char *text = g_strdup_printf ("%u. %s", reflection->number, reflection->text);

          gtk_box_append (box, _sam_meetings_label (text, "meeting-prompt"));
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (box),
                          gtk_widget_get_first_child (GTK_WIDGET (box)) != NULL);

}

/* gtk_list_box_remove_all () is GTK 4.12's. */
void
_sam_meetings_clear_list (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))) != NULL)
    gtk_list_box_remove (list, row);
}
