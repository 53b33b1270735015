/* sam-results-reading.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-results-reading"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-meeting-template.h"
#include "sam-results-charts.h"
#include "sam-results-reading.h"

/* Three pieces of the Results section that read the figures for a person, each from the
 * figures the pipeline returns, so what suppression withholds stays withheld:
 *
 * - "Where to start", per domain, in the own clinic's view: the clinic's strongest item and
 *   the one with most room against the cluster, each only where both figures are shown,
 *   and what the package offers for it: the matching praksispakke (started from here,
 *   through win.start-meeting), the reflection questions, and PLO-E's modules or the
 *   regional unit (the Support section).
 * - The headline figures: each index's figure, and its change since the round before
 *   where both are shown.
 * - The leadership domain read as a story, for the leadership team. */

/* A figure that is not shown, in words, as the charts say it. */
static char *
withheld_words (const SamFigure *figure,
                int              k)
{
  if (figure->withheld == SAM_WITHHELD_SECONDARY)
    return g_strdup (_("Withheld so that another withheld figure cannot be worked out"));
  if (figure->withheld != SAM_WITHHELD_NONE)
    return g_strdup_printf (ngettext ("Withheld: fewer than %d answer",
                                      "Withheld: fewer than %d answers", k),
                            k);
  return g_strdup (_("No answers"));
}

static char *
format_mean (double mean)
{
  /* Translators: a mean on the 0–100 scale, one decimal; use the decimal comma. */
  return g_strdup_printf (_("%.1f"), mean);
}

/* A wrapped label, the Results section's paragraph. */
GtkWidget *
sam_results_text_label (const char *text,
                        const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Where to start */

static gboolean
strv_has (GStrv       items,
          const char *id)
{
  return items != NULL && g_strv_contains ((const char * const *) items, id);
}

static gboolean
domain_has_item (const SamDomain *domain,
                 GStrv            items)
{
  SamInstrument *instrument = sam_instrument_get_default ();

  for (guint i = 0; i < sam_instrument_get_n_items (instrument); i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);

      if (item->question->domain == domain && strv_has (items, item->id))
        return TRUE;
    }
  return FALSE;
}

/* The clinic's templates whose look at the results covers @item: the praksispakke made for
 * it. */
static SamMeetingTemplate *
template_for (const SamItem   *item,
              const SamDomain *domain)
{
  GPtrArray *templates = sam_meeting_template_list_all ();

  for (guint pass = 0; pass < 2; pass++)
    for (guint t = 0; templates != NULL && t < templates->len; t++)
      {
        SamMeetingTemplate *template = g_ptr_array_index (templates, t);

        if (sam_meeting_template_get_scope (template) != SAM_MEETING_SCOPE_CLINIC)
          continue;
        for (guint s = 0; s < sam_meeting_template_get_n_steps (template); s++)
          {
            const SamMeetingStep *step = sam_meeting_template_get_step (template, s);

            if (step->kind != SAM_MEETING_STEP_DATA_REVIEW)
              continue;
            /* First the one made for the item, else one for its domain. */
            if (pass == 0 ? (item != NULL && strv_has (step->items, item->id))
                          : domain_has_item (domain, step->items))
              return template;
          }
      }
  return NULL;
}

/**
 * sam_results_reading_template_for:
 * @item: (nullable): the item to start from
 *
 * Returns: (nullable): the id of the praksispakke whose look at the results covers @item,
 *   or else one of @domain's items; %NULL where the package has none for the domain
 */
const char *
sam_results_reading_template_for (const SamItem   *item,
                                  const SamDomain *domain)
{
  SamMeetingTemplate *template;

  g_return_val_if_fail (domain != NULL, NULL);

  template = template_for (item, domain);
  return template != NULL ? sam_meeting_template_get_id (template) : NULL;
}

static const SamMeetingReflectionGroup *
reflections_for (const SamDomain *domain)
{
  SamMeetingTemplate *cluster = sam_meeting_template_lookup ("cluster-meeting");
  GPtrArray *groups = cluster != NULL ? sam_meeting_template_get_reflection_groups (cluster) : NULL;

  for (guint g = 0; groups != NULL && g < groups->len; g++)
    {
      const SamMeetingReflectionGroup *group = g_ptr_array_index (groups, g);

      if (domain_has_item (domain, group->items))
        return group;
    }
  return NULL;
}

/* What PLO-E and the regional units offer for the domain (spec/meetings.md, Support
 * offers): named, nothing invented. */
static const char *
support_for (const SamDomain *domain)
{
  if (g_str_equal (domain->id, "A"))
    return _("PLO-E’s DGE module “Faglig ledelse” and SGE module in “Faglig ledelse”, and the DGE "
             "module “Trivsel og arbejdsglæde” for the leadership.");
  if (g_str_equal (domain->id, "D"))
    return _("Your region’s quality unit (KAP-H, KAP-S, KiP, MidtKraft or Nord-KAP) has its own "
             "local offers.");
  return _("PLO-E’s KGE module “Trivsel og arbejdsglæde”, for the whole clinic.");
}

static char *
item_sentence (const SamStoryItem *entry,
               gboolean            strongest)
{
  g_autofree char *label = sam_results_item_short_label (entry->item);
  g_autofree char *clinic = format_mean (entry->clinic_mean);
  g_autofree char *cluster = format_mean (entry->cluster_mean);

  if (strongest)
    /* Translators: the item where the clinic does best against the cluster, its mean and
     * the cluster's. Plain and kind. */
    return g_strdup_printf (_("Where you do well: “%s”, the clinic %s and the cluster %s. Worth "
                              "keeping, and worth telling others how you do it."),
                            label, clinic, cluster);
  /* Translators: the item with most room against the cluster, its mean and the cluster's.
   * Plain and kind: a place to begin, not a verdict. */
  return g_strdup_printf (_("Where there is most room: “%s”, the clinic %s and the cluster %s. A "
                            "good place to begin a conversation."),
                          label, clinic, cluster);
}

/**
 * sam_results_reading_new:
 *
 * Returns: (transfer floating) (nullable): the "Where to start" card of @domain in the own
 *   clinic's view; %NULL in the cluster's view or where the clinic gave no answers in it
 */
GtkWidget *
sam_results_reading_new (SamRoundFigures *figures,
                         const SamDomain *domain)
{
  SamDomainReading reading;
  SamMeetingTemplate *template;
  const SamMeetingReflectionGroup *group;
  const SamItem *start_item;
  GtkWidget *card, *heading, *list, *row, *button;

  g_return_val_if_fail (figures != NULL && domain != NULL, NULL);

  if (!sam_domain_reading_make (figures, domain, &reading))
    return NULL;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "story-card");
  gtk_widget_add_css_class (card, "reading-card");
  gtk_widget_set_name (card, "reading");
  gtk_box_append (GTK_BOX (card), sam_results_text_label (_("Where to Start"), "title-4"));

  if (reading.strongest.item != NULL)
    {
      g_autofree char *text = item_sentence (&reading.strongest, TRUE);

      gtk_box_append (GTK_BOX (card), sam_results_text_label (text, NULL));
    }
  if (reading.weakest.item != NULL)
    {
      g_autofree char *text = item_sentence (&reading.weakest, FALSE);

      gtk_box_append (GTK_BOX (card), sam_results_text_label (text, NULL));
    }
  if (reading.n_compared == 0)
    gtk_box_append (GTK_BOX (card),
                    sam_results_text_label (_("The clinic’s figures here cannot be set "
                                              "against the cluster’s in this round: where a "
                                              "group has fewer answers than the minimum, its "
                                              "figures are withheld, so that no one’s answers "
                                              "can be worked out."), NULL));
  if (g_str_equal (domain->id, "B"))
    gtk_box_append (GTK_BOX (card),
                    sam_results_text_label (_("How often you meet is not read as strong or "
                                              "weak: the right frequency differs from one kind "
                                              "of meeting to another."),
                                            "dim-label"));

  /* What the package offers for it. */
  heading = sam_results_text_label (_("What the package offers"), "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (card), heading);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (card), list);

  start_item = reading.weakest.item != NULL ? reading.weakest.item : reading.strongest.item;
  template = template_for (start_item, domain);
  if (template != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Praksispakke: %s"),
                                                sam_meeting_template_get_title (template));
      g_autofree char *label = g_strdup_printf (_("Start “%s”…"),
                                                sam_meeting_template_get_title (template));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sam_meeting_template_get_purpose (template));
      button = gtk_button_new_with_label (_("Start…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.start-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        sam_meeting_template_get_id (template));
      gtk_widget_set_name (button, "start-meeting");
      /* Offered only where the window can start a meeting. */
      g_object_bind_property (button, "sensitive", button, "visible", G_BINDING_SYNC_CREATE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  group = reflections_for (domain);
  if (group != NULL)
    {
      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reflection questions"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), group->title);
      for (guint q = 0; q < group->questions->len; q++)
        {
          const SamMeetingReflection *question = g_ptr_array_index (group->questions, q);
          GtkWidget *question_row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (question_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question_row), question->text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), question_row);
        }
      if (group->note != NULL)
        {
          GtkWidget *note = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (note), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), group->note);
          gtk_widget_add_css_class (note, "dim-label");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), note);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Support"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), support_for (domain));
  button = gtk_button_new_with_label (_("Support"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-section");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "support");
  gtk_widget_set_tooltip_text (button, _("Show the Support section"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return card;
}

/* The headline figures */

static char *
change_words (const SamHeadline *headline,
              const char        *previous_label,
              int                k)
{
  g_autofree char *change = NULL;

  if (!headline->has_previous)
    return g_strdup (_("The first round: nothing to compare with yet"));
  if (!headline->has_change)
    {
      const SamFigure *hidden = sam_figure_is_shown (&headline->figure) ? &headline->previous
                                                                        : &headline->figure;
      g_autofree char *why = withheld_words (hidden, k);

      if (!sam_figure_is_shown (&headline->figure))
        /* Translators: why there is no change since the round before. */
        return g_strdup_printf (_("No change to show: %s"), why);
      /* Translators: the round before, and why its figure is not shown. */
      return g_strdup_printf (_("No change to show: in %s, %s"), previous_label, why);
    }
  if (ABS (headline->change) < 0.05)
    return g_strdup_printf (_("No change since %s"), previous_label);
  change = format_mean (ABS (headline->change));
  /* Translators: the change of a mean since the round before, in points. */
  return g_strdup_printf (headline->change > 0 ? _("Up %s since %s") : _("Down %s since %s"),
                          change, previous_label);
}

static GtkWidget *
headline_card (SamRoundFigures *figures,
               SamRoundFigures *previous,
               SamIndex         index)
{
  guint slot = SAM_N_ITEMS + index;
  const SamClinicFigures *own = sam_round_figures_find_clinic (figures, figures->own_clinic_id);
  const char *previous_label = previous != NULL ? previous->round_label : "";
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  SamHeadline headline;
  g_autofree char *value = NULL;
  g_autofree char *change = NULL;
  GtkWidget *number;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "headline-card");
  gtk_box_append (GTK_BOX (card),
                  sam_results_text_label (sam_results_index_label (index), "heading"));

  sam_headline_make (figures, previous, own != NULL ? own->clinic_id : 0, slot, &headline);
  if (sam_figure_is_shown (&headline.figure))
    {
      value = format_mean (headline.figure.mean);
      number = sam_results_text_label (value, "title-1");
      gtk_widget_add_css_class (number, "numeric");
    }
  else
    {
      value = withheld_words (&headline.figure, figures->k);
      number = sam_results_text_label (value, "dim-label");
    }
  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card),
                  sam_results_text_label (own != NULL ? own->code : figures->cluster_name,
                                          "caption-heading"));
  change = change_words (&headline, previous_label, figures->k);
  gtk_box_append (GTK_BOX (card), sam_results_text_label (change, "caption"));

  /* In the own view, the cluster beside the clinic. */
  if (own != NULL)
    {
      SamHeadline cluster;
      g_autofree char *cluster_value = NULL;
      g_autofree char *cluster_change = NULL;
      g_autofree char *text = NULL;

      sam_headline_make (figures, previous, 0, slot, &cluster);
      cluster_value = sam_figure_is_shown (&cluster.figure)
                      ? format_mean (cluster.figure.mean)
                      : withheld_words (&cluster.figure, figures->k);
      cluster_change = change_words (&cluster, previous_label, figures->k);
      /* Translators: the cluster's name, its figure, and its change since the round before. */
      text =
        g_strdup_printf (_("%s: %s. %s"), figures->cluster_name, cluster_value, cluster_change);
      gtk_box_append (GTK_BOX (card), sam_results_text_label (text, "caption"));
    }
  /* The words wrap rather than widen the card. */
  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_label_set_max_width_chars (GTK_LABEL (child), 18);
  return card;
}

/**
 * sam_results_headlines_new:
 * @previous: (nullable): the round before, in the same view
 *
 * Returns: (transfer floating): a card per index with its figure (the own clinic's in its
 *   view, else the cluster's) and the change since @previous, where both are shown; side
 *   by side where they fit, else one under another
 */
GtkWidget *
sam_results_headlines_new (SamRoundFigures *figures,
                           SamRoundFigures *previous)
{
  GtkWidget *flow;

  g_return_val_if_fail (figures != NULL, NULL);

  /* libadwaita 1.2 has no breakpoints: a flow box puts the cards side by side where they
   * fit and one under another where they do not, and is as tall as what it shows (a
   * squeezer of a row and a column was measured as the row while it showed the column,
   * and the column ran into the chart below it). Nothing in it takes focus. */
  flow = gtk_flow_box_new ();
  gtk_widget_set_name (flow, "headlines");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), SAM_N_INDICES);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_set_focusable (flow, FALSE);
  gtk_widget_set_can_focus (flow, FALSE);
  for (SamIndex i = 0; i < SAM_N_INDICES; i++)
    {
      GtkWidget *card = headline_card (figures, previous, i);

      /* Never so narrow that the words stand one to a line. */
      gtk_widget_set_size_request (card, 180, -1);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), card);
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
  return flow;
}

/* The leadership story */

static const char *
standing_words (SamStanding standing)
{
  switch (standing)
    {
    case SAM_STANDING_ABOVE:
      return _("above the cluster");
    case SAM_STANDING_LEVEL:
      return _("level with the cluster");
    case SAM_STANDING_BELOW:
      return _("below the cluster");
    case SAM_STANDING_UNKNOWN:
    default:
      return _("not to be compared");
    }
}

static void
append_items (GString                  *text,
              const SamLeadershipStory *story,
              SamStanding               standing)
{
  gboolean first = TRUE;

  for (guint i = 0; i < story->n_items; i++)
    {
      g_autofree char *label = NULL;

      if (story->items[i].standing != standing)
        continue;
      label = sam_results_item_short_label (story->items[i].item);
      g_string_append_printf (text, "%s“%s”", first ? "" : ", ", label);
      first = FALSE;
    }
}

static gboolean
has_standing (const SamLeadershipStory *story,
              SamStanding               standing)
{
  for (guint i = 0; i < story->n_items; i++)
    if (story->items[i].standing == standing)
      return TRUE;
  return FALSE;
}

/**
 * sam_results_story_new:
 *
 * The leadership domain for the leadership team: three short paragraphs to read before
 * the charts, from the same figures.
 *
 * Returns: (transfer floating) (nullable): the card, or %NULL where there is no story
 */
GtkWidget *
sam_results_story_new (SamRoundFigures *figures)
{
  SamLeadershipStory story;
  GtkWidget *card, *heading;
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *agree = NULL;
  g_autofree char *first = NULL;

  if (!sam_leadership_story_make (figures, &story))
    return NULL;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "story-card");
  heading = sam_results_text_label (_("Your Leadership at a Glance"), "title-4");
  gtk_box_append (GTK_BOX (card), heading);

  if (story.index_standing != SAM_STANDING_UNKNOWN)
    g_string_append_printf (where,
                            _("On the leadership index the clinic has %.0f against the cluster’s "
                              "%.0f: %s."),
                            story.index_clinic, story.index_cluster,
                            standing_words (story.index_standing));
  if (has_standing (&story, SAM_STANDING_ABOVE))
    {
      g_string_append_printf (where, "%s%s ", where->len ? " " : "", _("Above the cluster:"));
      append_items (where, &story, SAM_STANDING_ABOVE);
      g_string_append (where, ".");
    }
  if (has_standing (&story, SAM_STANDING_BELOW))
    {
      g_string_append_printf (where, "%s%s ", where->len ? " " : "", _("Below the cluster:"));
      append_items (where, &story, SAM_STANDING_BELOW);
      g_string_append (where, ".");
    }
  if (where->len == 0)
    g_string_append (where,
                     _("The clinic’s figures cannot be set against the cluster’s in this round."));
  gtk_box_append (GTK_BOX (card), sam_results_text_label (_("Where you stand"), "heading"));
  gtk_box_append (GTK_BOX (card), sam_results_text_label (where->str, NULL));

  gtk_box_append (GTK_BOX (card),
                  sam_results_text_label (_("Where you agree and differ"), "heading"));
  if (story.agree_most >= 0 && story.differ_most >= 0)
    {
      g_autofree char *most = sam_results_item_short_label (story.items[story.agree_most].item);
      g_autofree char *least = sam_results_item_short_label (story.items[story.differ_most].item);

      agree = g_strdup_printf (_("Your answers agree most on “%s” and differ most on “%s”, where "
                                 "they lie %.0f points apart on average."),
                               most, least, story.items[story.differ_most].spread);
    }
  else
    agree =
      g_strdup (_("Too few of you answered the same items to tell where you agree and differ."));
  gtk_box_append (GTK_BOX (card), sam_results_text_label (agree, NULL));

  gtk_box_append (GTK_BOX (card),
                  sam_results_text_label (_("What to talk about first"), "heading"));
  if (story.talk_first >= 0)
    {
      const SamStoryItem *item = &story.items[story.talk_first];
      g_autofree char *label = sam_results_item_short_label (item->item);

      if (item->standing == SAM_STANDING_BELOW)
        first = g_strdup_printf (_("“%s”: the clinic has %.0f, the cluster %.0f. What lies behind "
                                   "the difference, and what would you like it to be?"),
                                 label, item->clinic_mean, item->cluster_mean);
      else
        first = g_strdup_printf (_("“%s”: you see it differently. Let each say how they see it "
                                   "before you look for a cause."),
                                 label);
    }
  else
    first = g_strdup (_("Start where your own answers surprised you most."));
  gtk_box_append (GTK_BOX (card), sam_results_text_label (first, NULL));
  return card;
}
