/* sam-questionnaire-view.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-questionnaire-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dialogs.h"
#include "sam-questionnaire-view-private.h"

/* Answering the self-assessment on the clinic's computer: who is answering, a question a
 * page with the options as single-choice rows, a review of one's own answers, and thanks,
 * ready for the next colleague. Answers are saved as they are given (see
 * SamQuestionnaire), so a closed window or a crash loses nothing.
 *
 * This file holds the view's life cycle, the moves between pages and the keyboard. */

G_DEFINE_FINAL_TYPE (SamQuestionnaireView, sam_questionnaire_view, GTK_TYPE_WIDGET)
SAM_DEFINE_CONTEXT_PROPERTY (SamQuestionnaireView, sam_questionnaire_view)

SamStore *
_sam_questionnaire_view_get_store (SamQuestionnaireView *self)
{
  return sam_context_get_store (self->context);
}

void
_sam_questionnaire_view_show_error (SamQuestionnaireView *self,
                                    const GError         *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sam_dialogs_alert (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("That Did Not Work"),
                     error->message);
}

char *
_sam_questionnaire_answer_key (const SamItem *item,
                               int            code)
{
  return g_strdup_printf ("%s\x1f%d", item->id, code);
}

void
sam_questionnaire_view_go_to (SamQuestionnaireView *self,
                              guint                 page)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self));
  g_return_if_fail (self->questionnaire != NULL);

  if (!sam_questionnaire_set_page (self->questionnaire, page, &error))
    _sam_questionnaire_view_show_error (self, error);
  _sam_questionnaire_view_show_page (self);
}

void
sam_questionnaire_view_next (SamQuestionnaireView *self)
{
  guint page, n_pages;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self));
  if (self->questionnaire == NULL)
    return;

  page = sam_questionnaire_get_page (self->questionnaire);
  n_pages = sam_questionnaire_get_n_pages (self->questionnaire);
  if (page < n_pages)
    {
      sam_questionnaire_view_go_to (self, page + 1);
      return;
    }

  if (!sam_questionnaire_submit (self->questionnaire, &error))
    {
      _sam_questionnaire_view_show_error (self, error);
      return;
    }
  g_clear_object (&self->questionnaire);
  gtk_stack_set_visible_child_name (self->stack, "thanks");
  /* The next thing to do is hand over: focus on that, not on whatever comes first. */
  gtk_widget_grab_focus (GTK_WIDGET (self->next_colleague_button));
}

void
sam_questionnaire_view_back (SamQuestionnaireView *self)
{
  g_return_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self));

  if (self->questionnaire != NULL && sam_questionnaire_get_page (self->questionnaire) > 0)
    sam_questionnaire_view_go_to (self, sam_questionnaire_get_page (self->questionnaire) - 1);
}

static void
on_next_clicked (SamQuestionnaireView *self)
{
  sam_questionnaire_view_next (self);
}

static void
on_back_clicked (SamQuestionnaireView *self)
{
  sam_questionnaire_view_back (self);
}

/**
 * sam_questionnaire_view_choose:
 * @code: the answer, %SAM_ANSWER_NOT_APPLICABLE, or 0 for none
 *
 * Chooses an option on the page shown, as a click on its row would.
 *
 * Returns: %TRUE where the page has that option
 */
gboolean
sam_questionnaire_view_choose (SamQuestionnaireView *self,
                               const char           *item_id,
                               int                   code)
{
  const SamItem *item = sam_instrument_lookup_item (sam_instrument_get_default (), item_id);
  g_autofree char *key = NULL;
  GtkCheckButton *check;

  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), FALSE);

  if (item == NULL)
    return FALSE;
  if (code == 0)
    return sam_questionnaire_set_answer (self->questionnaire, item, 0, NULL);
  key = _sam_questionnaire_answer_key (item, code);
  check = g_hash_table_lookup (self->checks, key);
  if (check == NULL)
    return FALSE;
  gtk_check_button_set_active (check, TRUE);
  return TRUE;
}

/* After a number key answered @item: the keyboard moves on to the next item still open,
 * and what it answered and what comes next are brought into view (the focused widget is
 * scrolled to). */
static void
focus_after_key (SamQuestionnaireView *self,
                 const SamItem        *item,
                 int                   code)
{
  g_autoptr(GPtrArray) items =
    sam_questionnaire_get_items (self->questionnaire,
                                 sam_questionnaire_get_page (self->questionnaire));
  g_autofree char *key = _sam_questionnaire_answer_key (item, code);
  GtkWidget *answered = g_hash_table_lookup (self->checks, key);

  if (answered != NULL && gtk_widget_get_mapped (answered))
    gtk_widget_grab_focus (answered);
  for (guint i = 0; i < items->len; i++)
    {
      const SamItem *next = g_ptr_array_index (items, i);
      g_autofree char *first = NULL;
      GtkWidget *check;

      if (sam_questionnaire_get_answer (self->questionnaire, next) != 0)
        continue;
      first = _sam_questionnaire_answer_key (next, 1);
      check = g_hash_table_lookup (self->checks, first);
      if (check != NULL && gtk_widget_get_mapped (check))
        gtk_widget_grab_focus (check);
      break;
    }
}

/* Leaving keeps the answers so far: they wait on this computer to be taken up again. */
static void
on_leave_confirmed (gboolean confirmed,
                    gpointer user_data)
{
  SamQuestionnaireView *self = user_data;

  if (confirmed)
    {
      g_clear_object (&self->questionnaire);
      _sam_questionnaire_view_refresh_start (self);
    }
  g_object_unref (self);
}

GtkWindow *
sam_questionnaire_view_ask_leave (SamQuestionnaireView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), NULL);

  return sam_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              _("Leave the Questionnaire?"),
                              _("Your answers so far are kept on this computer, and you can take "
                                "up where you left off."),
                              _("_Leave"), FALSE, on_leave_confirmed, g_object_ref (self));
}

/* Number keys choose an option for the item whose row has the focus (or the first item
 * not yet answered); Enter goes on; Escape asks whether to leave. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SamQuestionnaireView  *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);
  guint page;

  if (g_strcmp0 (visible, "question") != 0 || self->questionnaire == NULL)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval == GDK_KEY_Escape)
    {
      sam_questionnaire_view_ask_leave (self);
      return TRUE;
    }
  page = sam_questionnaire_get_page (self->questionnaire);
  /* Enter goes on from a question; on the review, submitting takes a deliberate press of
   * its button (Enter on the focused button still does), never a stray Enter. */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      if (page >= sam_questionnaire_get_n_pages (self->questionnaire))
        return FALSE;
      sam_questionnaire_view_next (self);
      return TRUE;
    }

  if (page < sam_questionnaire_get_n_pages (self->questionnaire) &&
      ((keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9) ||
       (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)))
    {
      int code =
        keyval >= GDK_KEY_KP_1 ? (int) (keyval - GDK_KEY_KP_0) : (int) (keyval - GDK_KEY_0);
      g_autoptr(GPtrArray) items = sam_questionnaire_get_items (self->questionnaire, page);
      const SamItem *target = NULL;
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      for (GtkWidget *w = focus; w != NULL && target == NULL; w = gtk_widget_get_parent (w))
        target = g_object_get_data (G_OBJECT (w), "item");
      for (guint i = 0; i < items->len && target == NULL; i++)
        if (sam_questionnaire_get_answer (self->questionnaire, g_ptr_array_index (items, i)) == 0)
          target = g_ptr_array_index (items, i);
      if (target == NULL && items->len > 0)
        target = g_ptr_array_index (items, 0);
      if (target == NULL || !sam_questionnaire_view_choose (self, target->id, code))
        return FALSE;
      focus_after_key (self, target, code);
      return TRUE;
    }
  return FALSE;
}

static void
sam_questionnaire_view_dispose (GObject *object)
{
  SamQuestionnaireView *self = (SamQuestionnaireView *) object;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (sam_context_get_store (self->context),
                                          _sam_questionnaire_view_refresh_start, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_QUESTIONNAIRE_VIEW);
  g_clear_object (&self->questionnaire);
  g_clear_object (&self->context);
  g_clear_pointer (&self->round_ids, g_array_unref);
  g_clear_pointer (&self->clinic_ids, g_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_questionnaire_view_parent_class)->dispose (object);
}

static void
sam_questionnaire_view_constructed (GObject *object)
{
  SamQuestionnaireView *self = (SamQuestionnaireView *) object;
  SamContext *context = self->context;

  G_OBJECT_CLASS (sam_questionnaire_view_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (context));
  sam_context_follow_store (GTK_WIDGET (self), context,
                            G_CALLBACK (_sam_questionnaire_view_refresh_start));
  _sam_questionnaire_view_refresh_start (self);
}

static void
sam_questionnaire_view_class_init (SamQuestionnaireViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_questionnaire_view_constructed;
  object_class->dispose = sam_questionnaire_view_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_questionnaire_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-questionnaire-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, stack);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, resume_group);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, resume_list);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, round_row);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, clinic_choice_row);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, role_group);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, privacy_label);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, start_button);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, question_box);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, back_button);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, next_button);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SamQuestionnaireView, next_colleague_button);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  _sam_questionnaire_view_class_init_start (widget_class);
  _sam_questionnaire_view_class_init_page (widget_class);
}

static void
sam_questionnaire_view_init (SamQuestionnaireView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->round_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clinic_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_draft_free);

  _sam_questionnaire_view_init_start (self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

SamQuestionnaireView *
sam_questionnaire_view_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_QUESTIONNAIRE_VIEW, "context", context, NULL);
}

/* "closed", "start", "question" (the review too) or "thanks". */
const char *
sam_questionnaire_view_get_state (SamQuestionnaireView *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sam_questionnaire_view_get_questionnaire:
 *
 * Returns: (transfer none) (nullable): the questionnaire being answered
 */
SamQuestionnaire *
sam_questionnaire_view_get_questionnaire (SamQuestionnaireView *self)
{
  g_return_val_if_fail (SAM_IS_QUESTIONNAIRE_VIEW (self), NULL);
  return self->questionnaire;
}
