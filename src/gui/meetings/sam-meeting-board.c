/* sam-meeting-board.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-board"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-dialogs.h"
#include "sam-meeting-board.h"
#include "sam-meeting-note-card.h"
#include "sam-meetings-private.h"
#include "sam-qr.h"

/* A step's green and red notes: written in the entry or sent from phones, laid out in a
 * column for each of the step's headings, and sorted by dragging a note or by a heading's
 * number. A sort is laid out again once the event that asked is over, as the event may
 * come from the very note that is replaced. The notes ask for their sorting and deletion
 * through the board's actions, board.sort-card ((xi): the note, a heading's number) and
 * board.delete-card (x); the Undo of a deletion is the runner's runner.undo-delete. */

struct _SamMeetingBoard
{
  GtkBox                parent_instance;

  SamStore             *store;
  gint64                meeting_id;
  const SamMeetingStep *step;          /* the step on screen, its template's */
  char                 *address;       /* where phones post notes, while the room is open */
  guint                 rebuild_id;
  gint64                focus_card;    /* the card to focus again after a rebuild */
  SamMeetingCard       *deleted;       /* the note deleted last, for Undo */

  GtkCheckButton       *green_check;
  GtkCheckButton       *red_check;
  GtkEntry             *card_entry;
  GtkFlowBox           *columns_box;
  GtkButton            *phones_button;
  GtkLabel             *phones_count_label;
  GtkBox               *phones_box;
  GtkDrawingArea       *phones_qr;
  GtkLabel             *phones_address_label;
};

G_DEFINE_FINAL_TYPE (SamMeetingBoard, sam_meeting_board, GTK_TYPE_BOX)

static void rebuild_cards (SamMeetingBoard *self);

static const SamMeetingCategory *
step_category (const SamMeetingStep *step,
               guint                 index)
{
  if (step == NULL || step->categories == NULL || index >= step->categories->len)
    return NULL;
  return g_ptr_array_index (step->categories, index);
}

/* The notes and the columns they are sorted into */

/* A heading's number pressed on a note, or chosen from its menu: 0 takes it out again. */
static void
sort_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamMeetingBoard *self = SAM_MEETING_BOARD (widget);
  const SamMeetingCategory *category = NULL;
  g_autoptr(GError) error = NULL;
  gint64 card_id;
  gint32 index;

  g_variant_get (parameter, "(xi)", &card_id, &index);
  if (index > 0)
    {
      category = step_category (self->step, index - 1);
      if (category == NULL)
        {
          gtk_widget_error_bell (widget);
          return;
        }
    }
  self->focus_card = card_id;
  if (!sam_meeting_board_sort_card (self, card_id, category ? category->id : NULL, &error))
    _sam_meetings_show_error (GTK_WIDGET (self), error);
}

static void
delete_card_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamMeetingBoard *self = SAM_MEETING_BOARD (widget);
  gint64 card_id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  /* Kept until the next deletion, so that Undo can put it back where it was. */
  cards = sam_meeting_store_list_cards (self->store, self->meeting_id, NULL);
  for (guint i = 0; cards != NULL && i < cards->len; i++)
    if (((SamMeetingCard *) g_ptr_array_index (cards, i))->id == card_id)
      {
        g_clear_pointer (&self->deleted, sam_meeting_card_free);
        self->deleted = g_ptr_array_steal_index (cards, i);
        break;
      }
  if (!sam_meeting_store_delete_card (self->store, card_id, &error))
    _sam_meetings_show_error (GTK_WIDGET (self), error);
  else
    sam_dialogs_toast_undo (widget, _("Note deleted: it is left out of the summary"),
                            "runner.undo-delete", NULL);
  self->focus_card = 0;
  rebuild_cards (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->card_entry));
}

static gboolean
on_card_dropped (SamMeetingBoard      *self,
                 gint64                card_id,
                 SamMeetingNoteColumn *column)
{
  g_autoptr(GError) error = NULL;

  self->focus_card = card_id;
  if (!sam_meeting_board_sort_card (self, card_id, sam_meeting_note_column_get_category (column),
                                    &error))
    {
      _sam_meetings_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

static GtkWidget *
column_new (SamMeetingBoard *self,
            const char       *heading,
            const char       *category_id)
{
  GtkWidget *column = sam_meeting_note_column_new (heading, category_id);

  g_signal_connect_object (column, "card-dropped", G_CALLBACK (on_card_dropped), self,
                           G_CONNECT_SWAPPED);
  return column;
}

static void
rebuild_cards (SamMeetingBoard *self)
{
  const SamMeetingStep *step = self->step;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *child, *focus = NULL;
  guint n_categories;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_flow_box_remove (self->columns_box, child);
  if (step == NULL || step->notes == SAM_MEETING_NOTES_NONE)
    return;

  n_categories = step->categories != NULL ? step->categories->len : 0;
  g_ptr_array_add (columns,
                   column_new (self, n_categories > 0 ? _("0 · Not sorted") : _("Notes"), NULL));
  for (guint i = 0; i < n_categories && i < 9; i++)
    {
      const SamMeetingCategory *category = g_ptr_array_index (step->categories, i);
      /* TRANSLATORS: a heading notes are sorted under, with the number that sorts a note there */
      g_autofree char *heading = g_strdup_printf (_("%u · %s"), i + 1, category->label);

      g_ptr_array_add (columns, column_new (self, heading, category->id));
    }

  cards = sam_meeting_store_list_cards (self->store, self->meeting_id, &error);
  if (cards == NULL)
    {
      _sam_meetings_show_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < cards->len; i++)
    {
      SamMeetingCard *card = g_ptr_array_index (cards, i);
      GtkWidget *column = g_ptr_array_index (columns, 0);
      GtkWidget *widget;

      if (g_strcmp0 (card->step, step->id) != 0)
        continue;
      for (guint c = 1; c < columns->len && card->category != NULL; c++)
        if (g_strcmp0 (sam_meeting_note_column_get_category (g_ptr_array_index (columns, c)),
                       card->category) == 0)
          column = g_ptr_array_index (columns, c);
      widget = sam_meeting_note_card_new (card, step);
      gtk_box_append (GTK_BOX (column), widget);
      if (card->id == self->focus_card)
        focus = widget;
    }
  for (guint c = 0; c < columns->len; c++)
    {
      gtk_flow_box_append (self->columns_box, g_ptr_array_index (columns, c));
      /* The flow box's children are containers, not stops for the keyboard. */
      gtk_widget_set_focusable (gtk_widget_get_parent (g_ptr_array_index (columns, c)), FALSE);
    }
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static gboolean
rebuild_cards_idle (gpointer data)
{
  SamMeetingBoard *self = data;

  self->rebuild_id = 0;
  rebuild_cards (self);
  return G_SOURCE_REMOVE;
}

static void
on_card_entry_activate (SamMeetingBoard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->card_entry));
  SamMeetingCardColour colour = gtk_check_button_get_active (self->red_check)
                                ? SAM_MEETING_CARD_RED : SAM_MEETING_CARD_GREEN;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (!sam_meeting_board_add_card (self, colour, stripped, &error))
    {
      _sam_meetings_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->card_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->card_entry));
}

static void
sam_meeting_board_dispose (GObject *object)
{
  SamMeetingBoard *self = SAM_MEETING_BOARD (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MEETING_BOARD);
  g_clear_object (&self->store);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->deleted, sam_meeting_card_free);
  G_OBJECT_CLASS (sam_meeting_board_parent_class)->dispose (object);
}

static void
sam_meeting_board_class_init (SamMeetingBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_meeting_board_dispose;

  gtk_widget_class_install_action (widget_class, "board.sort-card", "(xi)", sort_card_action);
  gtk_widget_class_install_action (widget_class, "board.delete-card", "x", delete_card_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-meeting-board.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, green_check);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, red_check);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, card_entry);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, columns_box);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, phones_button);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, phones_count_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, phones_box);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, phones_qr);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingBoard, phones_address_label);
  gtk_widget_class_bind_template_callback (widget_class, on_card_entry_activate);
}

static void
sam_meeting_board_init (SamMeetingBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The meeting whose notes the board shows. */
void
sam_meeting_board_set_meeting (SamMeetingBoard *self,
                               SamStore        *store,
                               gint64           meeting_id)
{
  g_return_if_fail (SAM_IS_MEETING_BOARD (self));

  g_set_object (&self->store, store);
  self->meeting_id = meeting_id;
}

/* The step on screen: its colours of note and its columns. */
void
sam_meeting_board_show_step (SamMeetingBoard      *self,
                             const SamMeetingStep *step)
{
  g_return_if_fail (SAM_IS_MEETING_BOARD (self));

  self->step = step;
  gtk_widget_set_visible (GTK_WIDGET (self->green_check),
                          (step->notes & SAM_MEETING_NOTES_GREEN) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->red_check), (step->notes & SAM_MEETING_NOTES_RED) != 0);
  if (step->notes == SAM_MEETING_NOTES_RED)
    gtk_check_button_set_active (self->red_check, TRUE);
  else if (step->notes == SAM_MEETING_NOTES_GREEN)
    gtk_check_button_set_active (self->green_check, TRUE);
  self->focus_card = 0;
  rebuild_cards (self);
}

/* The room phones post notes to, or NULL while it is closed. */
void
sam_meeting_board_set_phones (SamMeetingBoard *self,
                              SamCollect      *phones)
{
  gboolean open = phones != NULL;

  g_return_if_fail (SAM_IS_MEETING_BOARD (self));

  g_free (self->address);
  self->address = open ? g_strdup (sam_collect_get_address (phones)) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->phones_box), open);
  gtk_button_set_label (self->phones_button, open ? _("Close for _Phones") : _("Open for _Phones"));
  if (open)
    {
      guint n = sam_collect_get_n_answered (phones);
      g_autofree char *count = n == 0 ? g_strdup (_("No notes from phones yet"))
                                      : g_strdup_printf (ngettext ("%u note from phones",
                                                                   "%u notes from phones", n), n);

      gtk_label_set_text (self->phones_address_label, self->address);
      gtk_label_set_text (self->phones_count_label, count);
    }
  else
    gtk_label_set_text (self->phones_count_label, "");
  sam_qr_area_show (self->phones_qr, self->address);
}

/* Lays the notes out again once the current event is over; a note focused stays
 * focused. */
void
sam_meeting_board_rebuild_later (SamMeetingBoard *self)
{
  g_return_if_fail (SAM_IS_MEETING_BOARD (self));

  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cards_idle, self);
}

void
sam_meeting_board_cancel_rebuild (SamMeetingBoard *self)
{
  g_return_if_fail (SAM_IS_MEETING_BOARD (self));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
}

gboolean
sam_meeting_board_add_card (SamMeetingBoard       *self,
                            SamMeetingCardColour   colour,
                            const char            *text,
                            GError               **error)
{
  g_return_val_if_fail (SAM_IS_MEETING_BOARD (self), FALSE);
  g_return_val_if_fail (self->step != NULL, FALSE);

  if (!sam_meeting_store_add_card (self->store, self->meeting_id, self->step->id, colour, text,
                                   NULL, NULL, error))
    return FALSE;
  self->focus_card = 0;
  rebuild_cards (self);
  return TRUE;
}

/* Sorts a note under @category (NULL: not sorted), laid out again once the event that
 * asked is over. */
gboolean
sam_meeting_board_sort_card (SamMeetingBoard  *self,
                             gint64            card_id,
                             const char       *category,
                             GError          **error)
{
  g_return_val_if_fail (SAM_IS_MEETING_BOARD (self), FALSE);

  if (!sam_meeting_store_set_card_category (self->store, card_id, category, error))
    return FALSE;
  sam_meeting_board_rebuild_later (self);
  return TRUE;
}

/* Puts the note deleted last back where it was. */
void
sam_meeting_board_undo_delete (SamMeetingBoard *self)
{
  g_autoptr(SamMeetingCard) card = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_if_fail (SAM_IS_MEETING_BOARD (self));

  card = g_steal_pointer (&self->deleted);
  if (card == NULL || self->store == NULL)
    return;
  if (!sam_meeting_store_add_card (self->store, self->meeting_id, card->step, card->colour,
                                   card->text, card->category, &id, &error))
    {
      _sam_meetings_show_error (GTK_WIDGET (self), error);
      return;
    }
  self->focus_card = id;
  rebuild_cards (self);
}
