/* test-forms-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-application.h"
#include "sam-cluster-file.h"
#include "sam-date-row.h"
#include "sam-demo.h"
#include "sam-import-dialog.h"
#include "sam-import-dialog-private.h"
#include "sam-meeting-schedule.h"
#include "sam-meeting-timer.h"
#include "sam-meeting-start-dialog.h"
#include "sam-meeting-store.h"
#include "sam-store-testing.h"
#include "sam-survey-import.h"
#include "sam-support-page.h"
#include "sam-support-page-private.h"
#include "sam-window.h"
#include "test-gui-common.h"
#include "test-window-common.h"

/* The forms a clinic fills in: the one date control, the import dialog on the app's own
 * files, the meeting's start dialog, the demo's reset, and every section at 360 × 640. */

static char *tmpdir;

static SamWindow *
open_window (SamApplication *app)
{
  g_autoptr(GError) error = NULL;

  test_unique_application_id (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  test_spin (20);
  return SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A key pressed as the key controllers of @widget get it. */
static gboolean
press (GtkWidget *widget,
       guint      keyval,
       guint      state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
popover_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* Typed as a Dane types it, said why where it is none, and a calendar by the keys. */
static void
test_date_row (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *list = gtk_list_box_new ();
  SamDateRow *row = SAM_DATE_ROW (sam_date_row_new ());
  GtkEditable *entry = sam_date_row_get_entry (row);
  GtkMenuButton *button = sam_date_row_get_calendar_button (row);
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkCalendar *calendar;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Date");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_window_set_child (window, list);
  gtk_window_present (window);
  test_spin (10);

  /* dd-mm-yyyy is read, and shown in words below the title. */
  gtk_editable_set_text (entry, "01-02-2027");
  g_assert_cmpstr (sam_date_row_get_date (row), ==, "2027-02-01");
  g_assert_true (sam_date_row_get_valid (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1 February 2027");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  gtk_editable_set_text (entry, "1.2.2027");
  g_assert_cmpstr (sam_date_row_get_date (row), ==, "2027-02-01");

  /* A day that does not exist says why, in words, where it is seen and heard. */
  gtk_editable_set_text (entry, "31-02-2027");
  g_assert_null (sam_date_row_get_date (row));
  g_assert_false (sam_date_row_get_valid (row));
  g_assert_cmpstr (sam_date_row_get_message (row), ==, "“31-02-2027” is not a date: February 2027 has 28 days.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, sam_date_row_get_message (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  /* Empty: wrong where a date is needed, fine where it is optional. */
  gtk_editable_set_text (entry, "");
  g_assert_false (sam_date_row_get_valid (row));
  sam_date_row_set_optional (row, TRUE);
  g_assert_true (sam_date_row_get_valid (row));
  g_assert_null (sam_date_row_get_date (row));

  /* The calendar's button is named, for a screen reader and a tooltip. */
  g_object_get (button, "tooltip-text", &label, NULL);
  g_assert_cmpstr (label, ==, "Choose From a Calendar");

  /* Alt+Down in the text opens the calendar on the date typed; Escape closes it and
   * keeps the text as typed, even half a date. */
  gtk_editable_set_text (entry, "04-05-2026");
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_assert_false (press (GTK_WIDGET (entry), GDK_KEY_Down, 0));
  g_assert_true (press (GTK_WIDGET (entry), GDK_KEY_Down, GDK_ALT_MASK));
  test_spin_until (popover_shown, popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  day = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 4);
  g_assert_cmpint (g_date_time_get_month (day), ==, 5);
  g_assert_true (press (GTK_WIDGET (popover), GDK_KEY_Escape, 0));
  test_spin_until (popover_hidden, popover);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "04-05-2026");

  /* Opened from its button, a day chosen in it is written in the text, in the typed form. */
  gtk_editable_set_text (entry, "17-0");
  gtk_menu_button_popup (button);
  test_spin_until (popover_shown, popover);
  g_assert_true (press (GTK_WIDGET (popover), GDK_KEY_Escape, 0));
  test_spin_until (popover_hidden, popover);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "17-0");
  gtk_menu_button_popup (button);
  test_spin_until (popover_shown, popover);
  g_clear_pointer (&day, g_date_time_unref);
  day = g_date_time_new_local (2026, 11, 10, 12, 0, 0);
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  test_spin_until (popover_hidden, popover);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "10/11/2026");
  g_assert_cmpstr (sam_date_row_get_date (row), ==, "2026-11-10");

  gtk_window_destroy (window);
  test_spin (10);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static SamImportDialog *
import_dialog (SamWindow  *window,
               const char *path)
{
  g_autoptr(GBytes) bytes = file_bytes (path);
  SamImportDialog *dialog = sam_import_dialog_new (GTK_WINDOW (window), sam_window_get_context (window), path, bytes);

  gtk_window_present (GTK_WINDOW (dialog));
  return test_wait_for_reading (GTK_WINDOW (dialog));
}

/* The app's own files, given as survey answers, say what they are and where they go;
 * a survey file's errors are a list to scroll through. */
static void
test_import_own_files (void)
{
  g_autoptr(SamApplication) app = sam_application_new (NULL, TRUE);
  SamWindow *window = open_window (app);
  SamStore *store = sam_context_get_store (sam_window_get_context (window));
  g_autofree char *results = g_build_filename (tmpdir, "results.csv", NULL);
  g_autofree char *tallies = g_build_filename (tmpdir, "tallies.json", NULL);
  g_autofree char *figures = g_build_filename (tmpdir, "figures.json", NULL);
  g_autofree char *bad = g_build_filename (tmpdir, "bad.csv", NULL);
  g_autoptr(GFile) results_file = g_file_new_for_path (results);
  g_autoptr(GFile) figures_file = g_file_new_for_path (figures);
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);
  g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new ("clinic;role;q1\n");
  g_autoptr(GError) error = NULL;
  const struct { const char *path; const char *heading; const char *import; } own[] = {
    { results, "This Is a Results File", "Import National Reference…" },
    { tallies, "This Is a Tallies File", "Import Files From the Cluster…" },
    { figures, "This Is a Figures File", "Import Files From the Cluster…" },
  };
  gint64 round_id = 0;
  SamImportDialog *dialog;
  GtkWidget *list, *scrolled;
  guint n_rows = 0;

  /* The files as the app writes them. */
  {
    g_autoptr(GPtrArray) left_out = test_export_results (window, results_file, &error);

    g_assert_no_error (error);
  }
  for (guint i = 0; i < rounds->len; i++)
    if (((SamRound *) g_ptr_array_index (rounds, i))->closed)
      round_id = ((SamRound *) g_ptr_array_index (rounds, i))->id;
  g_assert_cmpint (round_id, >, 0);
  g_assert_true (test_write_cluster_file (window, TRUE, round_id, figures_file, &error));
  g_assert_no_error (error);
  g_assert_true (sam_cluster_file_write_tallies (store, round_id, ((SamClinic *) g_ptr_array_index (clinics, 0))->id,
                                                 out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (tallies, out->str, out->len, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      const char *body;

      g_test_message ("%s", own[i].path);
      dialog = import_dialog (window, own[i].path);
      g_assert_true (sam_import_dialog_has_errors (dialog));
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, own[i].heading);
      body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
      g_assert_nonnull (strstr (body, own[i].import));
      g_assert_nonnull (strstr (body, "not survey answers"));
      g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
      test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }

  /* Forty bad rows: each error a row of a list that scrolls, not a box too small to read. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (csv, "Klinik %u;partner;Enig\n", i);
  g_assert_true (g_file_set_contents (bad, csv->str, csv->len, NULL));
  dialog = import_dialog (window, bad);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The File Cannot Be Imported");
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), SAM_TYPE_IMPORT_DIALOG, "errors_list"));
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_true (gtk_widget_get_mapped (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, >=, 20);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (test_find_widget (list, GTK_TYPE_LABEL))),
                            "bad.csv:2:q1:"));
  scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_cmpint (gtk_widget_get_height (scrolled), >=, 160);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))),
                     >, gtk_widget_get_height (scrolled));
  test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");

  test_destroy_windows ();
}

static GtkWindow *
start_dialog (SamWindow  *window,
              const char *template_id)
{
  SamMeetingStartDialog *dialog =
    sam_meeting_start_dialog_new (GTK_WINDOW (window), sam_window_get_context (window),
                                  sam_meeting_template_lookup (template_id));

  gtk_window_present (GTK_WINDOW (dialog));
  test_spin (10);
  return GTK_WINDOW (dialog);
}

static guint
count_taking_part (SamStore *store)
{
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);
  g_autoptr(GPtrArray) clinics = NULL;
  SamRound *newest = NULL;
  guint n = 0;

  for (guint i = 0; i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if (newest == NULL || g_strcmp0 (round->date, newest->date) > 0)
        newest = round;
    }
  clinics = sam_store_list_round_clinics (store, newest->id, NULL);
  for (guint i = 0; i < clinics->len; i++)
    n += ((SamRoundClinic *) g_ptr_array_index (clinics, i))->taking_part;
  return n;
}

/* The cluster meeting: the clinics taking part, the follow-up where an earlier round
 * exists, and every step's minutes with the total; what was changed goes with the meeting. */
static void
test_start_dialog (void)
{
  g_autoptr(SamApplication) app = sam_application_new (NULL, TRUE);
  SamWindow *window = open_window (app);
  SamStore *store = sam_context_get_store (sam_window_get_context (window));
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(SamMeetingSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  SamMeetingTemplate *template = sam_meeting_template_lookup ("cluster-meeting");
  GtkWindow *dialog;
  GtkWidget *participants, *earlier, *total, *groups, *follow_up, *date;
  SamMeeting *meeting;

  dialog = start_dialog (window, "cluster-meeting");
  /* The demo's cluster has two rounds: the newest one's clinics, and a follow-up. */
  participants = test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (count_taking_part (store), >, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (participants)), ==, count_taking_part (store));
  earlier = test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (earlier)));

  /* Two and a half hours at a follow-up too; its minutes come from the rest. */
  total = find_named (GTK_WIDGET (dialog), "total-label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, "Total: 150 minutes");
  follow_up = find_named (GTK_WIDGET (dialog), "minutes-follow-up");
  g_assert_nonnull (follow_up);
  g_assert_true (gtk_widget_get_mapped (follow_up) || gtk_widget_get_visible (follow_up));
  groups = find_named (GTK_WIDGET (dialog), "minutes-block-1-groups");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (groups)), ==, 25);

  /* Changed before starting: the total follows, and says what was planned. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (groups), 35);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, "Total: 160 minutes (planned: 150)");

  /* Without the follow-up, its step goes and the others have their full time. */
  gtk_switch_set_active (GTK_SWITCH (earlier), FALSE);
  g_assert_null (find_named (GTK_WIDGET (dialog), "minutes-follow-up"));
  groups = find_named (GTK_WIDGET (dialog), "minutes-block-1-groups");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (groups)), ==, 30);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, "Total: 150 minutes");
  gtk_switch_set_active (GTK_SWITCH (earlier), TRUE);
  groups = find_named (GTK_WIDGET (dialog), "minutes-block-1-groups");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (groups), 20);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, "Total: 145 minutes (planned: 150)");

  /* A date that is none stops the start, saying why. */
  date = test_find_widget (GTK_WIDGET (dialog), SAM_TYPE_DATE_ROW);
  gtk_editable_set_text (sam_date_row_get_entry (SAM_DATE_ROW (date)), "31-02-2027");
  g_assert_false (sam_meeting_start_dialog_start (SAM_MEETING_START_DIALOG (dialog), &error));
  g_assert_nonnull (strstr (error->message, "February 2027 has 28 days"));
  g_clear_error (&error);
  gtk_editable_set_text (sam_date_row_get_entry (SAM_DATE_ROW (date)), "01-02-2027");
  g_assert_true (sam_meeting_start_dialog_start (SAM_MEETING_START_DIALOG (dialog), &error));
  g_assert_no_error (error);

  meetings = sam_meeting_store_list (store, NULL);
  g_assert_cmpuint (meetings->len, >=, 1);
  meeting = NULL;
  for (guint i = 0; i < meetings->len; i++)
    if (g_str_equal (((SamMeeting *) g_ptr_array_index (meetings, i))->date, "2027-02-01"))
      meeting = g_ptr_array_index (meetings, i);
  g_assert_nonnull (meeting);
  g_assert_true (meeting->earlier_round);
  g_assert_cmpuint (meeting->participants, ==, count_taking_part (store));
  schedule = sam_meeting_schedule_load (store, meeting);
  g_assert_cmpuint (sam_meeting_schedule_get_seconds (schedule, sam_meeting_template_lookup_step (template,
                                                                                                  "block-1-groups")),
                    ==, 20 * 60);
  g_assert_cmpuint (sam_meeting_schedule_get_total (schedule), ==, 145 * 60);
  g_assert_false (sam_meeting_schedule_is_planned (schedule));
  /* And the meeting runs to those times. */
  {
    g_autoptr(SamMeetingTimer) timer = sam_meeting_timer_new_for_schedule (schedule);

    g_assert_cmpint (sam_meeting_timer_get_planned_end (timer, 0), ==, (gint64) 145 * 60 * G_USEC_PER_SEC);
    for (guint i = 0; i < sam_meeting_timer_get_n_steps (timer); i++)
      if (g_str_equal (sam_meeting_timer_get_step (timer, i)->id, "block-1-groups"))
        g_assert_cmpint (sam_meeting_timer_get_step_allotted (timer, i), ==, (gint64) 20 * 60 * G_USEC_PER_SEC);
  }

  test_destroy_windows ();
}

static gboolean
window_replaced (gpointer data)
{
  SamApplication *app = data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  return active != NULL && g_object_get_data (G_OBJECT (active), "old") == NULL;
}

static gint64
count (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

/* Reset the Demo, from the banner's menu: asked first, then the demo as it was. */
static void
test_reset_demo (void)
{
  g_autoptr(SamApplication) app = sam_application_new (NULL, TRUE);
  SamWindow *window = open_window (app);
  SamStore *store = sam_context_get_store (sam_window_get_context (window));
  gint64 clusters = count (store, "SELECT count(*) FROM clusters");
  gint64 answers = count (store, "SELECT count(*) FROM answers");
  GtkWindow *dialog;
  gint64 cluster_id;

  g_assert_true (sam_store_ensure_cluster (store, "Testklyngen", &cluster_id, NULL));
  g_assert_true (sam_store_testing_exec (store, "DELETE FROM respondents WHERE id % 2 = 0", NULL));
  g_assert_cmpint (count (store, "SELECT count(*) FROM answers"), <, answers);

  /* Cancelled: nothing changes. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "reset-demo", NULL);
  test_spin (10);
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Reset the Demo?");
  test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpint (count (store, "SELECT count(*) FROM clusters"), ==, clusters + 1);

  /* Confirmed: the demo as it was, in a window made anew on it. */
  g_object_set_data (G_OBJECT (window), "old", GINT_TO_POINTER (1));
  g_action_group_activate_action (G_ACTION_GROUP (window), "reset-demo", NULL);
  test_spin (10);
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "confirm"), ==, "_Reset");
  test_respond (ADW_MESSAGE_DIALOG (dialog), "confirm");
  test_spin_until (window_replaced, app);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_null (g_object_get_data (G_OBJECT (window), "old"));
  store = sam_context_get_store (sam_window_get_context (window));
  g_assert_true (sam_store_is_demo (store));
  g_assert_cmpint (count (store, "SELECT count(*) FROM clusters"), ==, clusters);
  g_assert_cmpint (count (store, "SELECT count(*) FROM answers"), ==, answers);

  test_destroy_windows ();
}

/* Every widget shown under @widget that is wider than @limit, named with its parents. */
static void
find_wider (GtkWidget *widget,
            int        limit,
            GString   *out,
            guint     *n)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* libadwaita's header bars overhang their box by a pixel on each side. */
  if (gtk_widget_get_width (widget) > limit + (ADW_IS_HEADER_BAR (widget) || GTK_IS_WINDOW_HANDLE (widget) ? 2 : 0))
    {
      (*n)++;
      g_string_append_printf (out, "  %d px:", gtk_widget_get_width (widget));
      for (GtkWidget *w = widget; w != NULL && n != NULL; w = gtk_widget_get_parent (w))
        {
          const char *name = gtk_widget_get_name (w);

          g_string_append_printf (out, " < %s", G_OBJECT_TYPE_NAME (w));
          if (name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (w)))
            g_string_append_printf (out, "#%s", name);
          if (GTK_IS_LABEL (w))
            g_string_append_printf (out, " “%.30s”", gtk_label_get_text (GTK_LABEL (w)));
        }
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_wider (child, limit, out, n);
}

/* The deepest widgets whose minimum width is more than @limit: what keeps a page wide. */
static gboolean
find_too_wide (GtkWidget *widget,
               int        limit,
               GString   *out)
{
  gboolean child_too_wide = FALSE;
  int minimum = 0;

  if (!gtk_widget_get_visible (widget))
    return FALSE;
  /* A window's minimum holds its shadow: its content is what must fit. */
  if (GTK_IS_WINDOW (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        child_too_wide |= find_too_wide (child, limit, out);
      return child_too_wide;
    }
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= limit)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    child_too_wide |= find_too_wide (child, limit, out);
  if (!child_too_wide)
    {
      g_string_append_printf (out, "  needs %d px [", minimum);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min = 0;

          if (!gtk_widget_get_visible (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
          g_string_append_printf (out, "%s %d", G_OBJECT_TYPE_NAME (child), child_min);
          if (GTK_IS_LABEL (child))
            g_string_append_printf (out, " “%.24s”", gtk_label_get_text (GTK_LABEL (child)));
          if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) != NULL)
            g_string_append_printf (out, " “%.24s”", gtk_button_get_label (GTK_BUTTON (child)));
          g_string_append (out, ", ");
        }
      g_string_append (out, "]:");
      for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
        {
          g_string_append_printf (out, " < %s", G_OBJECT_TYPE_NAME (w));
          if (GTK_IS_LABEL (w))
            g_string_append_printf (out, " “%.30s”", gtk_label_get_text (GTK_LABEL (w)));
          if (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)) != NULL)
            g_string_append_printf (out, " “%.30s”", gtk_button_get_label (GTK_BUTTON (w)));
          if (SAM_IS_WINDOW (w) || GTK_IS_STACK (gtk_widget_get_parent (w)))
            break;
        }
      g_string_append_c (out, '\n');
    }
  return TRUE;
}

/* Nothing wider than the window, and the window no wider than 360 pixels. */
static guint
check_fits (GtkWindow  *window,
            const char *where)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int width;
  guint n = 0;

  test_spin (30);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  find_wider (GTK_WIDGET (window), MIN (width, 360), out, &n);
  if (n > 0)
    {
      g_autoptr(GString) wide = g_string_new (NULL);

      find_too_wide (GTK_WIDGET (window), 360, wide);
      g_printerr ("%s: window %d px; wider than 360 px at least:\n%s", where, width, wide->str);
    }
  return n;
}

static gboolean
support_complete (gpointer page)
{
  return sam_support_page_is_complete (page);
}

/* At 360 × 640, GNOME's phone width and a split screen on a clinic laptop, every section
 * and the main dialogs fit the window: nothing is wider than it. */
static void
test_narrow (void)
{
  /* Results in each view and a meeting run step by step are walked at 360 × 640, in
   * English and Danish, by test-narrow-gui.c. */
  static const char *sections[] = { "overview", "questionnaire", "plan", "reflection", "support" };
  g_autoptr(SamApplication) app = sam_application_new (NULL, TRUE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SamWindow *window;
  GtkWindow *dialog;
  guint n_wider = 0;

  /* The size the window opens at is the one it was left at. */
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  window = open_window (app);
  test_spin (30);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      sam_window_show_section (window, sections[i]);
      /* Folded, the section is shown in place of the sidebar, as a click on it does. */
      adw_leaflet_navigate (ADW_LEAFLET (test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET)),
                            ADW_NAVIGATION_DIRECTION_FORWARD);
      /* Support's lower groups come in a frame after it is first shown: all of them measured. */
      if (g_str_equal (sections[i], "support"))
        test_spin_until (support_complete, sam_window_get_section_page (window, sections[i]));
      n_wider += check_fits (GTK_WINDOW (window), sections[i]);
    }

  dialog = GTK_WINDOW (sam_meeting_start_dialog_new (GTK_WINDOW (window), sam_window_get_context (window),
                                                     sam_meeting_template_lookup ("cluster-meeting")));
  gtk_window_set_default_size (dialog, 360, 640);
  gtk_window_present (dialog);
  n_wider += check_fits (dialog, "start dialog");
  gtk_window_destroy (dialog);
  g_assert_cmpuint (n_wider, ==, 0);

  test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/forms-gui/date-row", test_date_row);
  g_test_add_func ("/forms-gui/import-own-files", test_import_own_files);
  g_test_add_func ("/forms-gui/start-dialog", test_start_dialog);
  g_test_add_func ("/forms-gui/reset-demo", test_reset_demo);
  g_test_add_func ("/forms-gui/narrow", test_narrow);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
