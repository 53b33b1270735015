/* sam-meeting-presentation.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-meeting-presentation.h"
#include "sam-meetings-private.h"

/* The meeting on a projector: the step, its prompts and the time left, large enough to
 * read from the back of the room, and nothing else. It shows the runner's meeting and
 * follows it; Space pauses and resumes, the arrows move between steps, Escape leaves. */

struct _SamMeetingPresentation
{
  AdwWindow         parent_instance;

  SamMeetingRunner *runner;
  guint             shown_step;
  gboolean          has_shown_step;

  GtkLabel         *position_label;
  GtkLabel         *title_label;
  GtkLabel         *countdown_label;
  GtkLabel         *state_label;
  GtkBox           *prompts_box;
};

G_DEFINE_FINAL_TYPE (SamMeetingPresentation, sam_meeting_presentation, ADW_TYPE_WINDOW)

static GtkLabel *
add_label (GtkBox     *box,
           const char *css_class)
{
  GtkWidget *label = _sam_meetings_label ("", css_class);

  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void
update (SamMeetingPresentation *self)
{
  SamMeetingTimer *timer = sam_meeting_runner_get_timer (self->runner);
  const SamMeetingStep *step = sam_meeting_runner_get_step (self->runner);
  g_autofree char *countdown = NULL;
  g_autofree char *position = NULL;
  guint current;

  if (timer == NULL || step == NULL)
    return;
  current = sam_meeting_timer_get_current (timer);
  if (!self->has_shown_step || self->shown_step != current)
    {
      GtkWidget *child;

      self->shown_step = current;
      self->has_shown_step = TRUE;
      gtk_label_set_label (self->title_label, step->title);
      /* TRANSLATORS: "Step 2 of 6 · Discussion": the step's number, the number of steps, its kind */
      position = g_strdup_printf (_("Step %u of %u · %s"), current + 1, sam_meeting_timer_get_n_steps (timer),
                                  sam_meeting_step_kind_get_label (step->kind));
      gtk_label_set_label (self->position_label, position);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->prompts_box))) != NULL)
        gtk_box_remove (self->prompts_box, child);
      /* The prompts for the room; a step without any shows what the facilitator says. */
      for (guint i = 0; step->prompts != NULL && i < step->prompts->len; i++)
        gtk_label_set_label (add_label (self->prompts_box, "presentation-prompt"),
                             g_ptr_array_index (step->prompts, i));
      if ((step->prompts == NULL || step->prompts->len == 0) && step->facilitator != NULL)
        gtk_label_set_label (add_label (self->prompts_box, "presentation-prompt"), step->facilitator);
    }

  countdown = sam_meeting_runner_get_countdown_text (self->runner);
  gtk_label_set_label (self->countdown_label, countdown);
  if (sam_meeting_runner_is_time_up (self->runner))
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "time-up");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "time-up");
  gtk_label_set_label (self->state_label,
                       sam_meeting_timer_get_state (timer) == SAM_MEETING_TIMER_PAUSED ? _("Paused") : "");
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sam_meeting_runner_toggle_pause (SAM_MEETING_PRESENTATION (widget)->runner);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sam_meeting_runner_next (SAM_MEETING_PRESENTATION (widget)->runner);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sam_meeting_runner_previous (SAM_MEETING_PRESENTATION (widget)->runner);
}

static void
sam_meeting_presentation_dispose (GObject *object)
{
  SamMeetingPresentation *self = SAM_MEETING_PRESENTATION (object);

  g_clear_object (&self->runner);
  G_OBJECT_CLASS (sam_meeting_presentation_parent_class)->dispose (object);
}

static void
sam_meeting_presentation_class_init (SamMeetingPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_meeting_presentation_dispose;

  gtk_widget_class_install_action (widget_class, "presentation.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
}

/* The keys are caught before the window's own (Space activates, the arrows move the
 * focus), as a clicker or a keyboard at the projector sends just these. */
static void
add_keys (SamMeetingPresentation *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_space, "presentation.pause" },
    { GDK_KEY_KP_Space, "presentation.pause" },
    { GDK_KEY_Right, "presentation.next" },
    { GDK_KEY_Page_Down, "presentation.next" },
    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_Page_Up, "presentation.previous" },
    { GDK_KEY_Escape, "window.close" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
sam_meeting_presentation_init (SamMeetingPresentation *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *hint;

  _sam_meetings_ensure_style ();
  add_keys (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "meeting-presentation");
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  gtk_widget_set_vexpand (clamp, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_end (box, 48);
  self->position_label = add_label (GTK_BOX (box), "presentation-kind");
  gtk_widget_add_css_class (GTK_WIDGET (self->position_label), "dim-label");
  self->title_label = add_label (GTK_BOX (box), "presentation-title");
  self->countdown_label = add_label (GTK_BOX (box), "meeting-countdown");
  gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "numeric");
  self->state_label = add_label (GTK_BOX (box), "presentation-kind");
  self->prompts_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->prompts_box));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_box_append (GTK_BOX (outer), clamp);

  hint = _sam_meetings_label (_("Space pauses or resumes · ← and → move between steps · Esc leaves"),
                              "presentation-hint");
  gtk_label_set_xalign (GTK_LABEL (hint), 0.5);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_margin_bottom (hint, 18);
  gtk_box_append (GTK_BOX (outer), hint);
  adw_window_set_content (ADW_WINDOW (self), outer);
  gtk_window_set_title (GTK_WINDOW (self), _("Meeting Presentation"));
}

/**
 * sam_meeting_presentation_new:
 *
 * Returns: (transfer full): a window showing @runner's meeting; present and fullscreen it
 */
SamMeetingPresentation *
sam_meeting_presentation_new (SamMeetingRunner *runner)
{
  SamMeetingPresentation *self;

  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (runner), NULL);

  self = g_object_new (SAM_TYPE_MEETING_PRESENTATION, NULL);
  self->runner = g_object_ref (runner);
  g_signal_connect_object (runner, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (runner, "finished", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  update (self);
  return self;
}

const char *
sam_meeting_presentation_get_title_text (SamMeetingPresentation *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_PRESENTATION (self), NULL);
  return gtk_label_get_label (self->title_label);
}
