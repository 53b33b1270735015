/* test-meetings-common.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-meetings-common.h"

/* What the Meetings section's window tests share: a window on a store of its own, a
 * clock the test moves, and ways to reach the runner's parts and notes. */

char *tmpdir;
gint64 fake_now;   /* microseconds since the epoch */


GDateTime *
fake_clock (gpointer data)
{
  g_autoptr(GDateTime) whole = g_date_time_new_from_unix_utc (fake_now / G_USEC_PER_SEC);

  return g_date_time_add (whole, fake_now % G_USEC_PER_SEC);
}


void
open_session (Session    *session,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 cluster;

  session->path = g_build_filename (tmpdir, name, "samarbejde.db", NULL);
  session->app = sam_application_new (session->path, FALSE);
  meetings_unique_application_id (G_APPLICATION (session->app));
  g_application_register (G_APPLICATION (session->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (session->app));
  test_spin (20);
  session->window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (session->app)));
  session->context = sam_window_get_context (session->window);
  session->store = sam_context_get_store (session->context);
  /* 4 May 2026, 12:00 UTC (TZ is UTC in the tests). */
  fake_now = G_GINT64_CONSTANT (1777896000) * G_USEC_PER_SEC;
  sam_context_set_clock (session->context, fake_clock, NULL);
  g_assert_true (sam_store_ensure_cluster (session->store, "Klynge Nord", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (session->store, cluster, "K1", "Lægerne i Byen", &session->clinic_id,
                                          &error));
  g_assert_no_error (error);
  session->page = SAM_MEETINGS_PAGE (sam_window_get_section_page (session->window, "meetings"));
  sam_window_show_section (session->window, "meetings");
  test_spin (5);
}

void
close_session (Session *session)
{
  test_destroy_windows ();
  g_clear_object (&session->app);
  g_clear_pointer (&session->path, g_free);
}

GtkWidget *
runner_child (SamMeetingRunner *runner,
              const char       *name)
{
  GtkWidget *child = _sam_meeting_runner_get_part (runner, name);

  g_assert_nonnull (child);
  return child;
}

void
advance (SamMeetingRunner *runner,
         gint64            us)
{
  fake_now += us;
  sam_meeting_runner_tick (runner);
}

void
type_notes (SamMeetingRunner *runner,
            const char       *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (runner_child (runner, "notes_view")));

  gtk_text_buffer_set_text (buffer, text, -1);
}

const char *
note_of (GPtrArray  *notes,
         const char *step)
{
  for (guint i = 0; i < notes->len; i++)
    {
      SamMeetingNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->step, step) == 0)
        return note->text;
    }
  return NULL;
}

void
collect_cards (GtkWidget *widget,
               GPtrArray *cards)
{
  if (SAM_IS_MEETING_NOTE_CARD (widget))
    g_ptr_array_add (cards, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cards (child, cards);
}

void
add_note (SamMeetingRunner *runner,
          gboolean          red,
          const char       *text)
{
  GtkWidget *entry = runner_child (runner, "card_entry");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (runner_child (runner, red ? "red_check" : "green_check")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

gboolean
dialog_gone (gpointer data)
{
  return test_find_toplevel (SAM_TYPE_MEETING_START_DIALOG) == NULL;
}

void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

GtkWidget *
first_card_in_column (SamMeetingRunner *runner,
                      guint             column)
{
  GtkWidget *columns = runner_child (runner, "columns_box");
  GtkWidget *child = gtk_widget_get_first_child (columns);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  for (guint i = 0; i < column && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  collect_cards (child, cards);
  return cards->len > 0 ? g_ptr_array_index (cards, 0) : NULL;
}

gboolean
runner_has_card (gpointer data)
{
  return first_card_in_column (data, 0) != NULL;
}

/* With SAM_TEST_SHOTS set, the runner as it is drawn now, for a person to look at. */
void
maybe_shot_at (SamMeetingRunner *runner,
               const char       *name,
               GtkWidget        *target)
{
  const char *dir = g_getenv ("SAM_TEST_SHOTS");
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (runner)));
  GtkWidget *scroller = runner_child (runner, "main_scroller");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_point_t point;
  int width, height;

  if (dir == NULL)
    return;
  g_assert_true (gtk_widget_compute_point (target,
                                           gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  gtk_widget_queue_draw (widget);
  test_spin (60);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        {
          gtk_widget_queue_draw (widget);
          test_spin (30);
        }
    }
  /* Only a look, not a check: a frame not drawn yet gives no picture. */
  if (node == NULL)
    {
      g_test_message ("no picture of the runner to save");
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
maybe_shot (SamMeetingRunner *runner,
            const char       *name)
{
  maybe_shot_at (runner, name, runner_child (runner, "cards_box"));
}

/* One counter of application ids for every file of the test, which each would
 * otherwise count from 1 on its own. */
void
meetings_unique_application_id (GApplication *app)
{
  test_unique_application_id (app);
}
