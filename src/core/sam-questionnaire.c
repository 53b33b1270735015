/* sam-questionnaire.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-questionnaire"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-figures.h"
#include "sam-questionnaire.h"

struct _SamQuestionnaire
{
  GObject        parent_instance;

  SamStore      *store;
  SamInstrument *instrument;
  gint64         round_id;
  gint64         clinic_id;
  SamRole        role;
  GPtrArray     *pages;          /* SamQuestion, those with an item the role is asked */
  int            codes[SAM_N_ITEMS];
  guint          page;
  gint64         draft_id;
  gboolean       submitted;
};

G_DEFINE_FINAL_TYPE (SamQuestionnaire, sam_questionnaire, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sam_questionnaire_finalize (GObject *object)
{
  SamQuestionnaire *self = (SamQuestionnaire *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_questionnaire_parent_class)->finalize (object);
}

static void
sam_questionnaire_class_init (SamQuestionnaireClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_questionnaire_finalize;

  /**
   * SamQuestionnaire::changed:
   *
   * An answer or the page changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_questionnaire_init (SamQuestionnaire *self)
{
  self->pages = g_ptr_array_new ();
}

SamQuestionnaire *
sam_questionnaire_new (SamStore *store,
                       gint64    round_id,
                       gint64    clinic_id,
                       SamRole   role)
{
  SamQuestionnaire *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (role < SAM_N_ROLES, NULL);

  self = g_object_new (SAM_TYPE_QUESTIONNAIRE, NULL);
  self->store = g_object_ref (store);
  self->instrument = sam_instrument_get_default ();
  self->round_id = round_id;
  self->clinic_id = clinic_id;
  self->role = role;

  for (guint q = 0; q < sam_instrument_get_n_questions (self->instrument); q++)
    {
      const SamQuestion *question = sam_instrument_get_question (self->instrument, q);

      for (guint i = 0; i < question->items->len; i++)
        if (sam_item_is_asked (g_ptr_array_index (question->items, i), role))
          {
            g_ptr_array_add (self->pages, (gpointer) question);
            break;
          }
    }
  return self;
}

/* Drafts keep answers as "q1=2;q5d=9": item codes, so they read back whatever the order. */
static char *
serialize (SamQuestionnaire *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    if (self->codes[i] != 0)
      g_string_append_printf (text, "%s%s=%d", text->len ? ";" : "",
                              sam_instrument_get_item (self->instrument, i)->id, self->codes[i]);
  return g_string_free (text, FALSE);
}

/**
 * sam_questionnaire_new_from_draft:
 *
 * Takes up a questionnaire left unfinished on this computer; answers that no longer fit
 * the instrument are left out.
 */
SamQuestionnaire *
sam_questionnaire_new_from_draft (SamStore       *store,
                                  const SamDraft *draft)
{
  SamQuestionnaire *self;
  g_auto(GStrv) pairs = NULL;

  g_return_val_if_fail (draft != NULL, NULL);

  self = sam_questionnaire_new (store, draft->round_id, draft->clinic_id, draft->role);
  self->draft_id = draft->id;
  self->page = MIN ((guint) MAX (draft->page, 0), self->pages->len);

  pairs = g_strsplit (draft->answers ? draft->answers : "", ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (pairs[i], "=", 2);
      const SamItem *item;
      gint64 code;

      if (g_strv_length (parts) != 2 ||
          (item = sam_instrument_lookup_item (self->instrument, parts[0])) == NULL ||
          !g_ascii_string_to_signed (parts[1], 10, 1, SAM_ANSWER_NOT_APPLICABLE, &code, NULL) ||
          !sam_instrument_check_answer (self->instrument, item->id, self->role, (int) code, NULL))
        continue;
      self->codes[item->index] = (int) code;
    }
  return self;
}

static gboolean
save (SamQuestionnaire  *self,
      GError           **error)
{
  g_autofree char *answers = serialize (self);

  return sam_store_save_draft (self->store, &self->draft_id, self->round_id, self->clinic_id,
                               self->role, answers, self->page, error);
}

SamRole
sam_questionnaire_get_role (SamQuestionnaire *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), SAM_ROLE_PARTNER);
  return self->role;
}

gint64
sam_questionnaire_get_clinic (SamQuestionnaire *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), 0);
  return self->clinic_id;
}

/* The questions of this role: 10 for a partner, 8 for a solo doctor, 3 for staff. */
guint
sam_questionnaire_get_n_pages (SamQuestionnaire *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), 0);
  return self->pages->len;
}

const SamQuestion *
sam_questionnaire_get_question (SamQuestionnaire *self,
                                guint             page)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  return g_ptr_array_index (self->pages, page);
}

/**
 * sam_questionnaire_get_items:
 *
 * Returns: (transfer container) (element-type SamItem): the page's items this role is asked
 */
GPtrArray *
sam_questionnaire_get_items (SamQuestionnaire *self,
                             guint             page)
{
  const SamQuestion *question = sam_questionnaire_get_question (self, page);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; question != NULL && i < question->items->len; i++)
    if (sam_item_is_asked (g_ptr_array_index (question->items, i), self->role))
      g_ptr_array_add (items, g_ptr_array_index (question->items, i));
  return items;
}

/* The page shown; n_pages is the review. */
guint
sam_questionnaire_get_page (SamQuestionnaire *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), 0);
  return self->page;
}

gboolean
sam_questionnaire_set_page (SamQuestionnaire  *self,
                            guint              page,
                            GError           **error)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), FALSE);
  g_return_val_if_fail (page <= self->pages->len, FALSE);
  g_return_val_if_fail (!self->submitted, FALSE);

  if (self->page == page)
    return TRUE;
  self->page = page;
  g_signal_emit (self, signals[CHANGED], 0);
  return save (self, error);
}

/* Returns the answer code, SAM_ANSWER_NOT_APPLICABLE, or 0 where the item is unanswered. */
int
sam_questionnaire_get_answer (SamQuestionnaire *self,
                              const SamItem    *item)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), 0);
  g_return_val_if_fail (item != NULL, 0);
  return self->codes[item->index];
}

/**
 * sam_questionnaire_set_answer:
 * @code: the answer, %SAM_ANSWER_NOT_APPLICABLE, or 0 to leave the item unanswered
 *
 * Checks the answer against the instrument (an item not asked of the role, or a code not
 * among its options, is refused) and saves the draft at once.
 */
gboolean
sam_questionnaire_set_answer (SamQuestionnaire  *self,
                              const SamItem     *item,
                              int                code,
                              GError           **error)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (!self->submitted, FALSE);

  if (code != 0 &&
      !sam_instrument_check_answer (self->instrument, item->id, self->role, code, error))
    return FALSE;
  if (self->codes[item->index] == code)
    return TRUE;
  self->codes[item->index] = code;
  g_signal_emit (self, signals[CHANGED], 0);
  return save (self, error);
}

guint
sam_questionnaire_count_answered (SamQuestionnaire *self)
{
  guint n = 0;

  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), 0);
  for (guint i = 0; i < SAM_N_ITEMS; i++)
    n += self->codes[i] != 0;
  return n;
}

/* The items this role is asked: 31, 28 or 17. */
guint
sam_questionnaire_count_items (SamQuestionnaire *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), 0);
  return sam_instrument_count_items_for_role (self->instrument, self->role);
}

/**
 * sam_questionnaire_submit:
 *
 * Stores the answers as one anonymous respondent and removes the draft, as one change.
 * The answers are then forgotten here too: they are never shown individually again.
 */
gboolean
sam_questionnaire_submit (SamQuestionnaire  *self,
                          GError           **error)
{
  SamAnswer answers[SAM_N_ITEMS];
  guint n = 0;

  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), FALSE);
  g_return_val_if_fail (!self->submitted, FALSE);

  for (guint i = 0; i < SAM_N_ITEMS; i++)
    if (self->codes[i] != 0)
      {
        answers[n].item = sam_instrument_get_item (self->instrument, i)->id;
        answers[n].code = self->codes[i];
        n++;
      }

  if (!sam_store_begin (self->store, error))
    return FALSE;
  if (!sam_store_add_respondent (self->store, self->round_id, self->clinic_id, self->role,
                                 answers, n, NULL, error) ||
      (self->draft_id > 0 && !sam_store_delete_draft (self->store, self->draft_id, error)))
    {
      sam_store_rollback (self->store);
      return FALSE;
    }
  if (!sam_store_commit (self->store, error))
    return FALSE;

  memset (self->codes, 0, sizeof self->codes);
  self->draft_id = 0;
  self->submitted = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Throws the unfinished answers away, draft and all. */
gboolean
sam_questionnaire_discard (SamQuestionnaire  *self,
                           GError           **error)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), FALSE);

  memset (self->codes, 0, sizeof self->codes);
  if (self->draft_id > 0 && !sam_store_delete_draft (self->store, self->draft_id, error))
    return FALSE;
  self->draft_id = 0;
  return TRUE;
}

gboolean
sam_questionnaire_is_submitted (SamQuestionnaire *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE (self), FALSE);
  return self->submitted;
}
