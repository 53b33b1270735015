/* sam-meeting-template-load.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The meeting templates' loader: meetings.xml element by element on the shared GMarkup
 * scaffold (sam-markup.c), each template checked whole when it ends. */

#define G_LOG_DOMAIN "sam-meeting-template"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-markup.h"
#include "sam-meeting-template-private.h"

static void
reflection_free (gpointer data)
{
  SamMeetingReflection *reflection = data;

  g_free (reflection->text);
  g_free (reflection);
}

/* A step's or group's references, resolved when its template ends (they may point ahead). */
typedef struct
{
  SamMeetingStep            *step;
  SamMeetingReflectionGroup *group;
  char                      *categories;
  char                      *reflections;
  char                      *part;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->categories);
  g_free (pending->reflections);
  g_free (pending->part);
  g_free (pending);
}

typedef struct
{
  SamMarkupState             markup;      /* first, for the shared text handler */
  GPtrArray                 *templates;
  SamMeetingTemplate        *template;
  SamMeetingPart            *part;
  SamMeetingStep            *step;
  SamMeetingCategory        *category;
  SamMeetingReflectionGroup *group;
  SamMeetingReflection      *question;
  GPtrArray                 *pending;     /* Pending */
  char                      *context;     /* msgctxt of the text being collected */
  gboolean                   in_root;
} ParseState;

static void set_invalid (GMarkupParseContext  *context,
                         ParseState           *state,
                         GError              **error,
                         const char           *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* Names the place and the template (and step) so a wrong edit is found at once. */
static void
set_invalid (GMarkupParseContext  *context,
             ParseState           *state,
             GError              **error,
             const char           *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *place = _sam_markup_where (context, "meetings");
  g_autoptr(GString) where = g_string_new (place);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (state->template != NULL)
    g_string_append_printf (where, "template “%s”: ", state->template->id);
  if (state->step != NULL)
    g_string_append_printf (where, "step “%s”: ", state->step->id);
  g_set_error (error, SAM_MEETING_TEMPLATE_ERROR, SAM_MEETING_TEMPLATE_ERROR_INVALID,
               "%s%s", where->str, message);
}

static gboolean
is_id (const char *str)
{
  if (str == NULL || *str == '\0')
    return FALSE;
  for (const char *p = str; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* Whole minutes, as a template or part total. */
static gboolean
parse_minutes (const char *str,
               guint      *minutes)
{
  guint64 value;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, 1, 24 * 60, &value, NULL))
    return FALSE;
  *minutes = (guint) value;
  return TRUE;
}

/* A step's minutes may have a fraction ("2.5") as long as it comes to whole seconds. */
static gboolean
parse_step_minutes (const char *str,
                    guint      *seconds)
{
  char *end = NULL;
  double value, secs;

  if (str == NULL || *str == '\0' || !g_ascii_isdigit (*str))
    return FALSE;
  value = g_ascii_strtod (str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value) || value <= 0 || value > 24 * 60)
    return FALSE;
  secs = value * 60;
  if (fabs (secs - round (secs)) > 1e-6)
    return FALSE;
  *seconds = (guint) round (secs);
  return TRUE;
}

/* Item codes as the instrument writes them: "q" and a number, maybe a letter. */
static gboolean
parse_items (const char  *str,
             GStrv       *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = g_strsplit_set (str != NULL ? str : "", " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *p = words[i];

      if (*p == '\0')
        continue;
      if (*p++ != 'q' || !g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (g_ascii_islower (*p))
        p++;
      if (*p != '\0')
        return FALSE;
      g_strv_builder_add (builder, words[i]);
    }
  *items = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_roles (const char *str,
             guint      *roles)
{
  g_auto(GStrv) words = g_strsplit_set (str != NULL ? str : "", " ", -1);

  *roles = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      SamRole role;

      if (*words[i] == '\0')
        continue;
      if (!sam_role_from_string (words[i], &role))
        return FALSE;
      *roles |= SAM_ROLE_MASK (role);
    }
  return *roles != 0;
}

/* phones="votes" or phones="questions"; none where missing. */
static gboolean
parse_phones (const char       *str,
              SamMeetingPhones *phones)
{
  *phones = SAM_MEETING_PHONES_NONE;
  if (str == NULL)
    return TRUE;
  if (g_str_equal (str, "votes"))
    *phones = SAM_MEETING_PHONES_VOTES;
  else if (g_str_equal (str, "questions"))
    *phones = SAM_MEETING_PHONES_QUESTIONS;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_notes (const char      *str,
             SamMeetingNotes *notes)
{
  g_auto(GStrv) words = g_strsplit_set (str != NULL ? str : "", " ", -1);

  *notes = SAM_MEETING_NOTES_NONE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "green"))
        *notes |= SAM_MEETING_NOTES_GREEN;
      else if (g_str_equal (words[i], "red"))
        *notes |= SAM_MEETING_NOTES_RED;
      else if (*words[i] != '\0')
        return FALSE;
    }
  return TRUE;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

/* Every attribute an element may carry; anything else is a typing error in the data. */
static gboolean
check_attributes (GMarkupParseContext  *context,
                  ParseState           *state,
                  const char           *element_name,
                  const char          **names,
                  const char          **allowed,
                  GError              **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!g_strv_contains (allowed, names[i]))
        {
          set_invalid (context, state, error, "<%s> has an unknown attribute “%s”",
                       element_name, names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
at_template_level (ParseState *state)
{
  return state->template != NULL && state->part == NULL && state->step == NULL &&
         state->category == NULL && state->group == NULL;
}

static const char *text_elements[] = {
  "title", "purpose", "participants", "preparation", "label", "description", "facilitator",
  "prompt", "note", NULL
};

static void
start_template (GMarkupParseContext  *context,
                ParseState           *state,
                const char          **names,
                const char          **values,
                GError              **error)
{
  static const char *allowed[] = { "id", "scope", "minutes", NULL };
  const char *id = find_attribute (names, values, "id");
  const char *scope = find_attribute (names, values, "scope");
  SamMeetingTemplate *template;

  if (!check_attributes (context, state, "template", names, allowed, error))
    return;
  if (!is_id (id))
    { set_invalid (context, state, error, "a template needs an id"); return; }
  for (guint i = 0; i < state->templates->len; i++)
    if (g_str_equal (((SamMeetingTemplate *) g_ptr_array_index (state->templates, i))->id, id))
      { set_invalid (context, state, error, "template “%s” appears twice", id); return; }

  template = g_object_new (SAM_TYPE_MEETING_TEMPLATE, NULL);
  template->id = g_strdup (id);
  g_ptr_array_add (state->templates, template);
  state->template = template;

  if (g_strcmp0 (scope, "clinic") == 0)
    template->scope = SAM_MEETING_SCOPE_CLINIC;
  else if (g_strcmp0 (scope, "cluster") == 0)
    template->scope = SAM_MEETING_SCOPE_CLUSTER;
  else
    { set_invalid (context, state, error, "scope must be “clinic” or “cluster”"); return; }
  if (!parse_minutes (find_attribute (names, values, "minutes"), &template->minutes))
    {
      set_invalid (context, state, error, "the template needs its total in whole minutes");
      return;
    }
}

static void
start_part (GMarkupParseContext  *context,
            ParseState           *state,
            const char          **names,
            const char          **values,
            GError              **error)
{
  static const char *allowed[] = { "id", "minutes", "condition", "adds-to-total", NULL };
  gboolean says_adds;
  const char *id = find_attribute (names, values, "id");
  const char *condition = find_attribute (names, values, "condition");
  const char *adds = find_attribute (names, values, "adds-to-total");
  SamMeetingPart *part;

  if (!check_attributes (context, state, "part", names, allowed, error))
    return;
  if (!at_template_level (state))
    { set_invalid (context, state, error, "a part belongs directly in a template"); return; }
  if (!is_id (id) || SAM_MEETING_FIND (state->template->parts, SamMeetingPart, id))
    { set_invalid (context, state, error, "a part needs an id of its own"); return; }

  part = g_new0 (SamMeetingPart, 1);
  part->id = g_strdup (id);
  g_ptr_array_add (state->template->parts, part);
  state->part = part;

  if (!parse_minutes (find_attribute (names, values, "minutes"), &part->minutes))
    { set_invalid (context, state, error, "part “%s” needs its minutes", id); return; }
  if (condition == NULL)
    part->condition = SAM_MEETING_CONDITION_NONE;
  else if (g_str_equal (condition, "earlier-round"))
    part->condition = SAM_MEETING_CONDITION_EARLIER_ROUND;
  else
    {
      set_invalid (context, state, error, "part “%s”: unknown condition “%s”", id, condition);
      return;
    }
  /* The data says outright whether a conditional part lengthens the meeting ("yes") or
   * takes its time from the other steps ("no", each giving way by its follow-up-minutes). */
  says_adds = g_strcmp0 (adds, "yes") == 0;
  if ((part->condition != SAM_MEETING_CONDITION_NONE) != (says_adds || g_strcmp0 (adds, "no") == 0))
    {
      set_invalid (context, state, error,
                   "part “%s”: a conditional part, and only that,"
                   " says adds-to-total=\"yes\" or \"no\"", id);
      return;
    }
  part->adds = says_adds;
}

static void
start_step (GMarkupParseContext  *context,
            ParseState           *state,
            const char          **names,
            const char          **values,
            GError              **error)
{
  static const char *allowed[] = {
    "id", "kind", "minutes", "follow-up-minutes", "items", "notes", "categories", "reflections",
    "phones", NULL
  };
  const char *follow_up_minutes = NULL;
  const char *id = find_attribute (names, values, "id");
  const char *kind = find_attribute (names, values, "kind");
  const char *minutes = find_attribute (names, values, "minutes");
  SamMeetingStep *step;
  Pending *pending;

  if (!check_attributes (context, state, "step", names, allowed, error))
    return;
  if (state->template == NULL || state->step != NULL || state->category != NULL ||
      state->group != NULL)
    { set_invalid (context, state, error, "a step belongs in a template or a part"); return; }
  if (!is_id (id) || SAM_MEETING_FIND (state->template->steps, SamMeetingStep, id))
    { set_invalid (context, state, error, "a step needs an id of its own"); return; }

  step = g_new0 (SamMeetingStep, 1);
  step->id = g_strdup (id);
  step->index = state->template->steps->len;
  step->part = state->part;
  step->conditional = state->part != NULL && state->part->condition != SAM_MEETING_CONDITION_NONE;
  step->prompts = g_ptr_array_new_with_free_func (g_free);
  step->prompt_sources = g_ptr_array_new_with_free_func (g_free);
  step->categories = g_ptr_array_new ();
  step->reflections = g_ptr_array_new ();
  g_ptr_array_add (state->template->steps, step);
  state->step = step;

  pending = g_new0 (Pending, 1);
  pending->step = step;
  pending->categories = g_strdup (find_attribute (names, values, "categories"));
  pending->reflections = g_strdup (find_attribute (names, values, "reflections"));
  g_ptr_array_add (state->pending, pending);

  if (!sam_meeting_step_kind_from_string (kind, &step->kind))
    { set_invalid (context, state, error, "unknown kind “%s”", kind ? kind : ""); return; }
  if (!parse_step_minutes (minutes, &step->seconds))
    {
      set_invalid (context, state, error, "minutes “%s” are not a duration in whole seconds",
                   minutes ? minutes : "");
      return;
    }
  /* At a follow-up meeting a step may give way to the follow-up part. */
  follow_up_minutes = find_attribute (names, values, "follow-up-minutes");
  step->follow_up_seconds = step->seconds;
  if (follow_up_minutes != NULL &&
      (step->conditional || !parse_step_minutes (follow_up_minutes, &step->follow_up_seconds) ||
       step->follow_up_seconds > step->seconds))
    {
      set_invalid (context, state, error,
                   "step “%s”: follow-up-minutes “%s” must be a shorter time "
                   "for a step held at every meeting", id, follow_up_minutes);
      return;
    }
  if (!parse_items (find_attribute (names, values, "items"), &step->items))
    { set_invalid (context, state, error, "items must be item codes such as “q7c”"); return; }
  if (!parse_notes (find_attribute (names, values, "notes"), &step->notes))
    { set_invalid (context, state, error, "notes must be “green”, “red” or both"); return; }
  if (step->kind == SAM_MEETING_STEP_DATA_REVIEW && step->items[0] == NULL)
    { set_invalid (context, state, error, "a data review names the items it looks at"); return; }
  if (step->kind == SAM_MEETING_STEP_NOTES && step->notes == SAM_MEETING_NOTES_NONE)
    {
      set_invalid (context, state, error, "a notes step says which notes: green, red or both");
      return;
    }
  if (!parse_phones (find_attribute (names, values, "phones"), &step->phones))
    { set_invalid (context, state, error, "phones must be “votes” or “questions”"); return; }
  /* One room a step: phones post notes, or votes, or answers. */
  if (step->phones != SAM_MEETING_PHONES_NONE && step->notes != SAM_MEETING_NOTES_NONE)
    { set_invalid (context, state, error,
                   "a step with notes takes no votes or questions from phones"); return; }
}

/* A step whose prompts are questions for phones has one to SAM_MEETING_QUESTIONS_MAX. */
static void
end_step (GMarkupParseContext  *context,
          ParseState           *state,
          GError              **error)
{
  const SamMeetingStep *step = state->step;

  if (step != NULL && step->phones == SAM_MEETING_PHONES_QUESTIONS &&
      (step->prompts->len == 0 || step->prompts->len > SAM_MEETING_QUESTIONS_MAX))
    set_invalid (context, state, error, "step “%s”: phones=\"questions\" asks its prompts,"
                                        " one to %d of them",
                 step->id, SAM_MEETING_QUESTIONS_MAX);
}

static void
start_category (GMarkupParseContext  *context,
                ParseState           *state,
                const char          **names,
                const char          **values,
                GError              **error)
{
  static const char *allowed[] = { "id", NULL };
  const char *id = find_attribute (names, values, "id");
  SamMeetingCategory *category;

  if (!check_attributes (context, state, "category", names, allowed, error))
    return;
  if (!at_template_level (state))
    { set_invalid (context, state, error, "a category belongs directly in a template"); return; }
  if (!is_id (id) || SAM_MEETING_FIND (state->template->categories, SamMeetingCategory, id))
    { set_invalid (context, state, error, "a category needs an id of its own"); return; }

  category = g_new0 (SamMeetingCategory, 1);
  category->id = g_strdup (id);
  g_ptr_array_add (state->template->categories, category);
  state->category = category;
}

static void
start_reflections (GMarkupParseContext  *context,
                   ParseState           *state,
                   const char          **names,
                   const char          **values,
                   GError              **error)
{
  static const char *allowed[] = { "id", "part", "items", NULL };
  const char *id = find_attribute (names, values, "id");
  SamMeetingReflectionGroup *group;
  Pending *pending;

  if (!check_attributes (context, state, "reflections", names, allowed, error))
    return;
  if (!at_template_level (state))
    { set_invalid (context, state, error, "reflections belong directly in a template"); return; }
  if (!is_id (id) ||
      SAM_MEETING_FIND (state->template->groups, SamMeetingReflectionGroup, id))
    { set_invalid (context, state, error, "reflections need an id of their own"); return; }

  group = g_new0 (SamMeetingReflectionGroup, 1);
  group->id = g_strdup (id);
  group->questions = g_ptr_array_new_with_free_func (reflection_free);
  g_ptr_array_add (state->template->groups, group);
  state->group = group;

  pending = g_new0 (Pending, 1);
  pending->group = group;
  pending->part = g_strdup (find_attribute (names, values, "part"));
  g_ptr_array_add (state->pending, pending);

  if (!parse_items (find_attribute (names, values, "items"), &group->items))
    { set_invalid (context, state, error, "items must be item codes such as “q7c”"); return; }
}

static void
start_question (GMarkupParseContext  *context,
                ParseState           *state,
                const char          **names,
                const char          **values,
                GError              **error)
{
  static const char *allowed[] = { "number", "roles", "translatable", "context", "comments", NULL };
  const char *number = find_attribute (names, values, "number");
  SamMeetingReflection *question;
  guint64 value;

  if (!check_attributes (context, state, "question", names, allowed, error))
    return;
  if (state->group == NULL)
    { set_invalid (context, state, error, "a question belongs in reflections"); return; }

  question = g_new0 (SamMeetingReflection, 1);
  question->group = state->group;
  g_ptr_array_add (state->group->questions, question);
  state->question = question;

  if (number == NULL || !g_ascii_string_to_unsigned (number, 10, 1, 99, &value, NULL) ||
      value != state->group->questions->len)
    {
      set_invalid (context, state, error,
                   "reflections “%s”: questions are numbered 1, 2, 3 in order", state->group->id);
      return;
    }
  question->number = (guint) value;
  if (!parse_roles (find_attribute (names, values, "roles"), &question->roles))
    {
      set_invalid (context, state, error, "reflections “%s”, question %u: roles must name "
                                          "partner, solo or staff",
                   state->group->id, question->number);
      return;
    }
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  gboolean is_text = g_strv_contains (text_elements, element_name);

  if (state->markup.collecting)
    {
      set_invalid (context, state, error, "<%s> cannot hold <%s>",
                   (const char *) g_markup_parse_context_get_element_stack (context)->next->data,
                   element_name);
      return;
    }

  if (g_str_equal (element_name, "meetings"))
    {
      if (state->in_root ||
          g_strcmp0 (find_attribute (attribute_names, attribute_values, "version"), "1") != 0)
        {
          set_invalid (context, state, error, "the file must be <meetings version=\"1\">");
          return;
        }
      state->in_root = TRUE;
      return;
    }
  if (!state->in_root)
    { set_invalid (context, state, error, "the file must be <meetings version=\"1\">"); return; }

  if (g_str_equal (element_name, "template"))
    {
      if (state->template != NULL)
        { set_invalid (context, state, error, "templates cannot nest"); return; }
      start_template (context, state, attribute_names, attribute_values, error);
    }
  else if (state->template == NULL)
    set_invalid (context, state, error, "<%s> belongs in a template", element_name);
  else if (g_str_equal (element_name, "part"))
    start_part (context, state, attribute_names, attribute_values, error);
  else if (g_str_equal (element_name, "step"))
    start_step (context, state, attribute_names, attribute_values, error);
  else if (g_str_equal (element_name, "category"))
    start_category (context, state, attribute_names, attribute_values, error);
  else if (g_str_equal (element_name, "reflections"))
    start_reflections (context, state, attribute_names, attribute_values, error);
  else if (g_str_equal (element_name, "question"))
    start_question (context, state, attribute_names, attribute_values, error);
  else if (!is_text)
    set_invalid (context, state, error, "unknown element <%s>", element_name);

  if (*error != NULL)
    return;

  if (is_text || g_str_equal (element_name, "question"))
    {
      static const char *allowed[] = { "translatable", "context", "comments", NULL };
      const char *translatable = find_attribute (attribute_names, attribute_values, "translatable");

      if (is_text &&
          !check_attributes (context, state, element_name, attribute_names, allowed, error))
        return;
      if (g_strcmp0 (translatable, "yes") != 0)
        {
          set_invalid (context, state, error, "<%s> must be marked translatable", element_name);
          return;
        }
      g_free (state->context);
      state->context = g_strdup (find_attribute (attribute_names, attribute_values, "context"));
      _sam_markup_begin_text (&state->markup);
    }
}

/* Sets *field once; a second text of the same kind is a mistake in the data. */
static void
set_text (GMarkupParseContext  *context,
          ParseState           *state,
          const char           *element_name,
          char                **field,
          char                 *text,
          GError              **error)
{
  if (*field != NULL)
    {
      g_free (text);
      set_invalid (context, state, error, "<%s> appears twice", element_name);
      return;
    }
  *field = text;
}

static void
end_text (GMarkupParseContext  *context,
          ParseState           *state,
          const char           *element_name,
          GError              **error)
{
  g_autofree char *source = _sam_markup_end_text (&state->markup);
  SamMeetingTemplate *template = state->template;
  char *text;

  if (*source == '\0')
    { set_invalid (context, state, error, "<%s> is empty", element_name); return; }
  if (state->context != NULL)
    text = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, state->context, source));
  else
    text = g_strdup (g_dgettext (GETTEXT_PACKAGE, source));

  if (g_str_equal (element_name, "question"))
    state->question->text = text;
  else if (g_str_equal (element_name, "prompt") && state->step != NULL)
    {
      g_ptr_array_add (state->step->prompts, text);
      /* The phones' page asks in the phone's language, not the window's. */
      g_ptr_array_add (state->step->prompt_sources, g_strdup (source));
    }
  else if (g_str_equal (element_name, "facilitator") && state->step != NULL)
    set_text (context, state, element_name, &state->step->facilitator, text, error);
  else if (g_str_equal (element_name, "title") && state->step != NULL)
    set_text (context, state, element_name, &state->step->title, text, error);
  else if (g_str_equal (element_name, "title") && state->part != NULL)
    set_text (context, state, element_name, &state->part->title, text, error);
  else if (g_str_equal (element_name, "title") && state->group != NULL)
    set_text (context, state, element_name, &state->group->title, text, error);
  else if (g_str_equal (element_name, "note") && state->group != NULL)
    set_text (context, state, element_name, &state->group->note, text, error);
  else if (g_str_equal (element_name, "label") && state->category != NULL)
    set_text (context, state, element_name, &state->category->label, text, error);
  else if (g_str_equal (element_name, "description") && state->category != NULL)
    set_text (context, state, element_name, &state->category->description, text, error);
  else if (state->step != NULL || state->part != NULL || state->group != NULL ||
           state->category != NULL)
    {
      g_free (text);
      set_invalid (context, state, error, "<%s> does not belong here", element_name);
    }
  else if (g_str_equal (element_name, "title"))
    set_text (context, state, element_name, &template->title, text, error);
  else if (g_str_equal (element_name, "purpose"))
    set_text (context, state, element_name, &template->purpose, text, error);
  else if (g_str_equal (element_name, "participants"))
    set_text (context, state, element_name, &template->participants, text, error);
  else if (g_str_equal (element_name, "preparation"))
    g_ptr_array_add (template->preparation, text);
  else
    {
      g_free (text);
      set_invalid (context, state, error, "<%s> does not belong here", element_name);
    }
}

static gboolean
resolve_pending (GMarkupParseContext  *context,
                 ParseState           *state,
                 GError              **error)
{
  SamMeetingTemplate *template = state->template;

  for (guint i = 0; i < state->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (state->pending, i);
      g_auto(GStrv) categories = g_strsplit (pending->categories ? pending->categories : "",
                                             " ", -1);
      g_auto(GStrv) reflections = g_strsplit (pending->reflections ? pending->reflections : "",
                                              " ", -1);

      for (guint j = 0; pending->step != NULL && categories[j] != NULL; j++)
        {
          gpointer category = SAM_MEETING_FIND (template->categories, SamMeetingCategory,
                                                categories[j]);

          if (*categories[j] == '\0')
            continue;
          if (category == NULL)
            {
              set_invalid (context, state, error, "step “%s”: no category “%s”",
                           pending->step->id, categories[j]);
              return FALSE;
            }
          g_ptr_array_add (pending->step->categories, category);
        }
      for (guint j = 0; pending->step != NULL && reflections[j] != NULL; j++)
        {
          gpointer group = SAM_MEETING_FIND (template->groups, SamMeetingReflectionGroup,
                                             reflections[j]);

          if (*reflections[j] == '\0')
            continue;
          if (group == NULL)
            {
              set_invalid (context, state, error, "step “%s”: no reflections “%s”",
                           pending->step->id, reflections[j]);
              return FALSE;
            }
          g_ptr_array_add (pending->step->reflections, group);
        }
      if (pending->group != NULL)
        {
          pending->group->part = SAM_MEETING_FIND (template->parts, SamMeetingPart, pending->part);
          if (pending->group->part == NULL)
            {
              set_invalid (context, state, error, "reflections “%s”: no part “%s”",
                           pending->group->id, pending->part ? pending->part : "");
              return FALSE;
            }
        }
    }
  g_ptr_array_set_size (state->pending, 0);

  return TRUE;
}

/* What the parser cannot see element by element: every text there, and the times add up. */
static gboolean
validate_template (GMarkupParseContext  *context,
                   ParseState           *state,
                   GError              **error)
{
  SamMeetingTemplate *template = state->template;
  guint total = 0;

  if (template->title == NULL || template->purpose == NULL || template->participants == NULL ||
      template->preparation->len == 0)
    {
      set_invalid (context, state, error, "a template needs a title, a purpose, participants "
                                          "and preparation");
      return FALSE;
    }
  if (template->steps->len == 0)
    { set_invalid (context, state, error, "a template needs steps"); return FALSE; }

  for (guint i = 0; i < template->categories->len; i++)
    {
      SamMeetingCategory *category = g_ptr_array_index (template->categories, i);

      if (category->label == NULL)
        {
          set_invalid (context, state, error, "category “%s” needs a label", category->id);
          return FALSE;
        }
    }
  for (guint i = 0; i < template->groups->len; i++)
    {
      SamMeetingReflectionGroup *group = g_ptr_array_index (template->groups, i);

      if (group->title == NULL || group->questions->len == 0)
        {
          set_invalid (context, state, error, "reflections “%s” need a title and questions",
                       group->id);
          return FALSE;
        }
    }
  for (guint i = 0; i < template->parts->len; i++)
    {
      SamMeetingPart *part = g_ptr_array_index (template->parts, i);
      guint seconds = 0;

      for (guint j = 0; j < template->steps->len; j++)
        {
          SamMeetingStep *step = g_ptr_array_index (template->steps, j);

          if (step->part == part)
            seconds += step->seconds;
        }
      if (part->title == NULL)
        { set_invalid (context, state, error, "part “%s” needs a title", part->id); return FALSE; }
      if (seconds != part->minutes * 60)
        {
          set_invalid (context, state, error, "part “%s” says %u minutes but its steps take %g",
                       part->id, part->minutes, seconds / 60.0);
          return FALSE;
        }
    }
  for (guint i = 0; i < template->steps->len; i++)
    {
      SamMeetingStep *step = g_ptr_array_index (template->steps, i);

      if (step->title == NULL || step->facilitator == NULL)
        {
          set_invalid (context, state, error,
                       "step “%s” needs a title and what the facilitator does", step->id);
          return FALSE;
        }
      if (!step->conditional)
        total += step->seconds;
    }
  if (total != template->minutes * 60)
    {
      set_invalid (context, state, error, "the template says %u minutes but its steps take %g",
                   template->minutes, total / 60.0);
      return FALSE;
    }
  /* A conditional part that does not add to the meeting takes exactly its own time from
   * the other steps; steps give way only for such a part. */
  {
    guint conditional = 0, given = 0;
    gboolean adds = FALSE, gives = FALSE;

    for (guint i = 0; i < template->steps->len; i++)
      {
        SamMeetingStep *step = g_ptr_array_index (template->steps, i);

        if (step->conditional)
          {
            conditional += step->seconds;
            adds = adds || step->part->adds;
            gives = gives || !step->part->adds;
          }
        else
          given += step->seconds - step->follow_up_seconds;
      }
    if (adds && gives)
      {
        set_invalid (context, state, error,
                     "conditional parts either all add to the total or none");
        return FALSE;
      }
    if ((gives ? conditional : 0) != given)
      {
        set_invalid (context, state, error, "the steps give way %g minutes at a follow-up, "
                                            "where the conditional parts take %g",
                     given / 60.0, (gives ? conditional : 0) / 60.0);
        return FALSE;
      }
  }

  return TRUE;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  if (state->markup.collecting)
    {
      end_text (context, state, element_name, error);
      if (g_str_equal (element_name, "question"))
        state->question = NULL;
      return;
    }

  if (g_str_equal (element_name, "template"))
    {
      if (resolve_pending (context, state, error))
        validate_template (context, state, error);
      state->template = NULL;
    }
  else if (g_str_equal (element_name, "part"))
    state->part = NULL;
  else if (g_str_equal (element_name, "step"))
    {
      end_step (context, state, error);
      state->step = NULL;
    }
  else if (g_str_equal (element_name, "category"))
    state->category = NULL;
  else if (g_str_equal (element_name, "reflections"))
    state->group = NULL;
}

/**
 * sam_meeting_template_load_from_bytes:
 * @bytes: the templates' XML
 * @error: return location for an error
 *
 * Reads meeting templates, translating their text through gettext in the current
 * locale. Refuses the whole file if any template is malformed, or if a part's or a
 * template's minutes are not the sum of its steps'.
 *
 * Returns: (transfer full) (element-type SamMeetingTemplate): the templates in file
 *   order, or %NULL with @error set
 */
GPtrArray *
sam_meeting_template_load_from_bytes (GBytes  *bytes,
                                      GError **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  ParseState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  state.templates = templates;
  state.pending = pending;

  ok = _sam_markup_parse (start_element, end_element, 0, bytes, &state.markup, error);
  g_free (state.context);
  if (!ok)
    return NULL;
  if (templates->len == 0)
    {
      g_set_error_literal (error, SAM_MEETING_TEMPLATE_ERROR, SAM_MEETING_TEMPLATE_ERROR_INVALID,
                           "meetings: the file holds no template");
      return NULL;
    }

  return g_steal_pointer (&templates);
}

