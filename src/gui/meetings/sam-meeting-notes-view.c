/* sam-meeting-notes-view.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-notes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-meeting-notes-view.h"
#include "sam-meetings-private.h"

/* The step's notes, saved as they are typed: a moment after the typing stops, and
 * whenever the runner asks (the step changes, the runner goes), so a crash loses at most
 * the last keystrokes. Its "status" says when they were saved. */

#define SAVE_DELAY_MS 400

struct _SamMeetingNotesView
{
  GtkBox       parent_instance;

  SamStore    *store;
  gint64       meeting_id;
  char        *step_id;       /* the step whose notes are shown */
  char        *dirty_step;    /* the step whose notes wait to be saved */
  char        *status;
  guint        save_id;
  gboolean     loading_note;

  GtkTextView *notes_view;
};

G_DEFINE_FINAL_TYPE (SamMeetingNotesView, sam_meeting_notes_view, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_status (SamMeetingNotesView *self,
            const char          *status)
{
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* Keeps what was typed, at once. */
void
sam_meeting_notes_view_save (SamMeetingNotesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (SAM_IS_MEETING_NOTES_VIEW (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->dirty_step == NULL || self->store == NULL)
    return;
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sam_meeting_store_set_note (self->store, self->meeting_id, self->dirty_step, text, &error))
    {
      _sam_meetings_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_clear_pointer (&self->dirty_step, g_free);
  set_status (self, _("Notes saved"));
}

static gboolean
save_notes_timeout (gpointer data)
{
  SamMeetingNotesView *self = data;

  self->save_id = 0;
  sam_meeting_notes_view_save (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (SamMeetingNotesView *self,
                  GtkTextBuffer       *buffer)
{
  if (self->loading_note || self->step_id == NULL || self->store == NULL)
    return;
  if (self->dirty_step == NULL)
    self->dirty_step = g_strdup (self->step_id);
  set_status (self, "");
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_notes_timeout, self);
}

/* The meeting whose notes are typed. */
void
sam_meeting_notes_view_set_meeting (SamMeetingNotesView *self,
                                    SamStore            *store,
                                    gint64               meeting_id)
{
  g_return_if_fail (SAM_IS_MEETING_NOTES_VIEW (self));

  g_set_object (&self->store, store);
  self->meeting_id = meeting_id;
}

/* Shows the notes kept for @step_id, where the typing goes from now on. */
void
sam_meeting_notes_view_load (SamMeetingNotesView *self,
                             const char          *step_id)
{
  g_autoptr(GPtrArray) notes = NULL;
  const char *text = "";

  g_return_if_fail (SAM_IS_MEETING_NOTES_VIEW (self));
  g_return_if_fail (self->store != NULL);

  notes = sam_meeting_store_list_notes (self->store, self->meeting_id, NULL);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      SamMeetingNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->step, step_id) == 0)
        text = note->text;
    }
  g_free (self->step_id);
  self->step_id = g_strdup (step_id);
  self->loading_note = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text, -1);
  self->loading_note = FALSE;
  set_status (self, "");
}

static void
sam_meeting_notes_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SamMeetingNotesView *self = SAM_MEETING_NOTES_VIEW (object);

  if (prop_id == PROP_STATUS)
    g_value_set_string (value, self->status != NULL ? self->status : "");
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sam_meeting_notes_view_dispose (GObject *object)
{
  SamMeetingNotesView *self = SAM_MEETING_NOTES_VIEW (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MEETING_NOTES_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->step_id, g_free);
  g_clear_pointer (&self->dirty_step, g_free);
  g_clear_pointer (&self->status, g_free);
  G_OBJECT_CLASS (sam_meeting_notes_view_parent_class)->dispose (object);
}

static void
sam_meeting_notes_view_class_init (SamMeetingNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_meeting_notes_view_dispose;
  object_class->get_property = sam_meeting_notes_view_get_property;

  /**
   * SamMeetingNotesView:status:
   *
   * Whether the notes were saved: "Notes saved", or empty while they are typed.
   */
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, "",
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-meeting-notes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingNotesView, notes_view);
}

static void
sam_meeting_notes_view_init (SamMeetingNotesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
}
