/* sam-instrument.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-instrument"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-instrument.h"
#include "sam-markup.h"

struct _SamInstrument
{
  GObject     parent_instance;

  GPtrArray  *scales;         /* SamScale */
  GPtrArray  *domains;        /* SamDomain */
  GPtrArray  *questions;      /* SamQuestion */
  GPtrArray  *items;          /* SamItem, borrowed from the questions */
  GHashTable *items_by_id;    /* char * -> SamItem */
  char       *role_labels[SAM_N_ROLES];
  char       *role_descriptions[SAM_N_ROLES];
  char       *na_labels[2];   /* "not-applicable", "not-taking-part" */

  /* What an imported file may write, folded (see fold()): every label in English and in
   * the interface language, and the aliases of the data file. */
  GHashTable *answer_match;   /* "scale-id\x1ffolded" -> code */
  GHashTable *role_match;     /* folded -> role + 1 */
};

G_DEFINE_FINAL_TYPE (SamInstrument, sam_instrument, G_TYPE_OBJECT)

G_DEFINE_QUARK (sam-instrument-error-quark, sam_instrument_error)

static const char *na_ids[] = { "not-applicable", "not-taking-part" };

static const char *role_names[SAM_N_ROLES] = { "partner", "solo", "staff" };

const char *
sam_role_to_string (SamRole role)
{
  g_return_val_if_fail (role < SAM_N_ROLES, NULL);

  return role_names[role];
}

gboolean
sam_role_from_string (const char *str,
                      SamRole    *role)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < SAM_N_ROLES; i++)
    {
      if (g_strcmp0 (str, role_names[i]) == 0)
        {
          if (role != NULL)
            *role = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
scale_free (gpointer data)
{
  SamScale *scale = data;

  for (guint i = 0; i < scale->options->len; i++)
    {
      SamOption *option = g_ptr_array_index (scale->options, i);

      g_free (option->label);
      g_free (option);
    }
  g_ptr_array_unref (scale->options);
  g_free (scale->id);
  g_free (scale);
}

static void
domain_free (gpointer data)
{
  SamDomain *domain = data;

  g_ptr_array_unref (domain->know);
  g_free (domain->title);
  g_free (domain->id);
  g_free (domain);
}

static void
item_free (gpointer data)
{
  SamItem *item = data;

  g_free (item->id);
  g_free (item->text);
  g_free (item->not_applicable);
  g_free (item);
}

static void
question_free (gpointer data)
{
  SamQuestion *question = data;

  g_ptr_array_unref (question->items);
  g_free (question->text);
  g_free (question);
}

/* Parsing */

typedef struct
{
  SamMarkupState markup;      /* first, for the shared text handler */
  SamInstrument *self;
  SamScale      *scale;
  SamOption     *option;
  SamDomain     *domain;
  SamQuestion   *question;
  SamItem       *item;
  int            role;
  gboolean       in_na;
  char          *na_id;
  gboolean       alias;
  SamTranslateFunc translate;
  gpointer       translate_data;
} ParseState;

static gboolean
parse_int (const char  *str,
           int          min,
           int          max,
           int         *out)
{
  char *end = NULL;
  gint64 value;

  if (str == NULL || *str == '\0')
    return FALSE;
  value = g_ascii_strtoll (str, &end, 10);
  if (*end != '\0' || value < min || value > max)
    return FALSE;
  *out = (int) value;
  return TRUE;
}

/* Spellings are compared without regard to case or the Unicode form. */
static char *
fold (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return normal ? g_utf8_casefold (normal, -1) : NULL;
}

static void
add_answer_match (SamInstrument *self,
                  const char    *scale_id,
                  const char    *text,
                  int            code)
{
  g_autofree char *folded = fold (text);

  if (folded != NULL && *folded != '\0')
    g_hash_table_insert (self->answer_match, g_strconcat (scale_id, "\x1f", folded, NULL),
                         GINT_TO_POINTER (code));
}

static void
add_role_match (SamInstrument *self,
                const char    *text,
                SamRole        role)
{
  char *folded = fold (text);

  if (folded != NULL && *folded != '\0')
    g_hash_table_insert (self->role_match, folded, GINT_TO_POINTER (role + 1));
  else
    g_free (folded);
}

static SamScale *
find_scale (SamInstrument *self,
            const char    *id)
{
  return _sam_markup_find_by_id (self->scales, G_STRUCT_OFFSET (SamScale, id), id);
}

static void
set_invalid (GMarkupParseContext  *context,
             GError              **error,
             const char           *message)
{
  g_autofree char *where = _sam_markup_where (context, "instrument");

  g_set_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_INVALID, "%s%s", where, message);
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
  SamInstrument *self = state->self;
  const char *id = NULL;
  const char *translatable = NULL;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (g_str_equal (attribute_names[i], "id"))
        id = attribute_values[i];
      else if (g_str_equal (attribute_names[i], "translatable"))
        translatable = attribute_values[i];
    }

  if (g_str_equal (element_name, "instrument"))
    return;

  if (g_str_equal (element_name, "role"))
    {
      SamRole role;

      if (id == NULL || !sam_role_from_string (id, &role))
        { set_invalid (context, error, "unknown role"); return; }
      state->role = role;
    }
  else if (g_str_equal (element_name, "scale"))
    {
      const char *favourable = NULL;

      g_markup_collect_attributes (element_name, attribute_names, attribute_values, NULL,
                                   G_MARKUP_COLLECT_STRING, "id", &id,
                                   G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                   "favourable", &favourable,
                                   G_MARKUP_COLLECT_INVALID);
      if (id == NULL || find_scale (self, id) != NULL)
        { set_invalid (context, error, "a scale needs a unique id"); return; }
      state->scale = g_new0 (SamScale, 1);
      state->scale->id = g_strdup (id);
      state->scale->has_favourable = g_strcmp0 (favourable, "none") != 0;
      state->scale->options = g_ptr_array_new ();
      g_ptr_array_add (self->scales, state->scale);
    }
  else if (g_str_equal (element_name, "option"))
    {
      const char *code = NULL, *score = NULL, *favourable = NULL;
      SamOption *option;

      if (state->scale == NULL)
        { set_invalid (context, error, "an option belongs in a scale"); return; }
      g_markup_collect_attributes (element_name, attribute_names, attribute_values, NULL,
                                   G_MARKUP_COLLECT_STRING, "code", &code,
                                   G_MARKUP_COLLECT_STRING, "score", &score,
                                   G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                   "favourable", &favourable,
                                   G_MARKUP_COLLECT_INVALID);
      option = g_new0 (SamOption, 1);
      g_ptr_array_add (state->scale->options, option);
      if (!parse_int (code, 1, 8, &option->code) ||
          option->code != (int) state->scale->options->len ||
          !parse_int (score, 0, 100, &option->score))
        { set_invalid (context, error, "options need codes in order and scores 0-100"); return; }
      option->favourable = g_strcmp0 (favourable, "yes") == 0;
      state->option = option;
    }
  else if (g_str_equal (element_name, "not-applicable"))
    {
      state->in_na = TRUE;
    }
  else if (g_str_equal (element_name, "domain"))
    {
      if (id == NULL)
        { set_invalid (context, error, "a domain needs an id"); return; }
      state->domain = g_new0 (SamDomain, 1);
      state->domain->id = g_strdup (id);
      state->domain->know = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->domains, state->domain);
    }
  else if (g_str_equal (element_name, "question"))
    {
      const char *number = NULL, *domain = NULL, *scale = NULL;
      SamQuestion *question;

      g_markup_collect_attributes (element_name, attribute_names, attribute_values, NULL,
                                   G_MARKUP_COLLECT_STRING, "number", &number,
                                   G_MARKUP_COLLECT_STRING, "domain", &domain,
                                   G_MARKUP_COLLECT_STRING, "scale", &scale,
                                   G_MARKUP_COLLECT_INVALID);
      question = g_new0 (SamQuestion, 1);
      question->items = g_ptr_array_new_with_free_func (item_free);
      g_ptr_array_add (self->questions, question);
      if (!parse_int (number, 1, 99, &question->number))
        { set_invalid (context, error, "a question needs a number"); return; }
      question->domain = (SamDomain *) sam_instrument_lookup_domain (self, domain);
      question->scale = find_scale (self, scale);
      if (question->domain == NULL || question->scale == NULL)
        { set_invalid (context, error, "a question needs a known domain and scale"); return; }
      state->question = question;
    }
  else if (g_str_equal (element_name, "item"))
    {
      const char *roles = NULL, *na = NULL;
      g_auto(GStrv) role_list = NULL;
      SamItem *item;

      if (state->question == NULL)
        { set_invalid (context, error, "an item belongs in a question"); return; }
      g_markup_collect_attributes (element_name, attribute_names, attribute_values, NULL,
                                   G_MARKUP_COLLECT_STRING, "id", &id,
                                   G_MARKUP_COLLECT_STRING, "roles", &roles,
                                   G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                   "not-applicable", &na,
                                   G_MARKUP_COLLECT_INVALID);
      if (g_hash_table_contains (self->items_by_id, id))
        { set_invalid (context, error, "item ids must be unique"); return; }
      item = g_new0 (SamItem, 1);
      item->id = g_strdup (id);
      item->index = self->items->len;
      item->question = state->question;
      item->not_applicable = g_strdup (na);
      g_ptr_array_add (state->question->items, item);
      g_ptr_array_add (self->items, item);
      g_hash_table_insert (self->items_by_id, item->id, item);

      role_list = g_strsplit (roles, " ", -1);
      for (guint i = 0; role_list[i] != NULL; i++)
        {
          SamRole role;

          if (!sam_role_from_string (role_list[i], &role))
            { set_invalid (context, error, "unknown role"); return; }
          item->roles |= SAM_ROLE_MASK (role);
        }
      if (na != NULL && g_strcmp0 (na, na_ids[0]) != 0 && g_strcmp0 (na, na_ids[1]) != 0)
        { set_invalid (context, error, "unknown not-applicable label"); return; }
      state->item = item;
    }
  else if (g_str_equal (element_name, "alias"))
    {
      const char *for_id = NULL;

      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "for"))
          for_id = attribute_values[i];
      if (state->option == NULL && state->role < 0 && !state->in_na)
        {
          set_invalid (context, error, "an alias belongs to an option, a role or not-applicable");
          return;
        }
      g_free (state->na_id);
      state->na_id = g_strdup (for_id);
      state->alias = TRUE;
      _sam_markup_begin_text (&state->markup);
    }
  else if (g_str_equal (element_name, "label") ||
           g_str_equal (element_name, "description") ||
           g_str_equal (element_name, "title") ||
           g_str_equal (element_name, "know") ||
           g_str_equal (element_name, "text"))
    {
      if (g_strcmp0 (translatable, "yes") != 0)
        { set_invalid (context, error, "text must be marked translatable"); return; }
      g_free (state->na_id);
      state->na_id = g_strdup (id);
      _sam_markup_begin_text (&state->markup);
    }
  else
    {
      set_invalid (context, error, "unknown element");
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;
  SamInstrument *self = state->self;

  if (state->markup.collecting && state->alias)
    {
      g_autofree char *alias = _sam_markup_end_text (&state->markup);

      state->alias = FALSE;
      if (state->option != NULL)
        add_answer_match (self, state->scale->id, alias, state->option->code);
      else if (state->role >= 0)
        add_role_match (self, alias, state->role);
      else if (g_strcmp0 (state->na_id, na_ids[0]) == 0 || g_strcmp0 (state->na_id, na_ids[1]) == 0)
        add_answer_match (self, state->na_id, alias, SAM_ANSWER_NOT_APPLICABLE);
      else
        set_invalid (context, error, "an alias of not-applicable needs a known for=\"…\"");
      return;
    }

  if (state->markup.collecting)
    {
      g_autofree char *source = _sam_markup_end_text (&state->markup);
      char *text =
        g_strdup (state->translate != NULL ? state->translate (source, state->translate_data)
                                           : g_dgettext (GETTEXT_PACKAGE, source));

      if (state->option != NULL && g_str_equal (element_name, "label"))
        {
          state->option->label = text;
          add_answer_match (self, state->scale->id, source, state->option->code);
          add_answer_match (self, state->scale->id, text, state->option->code);
        }
      else if (state->in_na && g_str_equal (element_name, "label"))
        {
          for (guint i = 0; i < G_N_ELEMENTS (na_ids); i++)
            if (g_strcmp0 (state->na_id, na_ids[i]) == 0)
              {
                add_answer_match (self, na_ids[i], source, SAM_ANSWER_NOT_APPLICABLE);
                add_answer_match (self, na_ids[i], text, SAM_ANSWER_NOT_APPLICABLE);
                g_free (self->na_labels[i]);
                self->na_labels[i] = g_steal_pointer (&text);
              }
          g_free (text);
        }
      else if (state->role >= 0 && g_str_equal (element_name, "label"))
        {
          add_role_match (self, source, state->role);
          add_role_match (self, text, state->role);
          add_role_match (self, sam_role_to_string (state->role), state->role);
          self->role_labels[state->role] = text;
        }
      else if (state->role >= 0 && g_str_equal (element_name, "description"))
        self->role_descriptions[state->role] = text;
      else if (state->domain != NULL && g_str_equal (element_name, "title"))
        state->domain->title = text;
      else if (state->domain != NULL && g_str_equal (element_name, "know"))
        g_ptr_array_add (state->domain->know, text);
      else if (state->item != NULL && g_str_equal (element_name, "text"))
        state->item->text = text;
      else if (state->question != NULL && g_str_equal (element_name, "text"))
        state->question->text = text;
      else
        {
          g_free (text);
          set_invalid (context, error, "text in an unexpected place");
        }
      return;
    }

  if (g_str_equal (element_name, "role"))
    state->role = -1;
  else if (g_str_equal (element_name, "scale"))
    state->scale = NULL;
  else if (g_str_equal (element_name, "option"))
    state->option = NULL;
  else if (g_str_equal (element_name, "not-applicable"))
    state->in_na = FALSE;
  else if (g_str_equal (element_name, "domain"))
    state->domain = NULL;
  else if (g_str_equal (element_name, "question"))
    state->question = NULL;
  else if (g_str_equal (element_name, "item"))
    state->item = NULL;
}

/* Checks what the parser cannot: every string present, every role labelled. */
static gboolean
sam_instrument_validate (SamInstrument  *self,
                         GError        **error)
{
  for (guint i = 0; i < SAM_N_ROLES; i++)
    if (self->role_labels[i] == NULL)
      goto incomplete;
  for (guint i = 0; i < G_N_ELEMENTS (na_ids); i++)
    if (self->na_labels[i] == NULL)
      goto incomplete;
  for (guint i = 0; i < self->questions->len; i++)
    {
      SamQuestion *question = g_ptr_array_index (self->questions, i);

      if (question->text == NULL || question->items->len == 0)
        goto incomplete;
      for (guint j = 0; j < question->items->len; j++)
        {
          SamItem *item = g_ptr_array_index (question->items, j);

          /* A question with several items needs a text for each. */
          if (question->items->len > 1 && item->text == NULL)
            goto incomplete;
        }
    }
  for (guint i = 0; i < self->domains->len; i++)
    {
      SamDomain *domain = g_ptr_array_index (self->domains, i);

      if (domain->title == NULL)
        goto incomplete;
    }
  for (guint i = 0; i < self->scales->len; i++)
    {
      SamScale *scale = g_ptr_array_index (self->scales, i);

      if (scale->options->len == 0)
        goto incomplete;
      for (guint j = 0; j < scale->options->len; j++)
        if (((SamOption *) g_ptr_array_index (scale->options, j))->label == NULL)
          goto incomplete;
    }
  if (self->items->len == 0)
    goto incomplete;

  return TRUE;

incomplete:
  g_set_error_literal (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_INVALID,
                       "instrument: a role, scale, domain or question is incomplete");
  return FALSE;
}

static void
sam_instrument_finalize (GObject *object)
{
  SamInstrument *self = (SamInstrument *) object;

  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_pointer (&self->answer_match, g_hash_table_unref);
  g_clear_pointer (&self->role_match, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->domains, g_ptr_array_unref);
  g_clear_pointer (&self->scales, g_ptr_array_unref);
  for (guint i = 0; i < SAM_N_ROLES; i++)
    {
      g_free (self->role_labels[i]);
      g_free (self->role_descriptions[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->na_labels); i++)
    g_free (self->na_labels[i]);

  G_OBJECT_CLASS (sam_instrument_parent_class)->finalize (object);
}

static void
sam_instrument_class_init (SamInstrumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_instrument_finalize;
}

static void
sam_instrument_init (SamInstrument *self)
{
  self->scales = g_ptr_array_new_with_free_func (scale_free);
  self->domains = g_ptr_array_new_with_free_func (domain_free);
  self->questions = g_ptr_array_new_with_free_func (question_free);
  self->items = g_ptr_array_new ();
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->answer_match = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->role_match = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * sam_instrument_new_from_bytes:
 * @bytes: the instrument's XML
 * @error: return location for an error
 *
 * Reads an instrument, translating its strings through gettext in the current locale.
 *
 * Returns: (transfer full): the instrument, or %NULL with @error set
 */
SamInstrument *
sam_instrument_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  return sam_instrument_new_translated (bytes, NULL, NULL, error);
}

/**
 * sam_instrument_new_translated:
 * @bytes: the instrument's XML
 * @translate: (nullable): gives a string's translation, or %NULL for gettext in the
 *   current locale
 * @translate_data: for @translate
 * @error: return location for an error
 *
 * Reads an instrument in a language of the caller's choosing, whatever the process's
 * locale (the pages for phones: each in the phone's language, with the same words as
 * the window in that language).
 *
 * Returns: (transfer full): the instrument, or %NULL with @error set
 */
SamInstrument *
sam_instrument_new_translated (GBytes            *bytes,
                               SamTranslateFunc   translate,
                               gpointer           translate_data,
                               GError           **error)
{
  g_autoptr(SamInstrument) self = g_object_new (SAM_TYPE_INSTRUMENT, NULL);
  ParseState state = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);

  state.self = self;
  state.role = -1;
  state.translate = translate;
  state.translate_data = translate_data;

  if (!_sam_markup_parse (start_element, end_element, G_MARKUP_PREFIX_ERROR_POSITION, bytes,
                          &state.markup, error) ||
      !sam_instrument_validate (self, error))
    {
      g_free (state.na_id);
      return NULL;
    }
  g_free (state.na_id);

  return g_steal_pointer (&self);
}

/**
 * sam_instrument_get_default:
 *
 * The instrument compiled into the app, read once per process in the locale of that
 * moment (so set the locale first).
 *
 * Returns: (transfer none): the instrument
 */
SamInstrument *
sam_instrument_get_default (void)
{
  static SamInstrument *instrument;

  return _sam_markup_get_builtin ((gpointer *) &instrument, "instrument.xml", "instrument is",
                                  (SamMarkupLoadFunc) sam_instrument_new_from_bytes);
}

guint
sam_instrument_get_n_items (SamInstrument *self)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), 0);

  return self->items->len;
}

const SamItem *
sam_instrument_get_item (SamInstrument *self,
                         guint          index)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return g_ptr_array_index (self->items, index);
}

const SamItem *
sam_instrument_lookup_item (SamInstrument *self,
                            const char    *id)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->items_by_id, id);
}

guint
sam_instrument_get_n_questions (SamInstrument *self)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), 0);

  return self->questions->len;
}

const SamQuestion *
sam_instrument_get_question (SamInstrument *self,
                             guint          index)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);

  return g_ptr_array_index (self->questions, index);
}

guint
sam_instrument_get_n_domains (SamInstrument *self)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), 0);

  return self->domains->len;
}

const SamDomain *
sam_instrument_get_domain (SamInstrument *self,
                           guint          index)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (index < self->domains->len, NULL);

  return g_ptr_array_index (self->domains, index);
}

const SamDomain *
sam_instrument_lookup_domain (SamInstrument *self,
                              const char    *id)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);

  for (guint i = 0; i < self->domains->len; i++)
    {
      SamDomain *domain = g_ptr_array_index (self->domains, i);

      if (g_strcmp0 (domain->id, id) == 0)
        return domain;
    }
  return NULL;
}

const SamScale *
sam_instrument_lookup_scale (SamInstrument *self,
                             const char    *id)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);

  return find_scale (self, id);
}

const char *
sam_instrument_get_role_label (SamInstrument *self,
                               SamRole        role)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (role < SAM_N_ROLES, NULL);

  return self->role_labels[role];
}

const char *
sam_instrument_get_role_description (SamInstrument *self,
                                     SamRole        role)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (role < SAM_N_ROLES, NULL);

  return self->role_descriptions[role];
}

guint
sam_instrument_count_items_for_role (SamInstrument *self,
                                     SamRole        role)
{
  guint count = 0;

  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (sam_item_is_asked (g_ptr_array_index (self->items, i), role))
      count++;

  return count;
}

/**
 * sam_instrument_get_not_applicable_label:
 * @id: "not-applicable" or "not-taking-part"
 *
 * Returns: (nullable): the label, or %NULL for an unknown @id
 */
const char *
sam_instrument_get_not_applicable_label (SamInstrument *self,
                                         const char    *id)
{
  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (na_ids); i++)
    if (g_strcmp0 (id, na_ids[i]) == 0)
      return self->na_labels[i];
  return NULL;
}

/**
 * sam_item_get_words:
 *
 * Returns: an item's own words as a person reads them: its text, or its question's where
 *   the question is the item. An item's code ("q7c") belongs in files only; the window
 *   names an item by these words.
 */
const char *
sam_item_get_words (const SamItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return item->text != NULL ? item->text : item->question->text;
}

/**
 * sam_item_dup_full_words:
 *
 * Returns: (transfer full): the item's words with its question's in front where the item
 *   is one of several, as in "To what degree do we work with …? Strategic leadership"
 */
char *
sam_item_dup_full_words (const SamItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (item->text == NULL)
    return g_strdup (item->question->text);
  /* Translators: a question, then one of the things it asks about. */
  return g_strdup_printf (_("%s — %s"), item->question->text, item->text);
}

gboolean
sam_item_is_asked (const SamItem *item,
                   SamRole        role)
{
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (role < SAM_N_ROLES, FALSE);

  return (item->roles & SAM_ROLE_MASK (role)) != 0;
}

const SamOption *
sam_item_lookup_option (const SamItem *item,
                        int            code)
{
  const GPtrArray *options;

  g_return_val_if_fail (item != NULL, NULL);

  options = item->question->scale->options;
  if (code < 1 || code > (int) options->len)
    return NULL;
  return g_ptr_array_index (options, code - 1);
}

/**
 * sam_instrument_check_answer:
 * @item_id: an item code such as "q7c"
 * @role: the respondent's role
 * @code: the answer code, or %SAM_ANSWER_NOT_APPLICABLE
 * @error: return location for an error
 *
 * An answer is kept only where the item exists, is asked of the role and the code is
 * one of the item's options (or "not applicable" where the item allows it).
 *
 * Returns: %TRUE if the answer may be stored
 */
gboolean
sam_instrument_check_answer (SamInstrument  *self,
                             const char     *item_id,
                             SamRole         role,
                             int             code,
                             GError        **error)
{
  const SamItem *item;

  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), FALSE);
  g_return_val_if_fail (role < SAM_N_ROLES, FALSE);

  item = sam_instrument_lookup_item (self, item_id);
  if (item == NULL)
    {
      g_set_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_UNKNOWN_ITEM,
                   _("“%s” is not an item of the questionnaire"), item_id);
      return FALSE;
    }
  if (!sam_item_is_asked (item, role))
    {
      g_set_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_NOT_ASKED,
                   _("Item %s is not asked of the role “%s”"), item_id,
                   sam_instrument_get_role_label (self, role));
      return FALSE;
    }
  if (code == SAM_ANSWER_NOT_APPLICABLE ? item->not_applicable == NULL
                                        : sam_item_lookup_option (item, code) == NULL)
    {
      g_set_error (error, SAM_INSTRUMENT_ERROR, SAM_INSTRUMENT_ERROR_BAD_ANSWER,
                   _("%d is not an answer to item %s"), code, item_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_instrument_parse_role:
 * @text: a role as a file writes it: "partner", "solo", "staff", a label in English or
 *   the interface language, or an alias such as "kompagnon" (any case, surrounding spaces)
 *
 * Returns: %TRUE with @role set where @text names a role
 */
gboolean
sam_instrument_parse_role (SamInstrument *self,
                           const char    *text,
                           SamRole       *role)
{
  g_autofree char *folded = NULL;
  gpointer value;

  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  folded = fold (text);
  if (folded == NULL || !g_hash_table_lookup_extended (self->role_match, folded, NULL, &value))
    return FALSE;
  if (role != NULL)
    *role = GPOINTER_TO_INT (value) - 1;
  return TRUE;
}

/**
 * sam_instrument_parse_answer:
 * @text: an answer as a file writes it: empty or spaces (missing), the code, or the
 *   option's label in Danish or English (any case, surrounding spaces)
 * @code: (out): the answer code, %SAM_ANSWER_NOT_APPLICABLE, or 0 for missing
 *
 * Returns: %TRUE where @text is an answer to @item
 */
gboolean
sam_instrument_parse_answer (SamInstrument *self,
                             const SamItem *item,
                             const char    *text,
                             int           *code)
{
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;
  gpointer value;
  gint64 number;

  g_return_val_if_fail (SAM_IS_INSTRUMENT (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  folded = fold (text);
  if (folded == NULL)
    return FALSE;
  if (*folded == '\0')
    {
      *code = 0;
      return TRUE;
    }

  if (g_ascii_string_to_signed (folded, 10, 0, 99, &number, NULL))
    {
      if (number == SAM_ANSWER_NOT_APPLICABLE ? item->not_applicable == NULL
                                              : sam_item_lookup_option (item, (int) number) == NULL)
        return FALSE;
      *code = (int) number;
      return TRUE;
    }

  key = g_strconcat (item->question->scale->id, "\x1f", folded, NULL);
  if (g_hash_table_lookup_extended (self->answer_match, key, NULL, &value))
    {
      *code = GPOINTER_TO_INT (value);
      return TRUE;
    }

  /* Every item with "not applicable" takes its general spelling; q10's also its own. */
  if (item->not_applicable != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (na_ids); i++)
        {
          if (i > 0 && g_strcmp0 (item->not_applicable, na_ids[i]) != 0)
            continue;
          g_free (key);
          key = g_strconcat (na_ids[i], "\x1f", folded, NULL);
          if (g_hash_table_contains (self->answer_match, key))
            {
              *code = SAM_ANSWER_NOT_APPLICABLE;
              return TRUE;
            }
        }
    }

  return FALSE;
}
