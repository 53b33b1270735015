/* sam-meeting-presentation.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-chart-view.h"
#include "sam-meeting-charts.h"
#include "sam-meeting-presentation.h"
#include "sam-meeting-presentation-private.h"
#include "sam-meeting-timer.h"
#include "sam-meetings-private.h"

/* The meeting on a projector: the step, its prompts and the time left, large enough to
 * read from the back of the room, and nothing else. It shows the runner's meeting and
 * follows it; Space pauses and resumes, the arrows move between steps, Escape leaves.
 * It knows the runner only as a widget: by its runner.* actions, its changed and finished
 * signals and its timer, countdown-text and time-up properties.
 *
 * A data review shows its charts too, the runner's, one at a time so each fills the
 * screen under a smaller heading: ↓ and ↑ move between them, and Page Down and Page Up,
 * which a presenter's clicker sends, go through the charts and then on to the next step. */

#define CHART_HEIGHT 200   /* the least a chart takes; it grows to fill the screen */

struct _SamMeetingPresentation
{
  AdwWindow         parent_instance;

  GtkWidget        *runner;
  SamMeetingCharts *charts;
  guint             shown_step;
  gboolean          has_shown_step;
  gboolean          to_last_chart;  /* came back to the step by Page Up: its last chart first */
  char             *round_label;

  GtkBox           *content_box;
  GtkGrid          *header_grid;
  GtkLabel         *position_label;
  GtkLabel         *title_label;
  GtkLabel         *countdown_label;
  GtkLabel         *state_label;
  GtkBox           *prompts_box;
  GtkBox           *charts_box;
  GtkLabel         *chart_position_label;
  GtkStack         *charts_stack;
  GtkLabel         *hint_label;
};

G_DEFINE_FINAL_TYPE (SamMeetingPresentation, sam_meeting_presentation, ADW_TYPE_WINDOW)

static void
align_label (GtkLabel *label,
             gboolean  centred)
{
  gtk_label_set_xalign (label, centred ? 0.5 : 0);
  gtk_label_set_justify (label, centred ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);
}

static GtkLabel *
new_label (const char *css_class,
           gboolean    centred)
{
  GtkWidget *label = _sam_meetings_label ("", css_class);

  align_label (GTK_LABEL (label), centred);
  return GTK_LABEL (label);
}

static GtkLabel *
add_label (GtkBox     *box,
           const char *css_class,
           gboolean    centred)
{
  GtkLabel *label = new_label (css_class, centred);

  gtk_box_append (box, GTK_WIDGET (label));
  return label;
}

/* A child of the step's heading; arrange () gives it its place. */
static gpointer
add_to_header (SamMeetingPresentation *self,
               gpointer                child)
{
  gtk_grid_attach (self->header_grid, child, 0, 0, 1, 1);
  return child;
}

static void
place (SamMeetingPresentation *self,
       gpointer                child,
       int                     column,
       int                     row,
       int                     rows)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->header_grid));
  GtkGridLayoutChild *place =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));

  gtk_grid_layout_child_set_column (place, column);
  gtk_grid_layout_child_set_row (place, row);
  gtk_grid_layout_child_set_row_span (place, rows);
}

/* Without charts the step stands in the middle of the screen, one line under the other;
 * with them, the step's words go to the top left and its time to the top right, smaller,
 * so that the chart below has the most room. */
static void
arrange (SamMeetingPresentation *self,
         gboolean                charts)
{
  place (self, self->position_label, 0, 0, 1);
  place (self, self->title_label, 0, 1, 1);
  place (self, self->countdown_label, charts ? 1 : 0, charts ? 0 : 2, charts ? 2 : 1);
  place (self, self->state_label, charts ? 1 : 0, charts ? 2 : 3, 1);
  place (self, self->prompts_box, 0, charts ? 2 : 4, 1);
  align_label (self->position_label, !charts);
  align_label (self->title_label, !charts);
  gtk_label_set_xalign (self->countdown_label, charts ? 1 : 0.5);
  gtk_label_set_xalign (self->state_label, charts ? 1 : 0.5);
  gtk_grid_set_row_spacing (self->header_grid, charts ? 6 : 24);
  gtk_box_set_spacing (self->prompts_box, charts ? 6 : 18);
  gtk_widget_set_valign (GTK_WIDGET (self->countdown_label),
                         charts ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  gtk_widget_set_valign (GTK_WIDGET (self->content_box),
                         charts ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->charts_box), charts);
  if (charts)
    gtk_widget_add_css_class (GTK_WIDGET (self), "showing-charts");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "showing-charts");
}

static guint
n_charts (SamMeetingPresentation *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
update_hint (SamMeetingPresentation *self)
{
  if (n_charts (self) > 1)
    gtk_label_set_label (self->hint_label,
                         _("Space pauses or resumes · ← and → move between steps · "
                           "↑ and ↓ move between charts · Esc leaves"));
  else
    gtk_label_set_label (self->hint_label,
                         _("Space pauses or resumes · ← and → move between steps · "
                           "Esc leaves"));
}

static void
show_chart (SamMeetingPresentation *self,
            guint                   index)
{
  g_autofree char *name = g_strdup_printf ("%u", index);
  g_autofree char *heading = NULL;
  guint n = n_charts (self);

  if (index >= n)
    return;
  gtk_stack_set_visible_child_name (self->charts_stack, name);
  if (n > 1)
    /* TRANSLATORS: above a chart on the projector, e.g. "Results of Round 2 · Chart 2 of 7" */
    heading =
      g_strdup_printf (_("Results of %s · Chart %u of %u"), self->round_label, index + 1, n);
  else
    /* TRANSLATORS: above the charts of a data review; %s is the round's name */
    heading = g_strdup_printf (_("Results of %s"), self->round_label);
  gtk_label_set_label (self->chart_position_label, heading);
}

/* Fills the stack with the step's charts. Returns NULL, or where the step would show data
 * but cannot, why not, in words for the room. */
static char *
show_charts (SamMeetingPresentation *self,
             const SamMeetingStep   *step)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  const char *round_label;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_stack))) != NULL)
    gtk_stack_remove (self->charts_stack, child);
  g_clear_pointer (&self->round_label, g_free);
  gtk_label_set_label (self->chart_position_label, "");
  if (!sam_meeting_step_shows_data (step))
    return NULL;
  /* An open round's figures are not shown to the room. */
  if (!sam_meeting_charts_may_present (self->charts))
    return g_strdup (_("The round’s results are shown to the room once the round is closed."));
  charts = sam_meeting_charts_make (self->charts, step, &round_label);
  if (charts == NULL)
    return g_strdup (_("There are no results to show yet: the cluster has no round with "
                       "answers."));
  /* Shown to the room, the round's figures are published: its k is fixed now. */
  if (!sam_meeting_charts_publish (self->charts, &error))
    return g_strdup (error->message);
  self->round_label = g_strdup (round_label);
  for (guint i = 0; i < charts->len; i++)
    {
      SamChartView *view = sam_meeting_charts_view_new (self->charts,
                                                        g_ptr_array_index (charts, i),
                                                        CHART_HEIGHT);
      g_autofree char *name = g_strdup_printf ("%u", i);

      sam_chart_view_set_presenting (view, TRUE);
      gtk_stack_add_named (self->charts_stack, GTK_WIDGET (view), name);
    }
  if (charts->len > 0)
    show_chart (self, self->to_last_chart ? charts->len - 1 : 0);
  return NULL;
}

static void
update (SamMeetingPresentation *self)
{
  SamMeetingTimer *timer = NULL;
  const SamMeetingStep *step;
  g_autofree char *countdown = NULL;
  g_autofree char *position = NULL;
  gboolean time_up = FALSE;
  guint current;

  g_object_get (self->runner, "timer", &timer, NULL);
  if (timer == NULL)
    return;
  current = sam_meeting_timer_get_current (timer);
  step = sam_meeting_timer_get_step (timer, current);
  if (step == NULL)
    return;
  if (!self->has_shown_step || self->shown_step != current)
    {
      g_autofree char *no_charts = show_charts (self, step);
      gboolean charts = n_charts (self) > 0;

      self->shown_step = current;
      self->has_shown_step = TRUE;
      self->to_last_chart = FALSE;
      arrange (self, charts);
      gtk_label_set_label (self->title_label, step->title);
      /* TRANSLATORS: "Step 2 of 6 · Discussion": the step's number, the number of steps,
         its kind */
      position = g_strdup_printf (_("Step %u of %u · %s"), current + 1,
                                  sam_meeting_timer_get_n_steps (timer),
                                  sam_meeting_step_kind_get_label (step->kind));
      gtk_label_set_label (self->position_label, position);
      _sam_meetings_clear_box (self->prompts_box);
      /* The prompts for the room; a step without any shows what the facilitator says. */
      for (guint i = 0; step->prompts != NULL && i < step->prompts->len; i++)
        gtk_label_set_label (add_label (self->prompts_box, "presentation-prompt", !charts),
                             g_ptr_array_index (step->prompts, i));
      if ((step->prompts == NULL || step->prompts->len == 0) && step->facilitator != NULL)
        gtk_label_set_label (add_label (self->prompts_box, "presentation-prompt", !charts),
                             step->facilitator);
      /* As the runner says it, in the words for the room. */
      if (no_charts != NULL)
        {
          GtkLabel *label = add_label (self->prompts_box, "presentation-prompt", TRUE);

          gtk_label_set_label (label, no_charts);
          gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
          gtk_widget_set_margin_top (GTK_WIDGET (label), 12);
        }
      update_hint (self);
    }

  g_object_get (self->runner, "countdown-text", &countdown, "time-up", &time_up, NULL);
  gtk_label_set_label (self->countdown_label, countdown);
  if (time_up)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "time-up");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "time-up");
  gtk_label_set_label (self->state_label,
                       sam_meeting_timer_get_state (timer) == SAM_MEETING_TIMER_PAUSED
                       ? _("Paused") : "");
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_widget_activate_action (SAM_MEETING_PRESENTATION (widget)->runner, "runner.pause", NULL);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action (SAM_MEETING_PRESENTATION (widget)->runner, "runner.next", NULL);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_widget_activate_action (SAM_MEETING_PRESENTATION (widget)->runner, "runner.previous", NULL);
}

static guint
current_chart (SamMeetingPresentation *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->charts_stack);

  return name != NULL ? (guint) g_ascii_strtoull (name, NULL, 10) : 0;
}

/* ↓ and ↑: the step's next or previous chart, never another step. */
static void
next_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamMeetingPresentation *self = SAM_MEETING_PRESENTATION (widget);

  if (current_chart (self) + 1 < n_charts (self))
    show_chart (self, current_chart (self) + 1);
}

static void
previous_chart_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamMeetingPresentation *self = SAM_MEETING_PRESENTATION (widget);

  if (current_chart (self) > 0)
    show_chart (self, current_chart (self) - 1);
}

/* Page Down and Page Up, a clicker's two buttons: through the charts, then the steps, so
 * that a clicker alone reaches every chart; coming back, a step's last chart comes first. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamMeetingPresentation *self = SAM_MEETING_PRESENTATION (widget);

  if (current_chart (self) + 1 < n_charts (self))
    show_chart (self, current_chart (self) + 1);
  else
    gtk_widget_activate_action (self->runner, "runner.next", NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamMeetingPresentation *self = SAM_MEETING_PRESENTATION (widget);

  if (current_chart (self) > 0)
    {
      show_chart (self, current_chart (self) - 1);
      return;
    }
  self->to_last_chart = TRUE;
  gtk_widget_activate_action (self->runner, "runner.previous", NULL);
  self->to_last_chart = FALSE;
}

static void
sam_meeting_presentation_dispose (GObject *object)
{
  SamMeetingPresentation *self = SAM_MEETING_PRESENTATION (object);

  g_clear_object (&self->runner);
  g_clear_object (&self->charts);
  g_clear_pointer (&self->round_label, g_free);
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
  gtk_widget_class_install_action (widget_class, "presentation.next-chart", NULL,
                                   next_chart_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous-chart", NULL,
                                   previous_chart_action);
  gtk_widget_class_install_action (widget_class, "presentation.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "presentation.back", NULL, back_action);
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
    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_Down, "presentation.next-chart" },
    { GDK_KEY_Up, "presentation.previous-chart" },
    { GDK_KEY_Page_Down, "presentation.forward" },
    { GDK_KEY_Page_Up, "presentation.back" },
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
  GtkWidget *grid = gtk_grid_new ();

  _sam_meetings_ensure_style ();
  add_keys (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "meeting-presentation");
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  gtk_widget_set_vexpand (clamp, TRUE);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_end (box, 48);
  gtk_widget_set_margin_top (box, 24);
  self->content_box = GTK_BOX (box);

  /* The step's words and time, placed by arrange (). */
  self->header_grid = GTK_GRID (grid);
  gtk_grid_set_column_spacing (self->header_grid, 48);
  gtk_box_append (GTK_BOX (box), grid);
  self->position_label = add_to_header (self, new_label ("presentation-kind", TRUE));
  gtk_widget_add_css_class (GTK_WIDGET (self->position_label), "dim-label");
  self->title_label = add_to_header (self, new_label ("presentation-title", TRUE));
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  self->countdown_label = add_to_header (self, new_label ("meeting-countdown", TRUE));
  gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "numeric");
  self->state_label = add_to_header (self, new_label ("presentation-kind", TRUE));
  self->prompts_box = add_to_header (self, gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));

  /* A data review's charts, one at a time, filling the rest of the screen. */
  self->charts_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_vexpand (GTK_WIDGET (self->charts_box), TRUE);
  self->chart_position_label = add_label (self->charts_box, "presentation-chart-position", FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->chart_position_label), "dim-label");
  self->charts_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->charts_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->charts_stack), TRUE);
  gtk_box_append (self->charts_box, GTK_WIDGET (self->charts_stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->charts_box));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_box_append (GTK_BOX (outer), clamp);

  self->hint_label = GTK_LABEL (_sam_meetings_label ("", "presentation-hint"));
  gtk_label_set_xalign (self->hint_label, 0.5);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->hint_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->hint_label), 18);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->hint_label));
  arrange (self, FALSE);
  update_hint (self);
  adw_window_set_content (ADW_WINDOW (self), outer);
  gtk_window_set_title (GTK_WINDOW (self), _("Meeting Presentation"));
}

/**
 * sam_meeting_presentation_new:
 *
 * @runner: the widget running the meeting
 * @charts: the charts the runner shows, for the same figures
 *
 * Returns: (transfer full): a window showing @runner's meeting; present and fullscreen it
 */
SamMeetingPresentation *
sam_meeting_presentation_new (GtkWidget        *runner,
                              SamMeetingCharts *charts)
{
  SamMeetingPresentation *self;

  g_return_val_if_fail (GTK_IS_WIDGET (runner), NULL);
  g_return_val_if_fail (SAM_IS_MEETING_CHARTS (charts), NULL);

  self = g_object_new (SAM_TYPE_MEETING_PRESENTATION, NULL);
  self->runner = g_object_ref (runner);
  self->charts = g_object_ref (charts);
  g_signal_connect_object (runner, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (runner, "finished", G_CALLBACK (gtk_window_destroy), self,
                           G_CONNECT_SWAPPED);
  update (self);
  return self;
}

const char *
sam_meeting_presentation_get_title_text (SamMeetingPresentation *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_PRESENTATION (self), NULL);
  return gtk_label_get_label (self->title_label);
}

/**
 * sam_meeting_presentation_get_charts:
 *
 * Returns: (transfer none): the stack of the step's charts, one #SamChartView a page
 */
GtkStack *
sam_meeting_presentation_get_charts (SamMeetingPresentation *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_PRESENTATION (self), NULL);
  return self->charts_stack;
}

/**
 * sam_meeting_presentation_get_chart_position_text:
 *
 * Returns: what stands above the charts: the round and the chart's number, or that
 *   there is no round
 */
const char *
sam_meeting_presentation_get_chart_position_text (SamMeetingPresentation *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_PRESENTATION (self), NULL);
  return gtk_label_get_label (self->chart_position_label);
}
