/* test-meeting-template.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-instrument.h"
#include "sam-meeting-template.h"

static const char *template_ids[] = {
  "cluster-meeting", "cluster-wellbeing", "clinic-wellbeing", "clinic-direction",
  "clinic-cooperation", "doctors-leadership",
};

static void
test_all_load (void)
{
  GPtrArray *templates = sam_meeting_template_list_all ();

  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (template_ids));
  for (guint i = 0; i < G_N_ELEMENTS (template_ids); i++)
    {
      SamMeetingTemplate *template = g_ptr_array_index (templates, i);

      g_test_message ("template %s", template_ids[i]);
      g_assert_cmpstr (sam_meeting_template_get_id (template), ==, template_ids[i]);
      g_assert_true (sam_meeting_template_lookup (template_ids[i]) == template);
      g_assert_nonnull (sam_meeting_template_get_title (template));
      g_assert_nonnull (sam_meeting_template_get_purpose (template));
      g_assert_nonnull (sam_meeting_template_get_participants (template));
      g_assert_cmpuint (sam_meeting_template_get_preparation (template)->len, >, 0);
      g_assert_cmpuint (sam_meeting_template_get_n_steps (template), >, 0);

      for (guint j = 0; j < sam_meeting_template_get_n_steps (template); j++)
        {
          const SamMeetingStep *step = sam_meeting_template_get_step (template, j);

          g_assert_cmpuint (step->index, ==, j);
          g_assert_true (sam_meeting_template_lookup_step (template, step->id) == step);
          g_assert_nonnull (step->title);
          g_assert_nonnull (step->facilitator);
          g_assert_nonnull (step->items);
          g_assert_cmpuint (step->seconds, >, 0);
        }
    }
  g_assert_null (sam_meeting_template_lookup ("no-such-template"));
  g_assert_null (sam_meeting_template_lookup (NULL));
}

/* The steps fill the time exactly: no template promises an hour and runs for seventy
 * minutes. Conditional parts come on top. */
static void
test_minutes_add_up (void)
{
  GPtrArray *templates = sam_meeting_template_list_all ();

  for (guint i = 0; i < templates->len; i++)
    {
      SamMeetingTemplate *template = g_ptr_array_index (templates, i);
      guint seconds = 0, follow_up = 0;

      for (guint j = 0; j < sam_meeting_template_get_n_steps (template); j++)
        {
          const SamMeetingStep *step = sam_meeting_template_get_step (template, j);

          if (!step->conditional)
            seconds += step->seconds;
          g_assert_cmpuint (sam_meeting_step_get_seconds (step, FALSE), ==, step->conditional ? 0 : step->seconds);
          follow_up += sam_meeting_step_get_seconds (step, TRUE);
        }
      g_test_message ("template %s", sam_meeting_template_get_id (template));
      g_assert_cmpuint (seconds, ==, sam_meeting_template_get_minutes (template, FALSE) * 60);
      g_assert_cmpuint (follow_up, ==, sam_meeting_template_get_minutes (template, TRUE) * 60);

      for (guint p = 0; p < sam_meeting_template_get_n_parts (template); p++)
        {
          const SamMeetingPart *part = sam_meeting_template_get_part (template, p);
          guint part_seconds = 0;

          for (guint j = 0; j < sam_meeting_template_get_n_steps (template); j++)
            if (sam_meeting_template_get_step (template, j)->part == part)
              part_seconds += sam_meeting_template_get_step (template, j)->seconds;
          g_assert_cmpuint (part_seconds, ==, part->minutes * 60);
        }
    }
}

/* The four praksispakker: 30 to 60 minutes in the clinic, 4 to 7 steps, something to
 * read out at every step but the break. */
static void
test_praksispakker (void)
{
  for (guint i = 2; i < G_N_ELEMENTS (template_ids); i++)
    {
      SamMeetingTemplate *template = sam_meeting_template_lookup (template_ids[i]);
      guint minutes = sam_meeting_template_get_minutes (template, FALSE);
      guint n_steps = sam_meeting_template_get_n_steps (template);
      gboolean decides = FALSE;

      g_test_message ("template %s", template_ids[i]);
      g_assert_cmpint (sam_meeting_template_get_scope (template), ==, SAM_MEETING_SCOPE_CLINIC);
      g_assert_cmpuint (minutes, >=, 30);
      g_assert_cmpuint (minutes, <=, 60);
      g_assert_cmpuint (minutes, ==, sam_meeting_template_get_minutes (template, TRUE));
      g_assert_cmpuint (n_steps, >=, 4);
      g_assert_cmpuint (n_steps, <=, 7);
      g_assert_cmpuint (sam_meeting_template_get_n_parts (template), ==, 0);

      for (guint j = 0; j < n_steps; j++)
        {
          const SamMeetingStep *step = sam_meeting_template_get_step (template, j);

          if (step->kind == SAM_MEETING_STEP_DECIDE)
            decides = TRUE;
          g_assert_null (step->part);
          g_assert_false (step->conditional);
          if (step->kind != SAM_MEETING_STEP_CLOSING)
            g_assert_cmpuint (step->prompts->len, >, 0);
        }
      g_assert_cmpint (sam_meeting_template_get_step (template, 0)->kind, ==, SAM_MEETING_STEP_INTRODUCTION);
      g_assert_cmpint (sam_meeting_template_get_step (template, n_steps - 1)->kind, ==, SAM_MEETING_STEP_CLOSING);
      /* Every meeting ends in something the clinic will do. */
      g_assert_true (decides);
    }
}

/* spec/meetings.md: the program of the cluster meeting, part by part. */
static void
test_cluster_meeting_program (void)
{
  static const struct
  {
    const char *id;
    const char *title;
    guint       minutes;
    gboolean    conditional;
  } expected[] = {
    { "follow-up", "Follow-up from the last meeting", 15, TRUE },
    { "introduction", "Introduction", 10, FALSE },
    { "block-1", "Block 1: Leadership and cooperation", 65, FALSE },
    { "break", "Break", 15, FALSE },
    { "block-2", "Block 2: Collegial support and community among doctors in and outside the clinic", 25, FALSE },
    { "block-3", "Block 3: Implementation and follow-up", 35, FALSE },
  };
  SamMeetingTemplate *template = sam_meeting_template_lookup ("cluster-meeting");
  const SamMeetingStep *step;

  g_assert_nonnull (template);
  g_assert_cmpint (sam_meeting_template_get_scope (template), ==, SAM_MEETING_SCOPE_CLUSTER);
  g_assert_cmpuint (sam_meeting_template_get_minutes (template, FALSE), ==, 150);
  /* 2.5 hours at a follow-up too: the follow-up's 15 minutes come from block 1's group
   * work and plenum and block 3's plan (spec/meetings.md gives it none of its own). */
  g_assert_cmpuint (sam_meeting_template_get_minutes (template, TRUE), ==, 150);
  g_assert_cmpuint (sam_meeting_step_get_seconds (sam_meeting_template_lookup_step (template, "follow-up"), TRUE),
                    ==, 15 * 60);
  g_assert_cmpuint (sam_meeting_step_get_seconds (sam_meeting_template_lookup_step (template, "follow-up"), FALSE),
                    ==, 0);
  g_assert_cmpuint (sam_meeting_step_get_seconds (sam_meeting_template_lookup_step (template, "block-1-groups"),
                                                  TRUE), ==, 25 * 60);
  g_assert_cmpuint (sam_meeting_step_get_seconds (sam_meeting_template_lookup_step (template, "block-1-groups"),
                                                  FALSE), ==, 30 * 60);
  g_assert_cmpuint (sam_meeting_step_get_seconds (sam_meeting_template_lookup_step (template, "break"), TRUE),
                    ==, 15 * 60);
  g_assert_cmpuint (sam_meeting_template_get_n_parts (template), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SamMeetingPart *part = sam_meeting_template_get_part (template, i);

      g_assert_cmpstr (part->id, ==, expected[i].id);
      g_assert_cmpstr (part->title, ==, expected[i].title);
      g_assert_cmpuint (part->minutes, ==, expected[i].minutes);
      g_assert_cmpint (part->condition != SAM_MEETING_CONDITION_NONE, ==, expected[i].conditional);
    }

  /* Every step belongs to a part, in the program's order; only the follow-up's steps are
   * conditional. */
  for (guint i = 0, p = 0; i < sam_meeting_template_get_n_steps (template); i++)
    {
      step = sam_meeting_template_get_step (template, i);
      g_assert_nonnull (step->part);
      while (p < G_N_ELEMENTS (expected) && !g_str_equal (step->part->id, expected[p].id))
        p++;
      g_assert_cmpuint (p, <, G_N_ELEMENTS (expected));
      g_assert_cmpint (step->conditional, ==, expected[p].conditional);
    }

  g_assert_cmpint (sam_meeting_template_get_step (template, 0)->kind, ==, SAM_MEETING_STEP_DATA_REVIEW);
  step = sam_meeting_template_lookup_step (template, "break");
  g_assert_cmpint (step->kind, ==, SAM_MEETING_STEP_BREAK);

  /* Block 1 reviews leadership (q1-q4), structure (q5-q6) and culture (q7); block 2
   * collegial support (q8-q10); the group work uses the reflection questions. */
  step = sam_meeting_template_lookup_step (template, "block-1-results");
  g_assert_cmpint (step->kind, ==, SAM_MEETING_STEP_DATA_REVIEW);
  g_assert_cmpuint (g_strv_length (step->items), ==, 25);
  g_assert_cmpstr (step->items[0], ==, "q1");
  g_assert_cmpstr (step->items[24], ==, "q7h");
  step = sam_meeting_template_lookup_step (template, "block-2-results");
  g_assert_cmpuint (g_strv_length (step->items), ==, 6);
  g_assert_cmpstr (step->items[0], ==, "q8");
  g_assert_cmpstr (step->items[5], ==, "q10d");
  step = sam_meeting_template_lookup_step (template, "block-1-groups");
  g_assert_cmpuint (step->reflections->len, ==, 2);
  step = sam_meeting_template_lookup_step (template, "block-2-groups");
  g_assert_cmpuint (step->reflections->len, ==, 1);
  g_assert_cmpstr (((SamMeetingReflectionGroup *) g_ptr_array_index (step->reflections, 0))->id, ==,
                   "collegial-support");
  step = sam_meeting_template_lookup_step (template, "block-3-plan");
  g_assert_cmpint (step->kind, ==, SAM_MEETING_STEP_DECIDE);

  /* The introduction carries the package's figures (seed 002): 2023, 48 % moderately and
   * 14 % severely burnt out, the highest since 2004. */
  step = sam_meeting_template_lookup_step (template, "introduction");
  {
    const char *figures = g_ptr_array_index (step->prompts, 0);

    g_assert_nonnull (strstr (figures, "2023"));
    g_assert_nonnull (strstr (figures, "48%"));
    g_assert_nonnull (strstr (figures, "14%"));
    g_assert_nonnull (strstr (figures, "since"));
    g_assert_nonnull (strstr (figures, "2004"));
  }
}

/* spec/meetings.md: the 75-minute session, its notes sorted under the four elements. */
static void
test_cluster_wellbeing_program (void)
{
  static const guint minutes[] = { 5, 15, 10, 10, 15, 10, 10 };
  static const char *categories[] = { "values", "development", "cohesion", "coordinator" };
  SamMeetingTemplate *template = sam_meeting_template_lookup ("cluster-wellbeing");
  const SamMeetingStep *step;

  g_assert_cmpuint (sam_meeting_template_get_minutes (template, TRUE), ==, 75);
  g_assert_cmpuint (sam_meeting_template_get_n_parts (template), ==, G_N_ELEMENTS (minutes));
  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    g_assert_cmpuint (sam_meeting_template_get_part (template, i)->minutes, ==, minutes[i]);

  /* Two and a half minutes alone on each colour, then five with the neighbour on each. */
  step = sam_meeting_template_lookup_step (template, "green-notes");
  g_assert_cmpuint (step->seconds, ==, 150);
  g_assert_cmpint (step->notes, ==, SAM_MEETING_NOTES_GREEN);
  step = sam_meeting_template_lookup_step (template, "red-notes");
  g_assert_cmpuint (step->seconds, ==, 150);
  g_assert_cmpint (step->notes, ==, SAM_MEETING_NOTES_RED);
  g_assert_cmpuint (sam_meeting_template_lookup_step (template, "pairs-green")->seconds, ==, 300);
  g_assert_cmpuint (sam_meeting_template_lookup_step (template, "pairs-red")->seconds, ==, 300);

  g_assert_cmpuint (sam_meeting_template_get_categories (template)->len, ==, 4);

  /* The theory step carries seed 003's motivation (Ryan & Deci) and the facilitator's
   * five points. */
  step = sam_meeting_template_lookup_step (template, "theory");
  {
    g_autoptr(GString) prompts = g_string_new (NULL);

    for (guint i = 0; i < step->prompts->len; i++)
      g_string_append_printf (prompts, "%s\n", (char *) g_ptr_array_index (step->prompts, i));
    g_assert_nonnull (strstr (prompts->str, "(Ryan & Deci): autonomy, competence and relatedness"));
    g_assert_nonnull (strstr (prompts->str, "create meaning, steer the process, take responsibility for the energy, "
                                            "ask questions, be aware of power"));
  }
  step = sam_meeting_template_lookup_step (template, "group-work");
  g_assert_cmpint (step->kind, ==, SAM_MEETING_STEP_NOTES);
  g_assert_cmpint (step->notes, ==, SAM_MEETING_NOTES_GREEN | SAM_MEETING_NOTES_RED);
  g_assert_cmpuint (step->categories->len, ==, G_N_ELEMENTS (categories));
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      const SamMeetingCategory *category = g_ptr_array_index (step->categories, i);

      g_assert_cmpstr (category->id, ==, categories[i]);
      g_assert_true (sam_meeting_template_lookup_category (template, categories[i]) == category);
      g_assert_nonnull (category->label);
      g_assert_nonnull (category->description);
    }
  g_assert_cmpstr (sam_meeting_template_lookup_category (template, "cohesion")->label, ==, "Cohesion");
}

static char *
numbers_of (GPtrArray *reflections)
{
  GString *numbers = g_string_new (NULL);

  for (guint i = 0; i < reflections->len; i++)
    {
      const SamMeetingReflection *reflection = g_ptr_array_index (reflections, i);

      g_string_append_printf (numbers, "%s%s:%u", numbers->len ? " " : "",
                              reflection->group->id, reflection->number);
    }
  return g_string_free (numbers, FALSE);
}

/* spec/meetings.md, section 6: solo doctors answer only question 1 on leadership and
 * questions 2 and 3 on collegial support; everything for doctors in a partnership. */
static void
test_reflection_roles (void)
{
  static const struct
  {
    const char *group;
    SamRole     role;
    const char *numbers;
  } expected[] = {
    { NULL, SAM_ROLE_PARTNER, "leadership:1 leadership:2 structure-culture:1 structure-culture:2 "
                              "structure-culture:3 collegial-support:1 collegial-support:2 "
                              "collegial-support:3" },
    { NULL, SAM_ROLE_SOLO, "leadership:1 structure-culture:1 structure-culture:2 "
                           "structure-culture:3 collegial-support:2 collegial-support:3" },
    { NULL, SAM_ROLE_STAFF, "" },
    { "leadership", SAM_ROLE_PARTNER, "leadership:1 leadership:2" },
    { "leadership", SAM_ROLE_SOLO, "leadership:1" },
    { "structure-culture", SAM_ROLE_SOLO, "structure-culture:1 structure-culture:2 structure-culture:3" },
    { "collegial-support", SAM_ROLE_PARTNER, "collegial-support:1 collegial-support:2 collegial-support:3" },
    { "collegial-support", SAM_ROLE_SOLO, "collegial-support:2 collegial-support:3" },
    { "no-such-group", SAM_ROLE_PARTNER, "" },
  };
  SamMeetingTemplate *template = sam_meeting_template_lookup ("cluster-meeting");
  GPtrArray *groups = sam_meeting_template_get_reflection_groups (template);
  const SamMeetingReflectionGroup *group;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) list = sam_meeting_template_list_reflections (template, expected[i].group,
                                                                          expected[i].role);
      g_autofree char *numbers = numbers_of (list);

      g_assert_cmpstr (numbers, ==, expected[i].numbers);
    }

  /* The groups belong to the blocks where the group work uses them, and cover the items
   * of the package's areas. */
  g_assert_cmpuint (groups->len, ==, 3);
  group = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (group->part->id, ==, "block-1");
  g_assert_cmpstr (group->items[0], ==, "q1");
  g_assert_cmpstr (group->note, ==, "Solo doctors answer only question 1.");
  group = g_ptr_array_index (groups, 1);
  g_assert_cmpstr (group->part->id, ==, "block-1");
  g_assert_null (group->note);
  group = g_ptr_array_index (groups, 2);
  g_assert_cmpstr (group->part->id, ==, "block-2");
  g_assert_cmpstr (group->items[0], ==, "q8");
  g_assert_cmpstr (group->note, ==, "Solo doctors answer only questions 2 and 3.");
  g_assert_cmpstr (((SamMeetingReflection *) g_ptr_array_index (group->questions, 2))->text, ==,
                   "What do you concretely do to seek support when you need it?");

  /* Only the cluster meeting has reflection questions. */
  g_assert_cmpuint (sam_meeting_template_get_reflection_groups (sam_meeting_template_lookup ("clinic-wellbeing"))->len, ==, 0);
}

/* Every item a step or a reflection group names is an item of the questionnaire, so a
 * data review never asks for a chart that cannot exist. */
static void
test_items_exist (void)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  GPtrArray *templates = sam_meeting_template_list_all ();

  for (guint i = 0; i < templates->len; i++)
    {
      SamMeetingTemplate *template = g_ptr_array_index (templates, i);
      GPtrArray *groups = sam_meeting_template_get_reflection_groups (template);

      for (guint j = 0; j < sam_meeting_template_get_n_steps (template); j++)
        {
          const SamMeetingStep *step = sam_meeting_template_get_step (template, j);

          for (guint k = 0; step->items[k] != NULL; k++)
            {
              g_test_message ("%s: %s", step->id, step->items[k]);
              g_assert_nonnull (sam_instrument_lookup_item (instrument, step->items[k]));
            }
          if (step->kind == SAM_MEETING_STEP_DATA_REVIEW)
            g_assert_nonnull (step->items[0]);
        }
      for (guint j = 0; j < groups->len; j++)
        {
          const SamMeetingReflectionGroup *group = g_ptr_array_index (groups, j);

          for (guint k = 0; group->items[k] != NULL; k++)
            g_assert_nonnull (sam_instrument_lookup_item (instrument, group->items[k]));
        }
    }
}

static void
test_step_kinds (void)
{
  static const char *names[] = {
    "introduction", "round", "reflection", "pairs", "notes", "data-review", "discussion",
    "decide", "break", "closing",
  };
  SamMeetingStepKind kind;

  g_assert_cmpuint (G_N_ELEMENTS (names), ==, SAM_N_MEETING_STEP_KINDS);
  for (guint i = 0; i < SAM_N_MEETING_STEP_KINDS; i++)
    {
      g_assert_cmpstr (sam_meeting_step_kind_to_string (i), ==, names[i]);
      g_assert_true (sam_meeting_step_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (sam_meeting_step_kind_get_label (i));
    }
  g_assert_false (sam_meeting_step_kind_from_string ("Round", &kind));
  g_assert_false (sam_meeting_step_kind_from_string ("", &kind));
  g_assert_false (sam_meeting_step_kind_from_string (NULL, &kind));
  g_assert_cmpstr (sam_meeting_step_kind_get_label (SAM_MEETING_STEP_DATA_REVIEW), ==, "Data review");
}

#define HEAD "<meetings version=\"1\"><template id=\"t\" scope=\"clinic\" minutes=\"10\">" \
  "<title translatable=\"yes\">T</title><purpose translatable=\"yes\">P</purpose>" \
  "<participants translatable=\"yes\">W</participants>" \
  "<preparation translatable=\"yes\">R</preparation>"
#define STEP(attrs) "<step " attrs "><title translatable=\"yes\">S</title>" \
  "<facilitator translatable=\"yes\">F</facilitator></step>"
#define TAIL "</template></meetings>"

static GPtrArray *
load_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));

  return sam_meeting_template_load_from_bytes (bytes, error);
}

static void
test_good_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  SamMeetingTemplate *template;

  templates = load_string (HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"7.5\"")
                           STEP ("id=\"b\" kind=\"closing\" minutes=\"2.5\"") TAIL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 1);
  template = g_ptr_array_index (templates, 0);
  g_assert_cmpuint (sam_meeting_template_get_n_steps (template), ==, 2);
  g_assert_cmpuint (sam_meeting_template_get_step (template, 0)->seconds, ==, 450);
  g_assert_cmpuint (sam_meeting_template_get_step (template, 0)->prompts->len, ==, 0);
  g_assert_cmpstr (sam_meeting_template_get_step (template, 1)->title, ==, "S");
  g_assert_cmpuint (sam_meeting_template_get_minutes (template, TRUE), ==, 10);
}

/* Bad data is refused whole, with a message that names the place and what is wrong. */
static void
test_malformed (void)
{
  static const struct
  {
    const char *xml;
    const char *message;
  } cases[] = {
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"5\"") TAIL,
      "template “t”: the template says 10 minutes but its steps take 5" },
    { HEAD STEP ("id=\"a\" kind=\"chat\" minutes=\"10\"") TAIL,
      "step “a”: unknown kind “chat”" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"ten\"") TAIL,
      "minutes “ten” are not a duration" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"9.99\"") STEP ("id=\"b\" kind=\"round\" minutes=\"0.01\"") TAIL,
      "minutes “9.99” are not a duration" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"-10\"") TAIL,
      "not a duration" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"5\"") STEP ("id=\"a\" kind=\"round\" minutes=\"5\"") TAIL,
      "a step needs an id of its own" },
    { HEAD STEP ("id=\"a\" kind=\"data-review\" minutes=\"10\"") TAIL,
      "a data review names the items it looks at" },
    { HEAD STEP ("id=\"a\" kind=\"data-review\" minutes=\"10\" items=\"q1 Q2\"") TAIL,
      "items must be item codes" },
    { HEAD STEP ("id=\"a\" kind=\"notes\" minutes=\"10\"") TAIL,
      "a notes step says which notes" },
    { HEAD STEP ("id=\"a\" kind=\"notes\" minutes=\"10\" notes=\"blue\"") TAIL,
      "notes must be “green”, “red” or both" },
    { HEAD STEP ("id=\"a\" kind=\"notes\" minutes=\"10\" notes=\"red\" categories=\"x\"") TAIL,
      "step “a”: no category “x”" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"10\" reflections=\"x\"") TAIL,
      "step “a”: no reflections “x”" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"10\" colour=\"red\"") TAIL,
      "<step> has an unknown attribute “colour”" },
    { HEAD "<step id=\"a\" kind=\"round\" minutes=\"10\"><title>S</title></step>" TAIL,
      "<title> must be marked translatable" },
    { HEAD "<step id=\"a\" kind=\"round\" minutes=\"10\"><title translatable=\"yes\">S</title></step>" TAIL,
      "step “a” needs a title and what the facilitator does" },
    { HEAD "<step id=\"a\" kind=\"round\" minutes=\"10\"><title translatable=\"yes\">S</title>"
      "<title translatable=\"yes\">S2</title></step>" TAIL,
      "<title> appears twice" },
    { HEAD "<step id=\"a\" kind=\"round\" minutes=\"10\"><purpose translatable=\"yes\">S</purpose></step>" TAIL,
      "<purpose> does not belong here" },
    { HEAD "<step id=\"a\" kind=\"round\" minutes=\"10\"><title translatable=\"yes\"> </title></step>" TAIL,
      "<title> is empty" },
    { HEAD "<part id=\"p\" minutes=\"10\"><title translatable=\"yes\">P</title>"
      STEP ("id=\"a\" kind=\"round\" minutes=\"5\"") "</part>" STEP ("id=\"b\" kind=\"round\" minutes=\"5\"") TAIL,
      "part “p” says 10 minutes but its steps take 5" },
    { HEAD "<part id=\"p\" minutes=\"5\" condition=\"earlier-round\"><title translatable=\"yes\">P</title>"
      STEP ("id=\"a\" kind=\"round\" minutes=\"5\"") "</part>" STEP ("id=\"b\" kind=\"round\" minutes=\"10\"") TAIL,
      "a conditional part, and only that, says adds-to-total=\"yes\" or \"no\"" },
    { HEAD "<part id=\"p\" minutes=\"5\" condition=\"earlier-round\" adds-to-total=\"no\"><title translatable=\"yes\">P</title>"
      STEP ("id=\"a\" kind=\"round\" minutes=\"5\"") "</part>" STEP ("id=\"b\" kind=\"round\" minutes=\"10\" follow-up-minutes=\"8\"") TAIL,
      "the steps give way 2 minutes at a follow-up, where the conditional parts take 5" },
    { HEAD STEP ("id=\"b\" kind=\"round\" minutes=\"10\" follow-up-minutes=\"12\"") TAIL,
      "step “b”: follow-up-minutes “12” must be a shorter time for a step held at every meeting" },
    { HEAD "<part id=\"p\" minutes=\"5\" condition=\"sometimes\" adds-to-total=\"yes\">" TAIL,
      "unknown condition “sometimes”" },
    { HEAD "<reflections id=\"r\" part=\"p\"><title translatable=\"yes\">R</title>"
      "<question number=\"1\" roles=\"partner\" translatable=\"yes\">Q</question></reflections>"
      STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") TAIL,
      "reflections “r”: no part “p”" },
    { HEAD "<part id=\"p\" minutes=\"10\"><title translatable=\"yes\">P</title>"
      STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") "</part>"
      "<reflections id=\"r\" part=\"p\"><title translatable=\"yes\">R</title>"
      "<question number=\"1\" roles=\"doctor\" translatable=\"yes\">Q</question></reflections>" TAIL,
      "question 1: roles must name partner, solo or staff" },
    { HEAD "<part id=\"p\" minutes=\"10\"><title translatable=\"yes\">P</title>"
      STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") "</part>"
      "<reflections id=\"r\" part=\"p\"><title translatable=\"yes\">R</title>"
      "<question number=\"2\" roles=\"solo\" translatable=\"yes\">Q</question></reflections>" TAIL,
      "questions are numbered 1, 2, 3 in order" },
    { HEAD "<category id=\"c\"/>" STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") TAIL,
      "category “c” needs a label" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") "<widget/>" TAIL,
      "unknown element <widget>" },
    { "<meetings version=\"1\"><template id=\"t\" scope=\"clinic\" minutes=\"10\">"
      STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") TAIL,
      "a template needs a title, a purpose, participants and preparation" },
    { "<meetings version=\"1\"><template id=\"t\" scope=\"practice\" minutes=\"10\">" TAIL,
      "scope must be “clinic” or “cluster”" },
    { "<meetings version=\"2\"></meetings>", "the file must be <meetings version=\"1\">" },
    { "<meetings version=\"1\"></meetings>", "the file holds no template" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") TAIL
      HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") TAIL,
      "the file must be <meetings version=\"1\">" },
    { HEAD STEP ("id=\"a\" kind=\"round\" minutes=\"10\"") "</template>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) templates = NULL;

      g_test_message ("case %u", i);
      templates = load_string (cases[i].xml, &error);
      g_assert_null (templates);
      g_assert_nonnull (error);
      if (cases[i].message != NULL)
        {
          g_assert_error (error, SAM_MEETING_TEMPLATE_ERROR, SAM_MEETING_TEMPLATE_ERROR_INVALID);
          if (strstr (error->message, cases[i].message) == NULL)
            g_error ("“%s” does not say “%s”", error->message, cases[i].message);
          /* The place comes first, where the data has one. */
          g_assert_true (g_str_has_prefix (error->message, "meetings:"));
        }
      else
        {
          g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
        }
    }
}

#define STEP_ASKING(attrs, prompts) "<step " attrs "><title translatable=\"yes\">S</title>" \
  "<facilitator translatable=\"yes\">F</facilitator>" prompts "</step>"
#define PROMPT "<prompt translatable=\"yes\">Q?</prompt>"

/* phones="votes" marks the steps that pick red notes to talk about; phones="questions" a
 * step whose one to four prompts are asked of phones. The well-being session's closing
 * asks seed 003's two questions. Anything else is refused. */
static void
test_phones (void)
{
  static const struct
  {
    const char *xml;
    const char *message;
  } bad[] = {
    { HEAD STEP ("id=\"a\" kind=\"decide\" minutes=\"10\" phones=\"vote\"") TAIL, "phones must be" },
    { HEAD STEP ("id=\"a\" kind=\"notes\" minutes=\"10\" notes=\"red\" phones=\"votes\"") TAIL,
      "a step with notes takes no votes or questions" },
    { HEAD STEP ("id=\"a\" kind=\"closing\" minutes=\"10\" phones=\"questions\"") TAIL, "one to 4 of them" },
    { HEAD STEP_ASKING ("id=\"a\" kind=\"closing\" minutes=\"10\" phones=\"questions\"",
                        PROMPT PROMPT PROMPT PROMPT PROMPT) TAIL, "one to 4 of them" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  const SamMeetingStep *step;

  templates = load_string (HEAD STEP_ASKING ("id=\"a\" kind=\"closing\" minutes=\"10\" phones=\"questions\"",
                                             PROMPT PROMPT) TAIL, &error);
  g_assert_no_error (error);
  step = sam_meeting_template_get_step (g_ptr_array_index (templates, 0), 0);
  g_assert_cmpint (step->phones, ==, SAM_MEETING_PHONES_QUESTIONS);
  g_assert_cmpuint (step->prompt_sources->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (step->prompt_sources, 0), ==, "Q?");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) none = NULL;

      g_clear_error (&error);
      none = load_string (bad[i].xml, &error);
      g_assert_null (none);
      g_assert_error (error, SAM_MEETING_TEMPLATE_ERROR, SAM_MEETING_TEMPLATE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].message));
    }

  step = sam_meeting_template_lookup_step (sam_meeting_template_lookup ("cluster-wellbeing"), "closing");
  g_assert_cmpint (step->phones, ==, SAM_MEETING_PHONES_QUESTIONS);
  g_assert_cmpuint (step->prompts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (step->prompt_sources, 0), ==,
                   "Name the two most important things you take home from this session.");
  g_assert_cmpint (sam_meeting_template_lookup_step (sam_meeting_template_lookup ("clinic-wellbeing"), "decide")->phones,
                   ==, SAM_MEETING_PHONES_VOTES);
  g_assert_cmpint (sam_meeting_template_lookup_step (sam_meeting_template_lookup ("clinic-cooperation"),
                                                     "discussion")->phones, ==, SAM_MEETING_PHONES_VOTES);
  g_assert_cmpint (sam_meeting_template_lookup_step (sam_meeting_template_lookup ("clinic-wellbeing"), "notes")->phones,
                   ==, SAM_MEETING_PHONES_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-template/all-load", test_all_load);
  g_test_add_func ("/meeting-template/minutes-add-up", test_minutes_add_up);
  g_test_add_func ("/meeting-template/praksispakker", test_praksispakker);
  g_test_add_func ("/meeting-template/cluster-meeting-program", test_cluster_meeting_program);
  g_test_add_func ("/meeting-template/cluster-wellbeing-program", test_cluster_wellbeing_program);
  g_test_add_func ("/meeting-template/reflection-roles", test_reflection_roles);
  g_test_add_func ("/meeting-template/items-exist", test_items_exist);
  g_test_add_func ("/meeting-template/step-kinds", test_step_kinds);
  g_test_add_func ("/meeting-template/good-minimal", test_good_minimal);
  g_test_add_func ("/meeting-template/malformed", test_malformed);
  g_test_add_func ("/meeting-template/phones", test_phones);

  return g_test_run ();
}
