/* sam-meeting-runner.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-runner"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dialogs.h"
#include "sam-meeting-action-list.h"
#include "sam-meeting-board.h"
#include "sam-meeting-charts.h"
#include "sam-meeting-notes-view.h"
#include "sam-meeting-phones-room.h"
#include "sam-meeting-presentation.h"
#include "sam-meeting-runner.h"
#include "sam-meeting-runner-private.h"
#include "sam-meetings-private.h"

/* Runs a meeting from its template: the steps down the side with the current one large,
 * its countdown, what the facilitator says and the prompts for the room, the step's
 * notes, its green and red notes sorted under headings, and the actions decided.
 *
 * Everything typed goes to the store at once or, for the step's notes, a moment after
 * the typing stops and whenever the step changes or the runner goes, so a crash loses
 * at most the last keystrokes. The clock is the context's, ticked by a timeout, so a
 * test can run an hour's meeting without waiting. */

#define TICK_MS 250

struct _SamMeetingRunner
{
  AdwBin              parent_instance;

  SamContext         *context;
  SamMeeting         *meeting;
  SamMeetingTemplate *template;
  SamMeetingTimer    *timer;
  GPtrArray          *step_rows;     /* GtkWidget, one per step held */
  guint               tick_id;
  guint               shown_step;    /* the step whose content is on screen */
  gboolean            has_shown_step;
  guint               n_cues;
  GtkWindow          *presentation;  /* weak: the projector's window, while it is open */
  SamMeetingCharts   *charts;        /* the data reviews' charts, shared with the projector */

  AdwFlap            *steps_flap;
  GtkListBox         *steps_list;
  GtkScrolledWindow  *main_scroller;
  GtkLabel           *position_label;
  GtkLabel           *step_title_label;
  GtkLabel           *countdown_label;
  GtkLabel           *state_label;
  GtkLabel           *schedule_label;
  GtkButton          *pause_button;
  GtkButton          *next_button;
  GtkLabel           *facilitator_label;
  GtkBox             *prompts_box;
  GtkBox             *charts_box;
  SamMeetingBoard    *cards_box;
  SamMeetingActionList *actions_box;
  SamMeetingNotesView *notes_part;

  SamMeetingPhonesRoom *phones_room;
};

G_DEFINE_FINAL_TYPE (SamMeetingRunner, sam_meeting_runner, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a second view of the meeting reads, the projector's. */
enum {
  PROP_TIMER = SAM_CONTEXT_PROP + 1,
  PROP_COUNTDOWN_TEXT,
  PROP_TIME_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_view (SamMeetingRunner *self);

static SamStore *
get_store (SamMeetingRunner *self)
{
  return sam_context_get_store (self->context);
}

/* The step on screen */

static void
show_step (SamMeetingRunner *self)
{
  guint current = sam_meeting_timer_get_current (self->timer);
  const SamMeetingStep *step = sam_meeting_timer_get_step (self->timer, current);

  sam_meeting_notes_view_save (self->notes_part);
  /* The room is the step's: another step closes it. */
  sam_meeting_phones_room_close (self->phones_room);
  self->shown_step = current;
  self->has_shown_step = TRUE;

  gtk_label_set_label (self->step_title_label, step->title);
  gtk_widget_set_visible (GTK_WIDGET (self->facilitator_label), TRUE);
  gtk_label_set_label (self->facilitator_label, step->facilitator != NULL ? step->facilitator : "");
  gtk_widget_set_visible (GTK_WIDGET (self->facilitator_label),
                          step->facilitator != NULL && *step->facilitator != '\0');

  _sam_meetings_fill_prompts (self->prompts_box, step);

  sam_meeting_charts_show (self->charts, self->charts_box, step);
  gtk_widget_set_visible (GTK_WIDGET (self->cards_box), step->notes != SAM_MEETING_NOTES_NONE);
  sam_meeting_board_show_step (self->cards_box, step);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "runner.phones",
                                 step->notes != SAM_MEETING_NOTES_NONE ||
                                 step->phones != SAM_MEETING_PHONES_NONE);
  sam_meeting_phones_room_show_step (self->phones_room, step);

  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), step->kind == SAM_MEETING_STEP_DECIDE);
  if (step->kind == SAM_MEETING_STEP_DECIDE)
    sam_meeting_action_list_show_step (self->actions_box, step->id);

  sam_meeting_notes_view_load (self->notes_part, step->id);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->main_scroller), 0);
}

static void
update_view (SamMeetingRunner *self)
{
  gint64 now = _sam_meetings_now_us (self->context);
  guint current, n_steps;
  const SamMeetingStep *step;
  SamMeetingTimerState state;
  gint64 remaining;
  g_autofree char *position = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *projected = NULL;
  g_autofree char *schedule = NULL;

  if (self->timer == NULL)
    return;
  current = sam_meeting_timer_get_current (self->timer);
  n_steps = sam_meeting_timer_get_n_steps (self->timer);
  step = sam_meeting_timer_get_step (self->timer, current);
  state = sam_meeting_timer_get_state (self->timer);
  if (!self->has_shown_step || self->shown_step != current)
    show_step (self);

  /* TRANSLATORS: "Step 2 of 6 · Discussion": the step's number, the number of steps,
     its kind */
  position = g_strdup_printf (_("Step %u of %u · %s"), current + 1, n_steps,
                              sam_meeting_step_kind_get_label (step->kind));
  gtk_label_set_label (self->position_label, position);

  remaining = sam_meeting_timer_get_remaining (self->timer, now);
  countdown = _sam_meetings_format_remaining (remaining);
  gtk_label_set_label (self->countdown_label, countdown);
  if (remaining <= 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "time-up");
      gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "time-up");
      if (remaining <= 60 * G_USEC_PER_SEC)
        gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "warning");
    }
  if (state == SAM_MEETING_TIMER_PAUSED)
    gtk_label_set_label (self->state_label, _("Paused"));
  else if (remaining <= 0)
    gtk_label_set_label (self->state_label, _("Time is up"));
  else
    gtk_label_set_label (self->state_label, "");
  {
    g_autofree char *accessible = g_strdup_printf (_("Time left: %s"), countdown);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  }

  planned = _sam_meetings_format_clock (sam_meeting_timer_get_planned_end (self->timer, now));
  projected = _sam_meetings_format_clock (sam_meeting_timer_get_projected_end (self->timer, now));
  /* TRANSLATORS: the end by the plan and the end as the meeting goes, both clock times */
  schedule = g_strdup_printf (_("Planned end %s · Expected end %s"), planned, projected);
  gtk_label_set_label (self->schedule_label, schedule);

  gtk_button_set_label (self->pause_button,
                        state == SAM_MEETING_TIMER_PAUSED ? _("_Resume") : _("_Pause"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "runner.previous", current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "runner.next", current + 1 < n_steps);

  for (guint i = 0; i < self->step_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->step_rows, i);

      if (i == current)
        gtk_widget_add_css_class (row, "current");
      else
        gtk_widget_remove_css_class (row, "current");
      if (i < current)
        gtk_widget_add_css_class (row, "done");
      else
        gtk_widget_remove_css_class (row, "done");
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
tick_cb (gpointer data)
{
  sam_meeting_runner_tick (data);
  return G_SOURCE_CONTINUE;
}

static void
build_step_rows (SamMeetingRunner *self)
{
  _sam_meetings_clear_list (self->steps_list);
  g_ptr_array_set_size (self->step_rows, 0);
  for (guint i = 0; i < sam_meeting_timer_get_n_steps (self->timer); i++)
    {
      const SamMeetingStep *step = sam_meeting_timer_get_step (self->timer, i);
      gint64 allotted = sam_meeting_timer_get_step_allotted (self->timer, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *minutes = NULL;
      GtkWidget *label;

      /* TRANSLATORS: a step's planned time in the list of steps */
      minutes = g_strdup_printf (_("%g min"), (double) allotted / (60.0 * G_USEC_PER_SEC));
      label = _sam_meetings_label (step->title, NULL);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), _sam_meetings_label (minutes, "dim-label"));
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "meeting-step-row");
      gtk_list_box_append (self->steps_list, row);
      g_ptr_array_add (self->step_rows, row);
    }
}

static void
on_step_row_activated (SamMeetingRunner *self,
                       GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0)
    _sam_meeting_runner_go_to (self, index);
  /* Folded, the list lies over the step: a step chosen puts it away. */
  if (adw_flap_get_folded (self->steps_flap))
    adw_flap_set_reveal_flap (self->steps_flap, FALSE);
}

/* Notes, votes and answers from phones */

static void
on_room_changed (SamMeetingRunner     *self,
                 gboolean              answered,
                 SamMeetingPhonesRoom *room)
{
  sam_meeting_board_set_phones (self->cards_box, sam_meeting_phones_room_get_phones (room));
  /* Laid out again once the phone's request is over; a note focused stays focused. */
  if (answered)
    sam_meeting_board_rebuild_later (self->cards_box);
}

/**
 * _sam_meeting_runner_open_phones:
 *
 * Opens the current step for notes from phones, or closes it again.
 *
 * Returns: %FALSE where it could not open, with @error set
 */
gboolean
_sam_meeting_runner_open_phones (SamMeetingRunner  *self,
                                 gboolean           open,
                                 GError           **error)
{
  const SamMeetingStep *step = sam_meeting_runner_get_step (self);

  if (!open || step == NULL ||
      (step->notes == SAM_MEETING_NOTES_NONE && step->phones == SAM_MEETING_PHONES_NONE))
    {
      sam_meeting_phones_room_close (self->phones_room);
      return !open;
    }
  return sam_meeting_phones_room_open (self->phones_room, error);
}

/**
 * _sam_meeting_runner_get_phones:
 *
 * Returns: (transfer none) (nullable): the room phones post to, while it is open
 */
SamCollect *
_sam_meeting_runner_get_phones (SamMeetingRunner *self)
{
  return sam_meeting_phones_room_get_phones (self->phones_room);
}

/* Where the room listens: an address such as "127.0.0.1" for a test, NULL for this
 * computer's addresses on the local network. */
void
_sam_meeting_runner_set_phones_listen (SamMeetingRunner *self,
                                       const char       *listen_address)
{
  sam_meeting_phones_room_set_listen (self->phones_room, listen_address);
}

/**
 * _sam_meeting_runner_get_part:
 *
 * Returns: (transfer none) (nullable): a part named in the runner's template or in its
 *   parts' templates, for tests
 */
GtkWidget *
_sam_meeting_runner_get_part (SamMeetingRunner *self,
                              const char       *name)
{
  GObject *part = gtk_widget_get_template_child (GTK_WIDGET (self), SAM_TYPE_MEETING_RUNNER, name);

  if (part == NULL)
    part = gtk_widget_get_template_child (GTK_WIDGET (self->cards_box), SAM_TYPE_MEETING_BOARD,
                                          name);
  if (part == NULL)
    part = gtk_widget_get_template_child (GTK_WIDGET (self->notes_part),
                                          SAM_TYPE_MEETING_NOTES_VIEW, name);
  if (part == NULL)
    part = gtk_widget_get_template_child (GTK_WIDGET (self->actions_box),
                                          SAM_TYPE_MEETING_ACTION_LIST, name);
  return part != NULL ? GTK_WIDGET (part) : NULL;
}

static void
phones_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamMeetingRunner *self = SAM_MEETING_RUNNER (widget);
  g_autoptr(GError) error = NULL;

  if (!_sam_meeting_runner_open_phones (self, _sam_meeting_runner_get_phones (self) == NULL,
                                        &error))
    _sam_meetings_show_error (GTK_WIDGET (self), error);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sam_meeting_board_undo_delete (SAM_MEETING_RUNNER (widget)->cards_box);
}

/* Actions */

/* Pause, a minute more, the next or the previous step, and the end: the public calls. */
static void
timer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamMeetingRunner *self = SAM_MEETING_RUNNER (widget);

  if (g_str_equal (action_name, "runner.pause"))
    sam_meeting_runner_toggle_pause (self);
  else if (g_str_equal (action_name, "runner.add-minute"))
    sam_meeting_runner_add_minute (self);
  else if (g_str_equal (action_name, "runner.next"))
    sam_meeting_runner_next (self);
  else if (g_str_equal (action_name, "runner.previous"))
    sam_meeting_runner_previous (self);
  else
    sam_meeting_runner_finish (self);
}

static void
open_presentation (SamMeetingRunner *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->timer == NULL)
    return;
  if (self->presentation == NULL)
    {
      self->presentation = GTK_WINDOW (sam_meeting_presentation_new (widget, self->charts));
      g_object_add_weak_pointer (G_OBJECT (self->presentation), (gpointer *) &self->presentation);
      if (GTK_IS_WINDOW (root))
        gtk_window_set_application (self->presentation,
                                    gtk_window_get_application (GTK_WINDOW (root)));
    }
  /* The size of the screen, for when no window manager makes it full screen. */
  if (GTK_IS_NATIVE (root) && gtk_native_get_surface (GTK_NATIVE (root)) != NULL)
    {
      GdkMonitor *monitor =
        gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget),
                                            gtk_native_get_surface (GTK_NATIVE (root)));
      GdkRectangle area;

      /* Not only NULL: while the X server's screens change (an Xvfb starting up among
       * others), GTK 4.8 has been seen to hand back a monitor already gone. */
      if (GDK_IS_MONITOR (monitor))
        {
          gdk_monitor_get_geometry (monitor, &area);
          gtk_window_set_default_size (self->presentation, area.width, area.height);
        }
    }
  gtk_window_fullscreen (self->presentation);
  gtk_window_present (self->presentation);
}

static void
on_close_for_presenting (gboolean  closed,
                         gint64    round_id,
                         gpointer  user_data)
{
  g_autoptr(SamMeetingRunner) self = user_data;

  /* Presented either way: without the round's charts where it stays open. */
  open_presentation (self);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamMeetingRunner *self = SAM_MEETING_RUNNER (widget);

  if (self->timer == NULL)
    return;
  /* A cluster meeting's projector shares the round's figures: an open round is offered
   * closing first. */
  if (self->presentation == NULL && !sam_meeting_charts_may_present (self->charts))
    {
      sam_dialogs_ask_close_round (GTK_WINDOW (gtk_widget_get_root (widget)), get_store (self),
                                   sam_meeting_charts_get_round_id (self->charts),
                                   on_close_for_presenting, g_object_ref (self));
      return;
    }
  open_presentation (self);
}

/* Life cycle */

static void
stop (SamMeetingRunner *self)
{
  sam_meeting_notes_view_save (self->notes_part);
  sam_meeting_phones_room_close (self->phones_room);
  sam_meeting_board_cancel_rebuild (self->cards_box);
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
sam_meeting_runner_dispose (GObject *object)
{
  SamMeetingRunner *self = SAM_MEETING_RUNNER (object);

  /* Whatever was typed last is kept, even when the window goes without finishing. */
  if (self->meeting != NULL)
    stop (self);
  if (self->presentation != NULL)
    gtk_window_destroy (self->presentation);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MEETING_RUNNER);
  g_clear_pointer (&self->timer, sam_meeting_timer_free);
  g_clear_pointer (&self->meeting, sam_meeting_free);
  g_clear_object (&self->template);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sam_meeting_runner_parent_class)->dispose (object);
}

static void
sam_meeting_runner_finalize (GObject *object)
{
  SamMeetingRunner *self = SAM_MEETING_RUNNER (object);

  g_ptr_array_unref (self->step_rows);
  g_object_unref (self->charts);
  G_OBJECT_CLASS (sam_meeting_runner_parent_class)->finalize (object);
}

static void
sam_meeting_runner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SamMeetingRunner *self = SAM_MEETING_RUNNER (object);

  switch (prop_id)
    {
    case SAM_CONTEXT_PROP:
      g_value_set_object (value, self->context);
      break;
    case PROP_TIMER:
      g_value_set_pointer (value, self->timer);
      break;
    case PROP_COUNTDOWN_TEXT:
      g_value_take_string (value, sam_meeting_runner_get_countdown_text (self));
      break;
    case PROP_TIME_UP:
      g_value_set_boolean (value, sam_meeting_runner_is_time_up (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_meeting_runner_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SamMeetingRunner *self = SAM_MEETING_RUNNER (object);

  if (prop_id == SAM_CONTEXT_PROP)
    g_set_object (&self->context, g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sam_meeting_runner_class_init (SamMeetingRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_meeting_runner_dispose;
  object_class->finalize = sam_meeting_runner_finalize;
  object_class->get_property = sam_meeting_runner_get_property;
  object_class->set_property = sam_meeting_runner_set_property;

  properties[SAM_CONTEXT_PROP] = sam_context_param_spec ();
  properties[PROP_TIMER] = g_param_spec_pointer ("timer", NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTDOWN_TEXT] = g_param_spec_string ("countdown-text", NULL, NULL, NULL,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_UP] = g_param_spec_boolean ("time-up", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamMeetingRunner::changed:
   *
   * The time, the step or the state changed: for a second view of the same meeting.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SamMeetingRunner::finished:
   *
   * The meeting was finished; its summary can be shown.
   */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "runner.pause", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "runner.add-minute", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "runner.next", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "runner.previous", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "runner.finish", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "runner.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "runner.phones", NULL, phones_action);
  gtk_widget_class_install_action (widget_class, "runner.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "runner.present", NULL);

  g_type_ensure (SAM_TYPE_MEETING_PHONES_ROOM);
  g_type_ensure (SAM_TYPE_MEETING_ACTION_LIST);
  g_type_ensure (SAM_TYPE_MEETING_BOARD);
  g_type_ensure (SAM_TYPE_MEETING_NOTES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-meeting-runner.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, steps_flap);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, steps_list);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, main_scroller);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, position_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, step_title_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, state_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, next_button);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, facilitator_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, prompts_box);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, cards_box);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, actions_box);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, notes_part);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingRunner, phones_room);
  gtk_widget_class_bind_template_callback (widget_class, on_step_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_room_changed);
}

static void
sam_meeting_runner_init (SamMeetingRunner *self)
{
  _sam_meetings_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->step_rows = g_ptr_array_new ();
  self->charts = sam_meeting_charts_new ();
}

static gboolean
step_has_content (const char *step_id,
                  GPtrArray  *notes,
                  GPtrArray  *cards,
                  GPtrArray  *actions)
{
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      SamMeetingNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->step, step_id) == 0 && note->text != NULL && *note->text != '\0')
        return TRUE;
    }
  for (guint i = 0; cards != NULL && i < cards->len; i++)
    if (g_strcmp0 (((SamMeetingCard *) g_ptr_array_index (cards, i))->step, step_id) == 0)
      return TRUE;
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    if (g_strcmp0 (((SamMeetingAction *) g_ptr_array_index (actions, i))->step, step_id) == 0)
      return TRUE;
  return FALSE;
}

static guint
last_step_with_content (SamMeetingRunner *self)
{
  SamStore *store = get_store (self);
  g_autoptr(GPtrArray) notes = sam_meeting_store_list_notes (store, self->meeting->id, NULL);
  g_autoptr(GPtrArray) cards = sam_meeting_store_list_cards (store, self->meeting->id, NULL);
  g_autoptr(GPtrArray) actions = sam_meeting_store_list_actions (store, self->meeting->id, NULL);
  guint last = 0;

  for (guint i = 0; i < sam_meeting_timer_get_n_steps (self->timer); i++)
    if (step_has_content (sam_meeting_timer_get_step (self->timer, i)->id, notes, cards, actions))
      last = i;
  return last;
}

/* Public API */

SamMeetingRunner *
sam_meeting_runner_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_MEETING_RUNNER, "context", context, NULL);
}

/**
 * sam_meeting_runner_run:
 * @meeting_id: a meeting in the context's store
 *
 * Starts the meeting at its first step, on the context's clock.
 *
 * Returns: %FALSE if the meeting or its template could not be found
 */
gboolean
sam_meeting_runner_run (SamMeetingRunner  *self,
                        gint64             meeting_id,
                        GError           **error)
{
  SamContext *context;
  SamStore *store;
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GDateTime) now = NULL;
  SamMeetingTemplate *template;

  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), FALSE);
  g_return_val_if_fail (SAM_IS_CONTEXT (self->context), FALSE);

  context = self->context;
  store = sam_context_get_store (context);

  meeting = sam_meeting_store_get (sam_context_get_store (context), meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  template = sam_meeting_template_lookup (meeting->template_id);
  if (template == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a meeting template"), meeting->template_id);
      return FALSE;
    }

  if (self->meeting != NULL)
    stop (self);
  g_set_object (&self->template, template);
  g_clear_pointer (&self->meeting, sam_meeting_free);
  self->meeting = g_steal_pointer (&meeting);
  g_clear_pointer (&self->timer, sam_meeting_timer_free);
  {
    /* Each step with the time planned for it before the start (the template's where
     * nobody changed it). */
    g_autoptr(SamMeetingSchedule) schedule =
      sam_meeting_schedule_load (sam_context_get_store (context), self->meeting);

    self->timer = sam_meeting_timer_new_for_schedule (schedule);
  }
  self->has_shown_step = FALSE;
  self->n_cues = 0;
  sam_meeting_charts_set_meeting (self->charts, store, self->meeting);
  sam_meeting_board_set_meeting (self->cards_box, store, self->meeting->id);
  sam_meeting_notes_view_set_meeting (self->notes_part, store, self->meeting->id);
  sam_meeting_phones_room_set_meeting (self->phones_room, store, self->meeting->id);

  now = sam_context_now (context);
  sam_meeting_timer_start (self->timer, _sam_meetings_now_us (context));
  if (self->meeting->started == NULL)
    {
      if (!sam_meeting_store_set_started (sam_context_get_store (context), meeting_id, now, error))
        return FALSE;
    }
  else
    {
      /* A meeting left before its end goes on at the last step anything was typed for;
       * the time it had run is not kept, so the clock starts afresh there. */
      guint resume = last_step_with_content (self);

      while (sam_meeting_timer_get_current (self->timer) < resume &&
             sam_meeting_timer_next (self->timer, _sam_meetings_now_us (context)))
        ;
    }

  build_step_rows (self);
  sam_meeting_action_list_set_meeting (self->actions_box, store, meeting_id);
  update_view (self);
  self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
  return TRUE;
}

gint64
sam_meeting_runner_get_meeting_id (SamMeetingRunner *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), 0);
  return self->meeting != NULL ? self->meeting->id : 0;
}

/**
 * sam_meeting_runner_get_template:
 *
 * Returns: (transfer none) (nullable): the template of the meeting run
 */
SamMeetingTemplate *
sam_meeting_runner_get_template (SamMeetingRunner *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), NULL);
  return self->template;
}

/**
 * sam_meeting_runner_get_timer:
 *
 * Returns: (transfer none) (nullable): the meeting's timer
 */
SamMeetingTimer *
sam_meeting_runner_get_timer (SamMeetingRunner *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), NULL);
  return self->timer;
}

/**
 * sam_meeting_runner_get_step:
 *
 * Returns: (nullable): the current step
 */
const SamMeetingStep *
sam_meeting_runner_get_step (SamMeetingRunner *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), NULL);
  if (self->timer == NULL)
    return NULL;
  return sam_meeting_timer_get_step (self->timer, sam_meeting_timer_get_current (self->timer));
}

/* Reads the clock: gives the cue when the step's time has just run out, and updates. */
void
sam_meeting_runner_tick (SamMeetingRunner *self)
{
  g_return_if_fail (SAM_IS_MEETING_RUNNER (self));

  if (self->timer == NULL || sam_meeting_timer_is_finished (self->timer))
    return;
  if (sam_meeting_timer_check_time_up (self->timer, _sam_meetings_now_us (self->context)))
    {
      self->n_cues++;
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
  update_view (self);
}

void
sam_meeting_runner_toggle_pause (SamMeetingRunner *self)
{
  gint64 now;

  g_return_if_fail (SAM_IS_MEETING_RUNNER (self));
  if (self->timer == NULL)
    return;
  now = _sam_meetings_now_us (self->context);
  if (!sam_meeting_timer_pause (self->timer, now))
    sam_meeting_timer_resume (self->timer, now);
  sam_meeting_runner_tick (self);
}

void
sam_meeting_runner_add_minute (SamMeetingRunner *self)
{
  g_return_if_fail (SAM_IS_MEETING_RUNNER (self));
  if (self->timer == NULL)
    return;
  sam_meeting_timer_add_minute (self->timer, _sam_meetings_now_us (self->context));
  sam_meeting_runner_tick (self);
}

void
sam_meeting_runner_next (SamMeetingRunner *self)
{
  g_return_if_fail (SAM_IS_MEETING_RUNNER (self));
  if (self->timer == NULL ||
      sam_meeting_timer_get_current (self->timer) + 1 >=
      sam_meeting_timer_get_n_steps (self->timer))
    return;
  sam_meeting_notes_view_save (self->notes_part);
  sam_meeting_timer_next (self->timer, _sam_meetings_now_us (self->context));
  sam_meeting_runner_tick (self);
}

void
sam_meeting_runner_previous (SamMeetingRunner *self)
{
  g_return_if_fail (SAM_IS_MEETING_RUNNER (self));
  if (self->timer == NULL)
    return;
  sam_meeting_notes_view_save (self->notes_part);
  sam_meeting_timer_previous (self->timer, _sam_meetings_now_us (self->context));
  sam_meeting_runner_tick (self);
}

/**
 * _sam_meeting_runner_go_to:
 * @index: a step's place in the meeting, from 0
 *
 * Goes to a step, forward or back, as Next and Previous would one at a time.
 */
void
_sam_meeting_runner_go_to (SamMeetingRunner *self,
                           guint             index)
{
  gint64 now;

  g_return_if_fail (SAM_IS_MEETING_RUNNER (self));
  if (self->timer == NULL || index >= sam_meeting_timer_get_n_steps (self->timer) ||
      index == sam_meeting_timer_get_current (self->timer))
    return;
  sam_meeting_notes_view_save (self->notes_part);
  now = _sam_meetings_now_us (self->context);
  while (sam_meeting_timer_get_current (self->timer) < index &&
         sam_meeting_timer_next (self->timer, now))
    ;
  while (sam_meeting_timer_get_current (self->timer) > index &&
         sam_meeting_timer_previous (self->timer, now))
    ;
  sam_meeting_runner_tick (self);
}

/* Ends the meeting whichever step it is at, keeps what was typed and its end. */
void
sam_meeting_runner_finish (SamMeetingRunner *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SAM_IS_MEETING_RUNNER (self));
  if (self->timer == NULL || self->meeting == NULL)
    return;
  stop (self);
  while (!sam_meeting_timer_is_finished (self->timer) &&
         sam_meeting_timer_next (self->timer, _sam_meetings_now_us (self->context)))
    ;
  now = sam_context_now (self->context);
  if (!sam_meeting_store_set_ended (get_store (self), self->meeting->id, now, &error))
    _sam_meetings_show_error (GTK_WIDGET (self), error);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

char *
sam_meeting_runner_get_countdown_text (SamMeetingRunner *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), NULL);
  return g_strdup (gtk_label_get_label (self->countdown_label));
}

gboolean
sam_meeting_runner_is_time_up (SamMeetingRunner *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), FALSE);
  return gtk_widget_has_css_class (GTK_WIDGET (self->countdown_label), "time-up");
}

/* Whether the meeting's figures are still being read in the worker. */
gboolean
sam_meeting_runner_is_loading_figures (SamMeetingRunner *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), FALSE);
  return sam_meeting_charts_is_loading (self->charts);
}

/* How many times the time-up cue was given. */
guint
sam_meeting_runner_get_n_cues (SamMeetingRunner *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), 0);
  return self->n_cues;
}

gboolean
sam_meeting_runner_add_card (SamMeetingRunner      *self,
                             SamMeetingCardColour   colour,
                             const char            *text,
                             GError               **error)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), FALSE);
  g_return_val_if_fail (sam_meeting_runner_get_step (self) != NULL, FALSE);

  return sam_meeting_board_add_card (self->cards_box, colour, text, error);
}

/**
 * sam_meeting_runner_sort_card:
 * @category: (nullable): the current step's category id, or %NULL for unsorted
 *
 * Sorts a note; the notes are laid out again once the event that asked is over, as the
 * event may come from the very widget that is replaced.
 */
gboolean
sam_meeting_runner_sort_card (SamMeetingRunner  *self,
                              gint64             card_id,
                              const char        *category,
                              GError           **error)
{
  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), FALSE);

  return sam_meeting_board_sort_card (self->cards_box, card_id, category, error);
}

gboolean
sam_meeting_runner_add_action (SamMeetingRunner  *self,
                               const char        *what,
                               const char        *who,
                               const char        *due,
                               const char        *item,
                               const char        *domain,
                               GError           **error)
{
  const SamMeetingStep *step;
  SamMeetingAction action = { 0 };

  g_return_val_if_fail (SAM_IS_MEETING_RUNNER (self), FALSE);
  step = sam_meeting_runner_get_step (self);
  g_return_val_if_fail (step != NULL, FALSE);

  action.step = (char *) step->id;
  action.what = (char *) what;
  action.who = (char *) (who != NULL ? who : "");
  action.due = (char *) due;
  action.item = (char *) item;
  action.domain = (char *) domain;
  return sam_meeting_action_list_add (self->actions_box, &action, error);
}
