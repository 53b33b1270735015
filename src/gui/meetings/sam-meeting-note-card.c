/* sam-meeting-note-card.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-note-card"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-meeting-note-card.h"
#include "sam-meeting-note-card-private.h"
#include "sam-meetings-private.h"

/* The green and red notes of a step and the columns they are sorted into. A note asks the
 * board to sort or delete it through the board's actions, its id as their target:
 * board.sort-card ((xi): the note and a heading's number, 0 for none) and
 * board.delete-card (x). A column says what was dropped on it by its card-dropped
 * signal. */

struct _SamMeetingNoteCard
{
  GtkWidget   parent_instance;

  gint64      id;

  GtkWidget  *box;
  GtkLabel   *label;
  GtkMenuButton *menu_button;
};

struct _SamMeetingNoteColumn
{
  GtkBox      parent_instance;

  char       *category;      /* the heading's category id, NULL for notes not sorted */
};

G_DEFINE_FINAL_TYPE (SamMeetingNoteCard, sam_meeting_note_card, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (SamMeetingNoteColumn, sam_meeting_note_column, GTK_TYPE_BOX)

enum {
  SIGNAL_CARD_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The note cards */

static void
card_sort_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamMeetingNoteCard *card = SAM_MEETING_NOTE_CARD (widget);

  gtk_widget_activate_action (widget, "board.sort-card", "(xi)", card->id,
                              g_variant_get_int32 (parameter));
}

static void
card_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "board.delete-card", "x", SAM_MEETING_NOTE_CARD (widget)->id);
}

static GdkContentProvider *
on_drag_prepare (SamMeetingNoteCard *card,
                 double              x,
                 double              y,
                 GtkDragSource      *source)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, card->id);
}

static void
on_drag_begin (GtkDragSource      *source,
               GdkDrag            *drag,
               SamMeetingNoteCard *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (card));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
on_pressed (SamMeetingNoteCard *card,
            int                 n_press,
            double              x,
            double              y,
            GtkGestureClick    *gesture)
{
  /* A note clicked is the note the heading keys sort, not the entry above. */
  gtk_widget_grab_focus (GTK_WIDGET (card));
}

static void
sam_meeting_note_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SAM_TYPE_MEETING_NOTE_CARD);
  G_OBJECT_CLASS (sam_meeting_note_card_parent_class)->dispose (object);
}

static void
sam_meeting_note_card_class_init (SamMeetingNoteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_meeting_note_card_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "card.sort", "i", card_sort_action);
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, card_delete_action);
  /* A heading's number sorts the focused note there; 0 takes it out again. (Alt and a
   * number already choose the window's section.) */
  for (int i = 0; i <= 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "card.sort", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "card.sort", "i", i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "card.delete", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-meeting-note-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingNoteCard, box);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingNoteCard, label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingNoteCard, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_prepare);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_begin);
  gtk_widget_class_bind_template_callback (widget_class, on_pressed);
}

static void
sam_meeting_note_card_init (SamMeetingNoteCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
append_sort_item (GMenu      *menu,
                  const char *label,
                  guint       key)
{
  g_autoptr(GMenuItem) item = NULL;
  char accel[2] = { (char) ('0' + key), '\0' };

  item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target (item, "card.sort", "i", (gint32) key);
  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

/* A note of @step, with a menu of its headings. */
GtkWidget *
sam_meeting_note_card_new (const SamMeetingCard *card,
                           const SamMeetingStep *step)
{
  SamMeetingNoteCard *self = g_object_new (SAM_TYPE_MEETING_NOTE_CARD, NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *accessible = NULL;

  self->id = card->id;
  gtk_widget_add_css_class (GTK_WIDGET (self),
                            card->colour == SAM_MEETING_CARD_GREEN ? "green" : "red");
  gtk_label_set_label (self->label, card->text);

  /* The key shown beside each choice is the heading's number as typed; left to itself the
   * menu would show the last key bound to the action, the keypad's ("KP 0"). */
  append_sort_item (menu, _("Not Sorted"), 0);
  for (guint i = 0; step->categories != NULL && i < step->categories->len && i < 9; i++)
    {
      const SamMeetingCategory *category = g_ptr_array_index (step->categories, i);

      append_sort_item (menu, category->label, i + 1);
    }
  g_menu_append (section, _("Delete Note"), "card.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));

  accessible = g_strdup_printf (card->colour == SAM_MEETING_CARD_GREEN
                                /* TRANSLATORS: how a screen reader names a note; %s is its text */
                                ? _("Green note: %s") : _("Red note: %s"), card->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), card->colour == SAM_MEETING_CARD_GREEN
                                                  ? _("Green note") : _("Red note"));
  return GTK_WIDGET (self);
}

gint64
sam_meeting_note_card_get_id (SamMeetingNoteCard *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_NOTE_CARD (self), 0);
  return self->id;
}

/* The columns the notes are sorted into */

static gboolean
on_column_drop (GtkDropTarget        *target,
                const GValue         *value,
                double                x,
                double                y,
                SamMeetingNoteColumn *column)
{
  gboolean sorted = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (column), "drop-hover");
  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  g_signal_emit (column, signals[SIGNAL_CARD_DROPPED], 0, g_value_get_int64 (value), &sorted);
  return sorted;
}

static GdkDragAction
on_column_enter (GtkDropTarget *target,
                 double         x,
                 double         y,
                 GtkWidget     *column)
{
  gtk_widget_add_css_class (column, "drop-hover");
  return GDK_ACTION_MOVE;
}

static void
on_column_leave (GtkDropTarget *target,
                 GtkWidget     *column)
{
  gtk_widget_remove_css_class (column, "drop-hover");
}

static void
sam_meeting_note_column_finalize (GObject *object)
{
  g_free (SAM_MEETING_NOTE_COLUMN (object)->category);
  G_OBJECT_CLASS (sam_meeting_note_column_parent_class)->finalize (object);
}

static void
sam_meeting_note_column_class_init (SamMeetingNoteColumnClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_meeting_note_column_finalize;

  /**
   * SamMeetingNoteColumn::card-dropped:
   * @card_id: the note dropped on the column
   *
   * Returns: %TRUE where the note was sorted under the column's heading
   */
  signals[SIGNAL_CARD_DROPPED] = g_signal_new ("card-dropped", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0,
                                               g_signal_accumulator_first_wins, NULL, NULL,
                                               G_TYPE_BOOLEAN, 1, G_TYPE_INT64);
}

static void
sam_meeting_note_column_init (SamMeetingNoteColumn *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "meeting-column");
  g_signal_connect (target, "drop", G_CALLBACK (on_column_drop), self);
  g_signal_connect (target, "enter", G_CALLBACK (on_column_enter), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_column_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* A column headed @heading for the notes of @category_id (NULL: not sorted). */
GtkWidget *
sam_meeting_note_column_new (const char *heading,
                             const char *category_id)
{
  SamMeetingNoteColumn *self = g_object_new (SAM_TYPE_MEETING_NOTE_COLUMN, NULL);

  gtk_box_append (GTK_BOX (self), _sam_meetings_label (heading, "heading"));
  self->category = g_strdup (category_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  return GTK_WIDGET (self);
}

/* Returns: (nullable): the category the column's notes are sorted under */
const char *
sam_meeting_note_column_get_category (SamMeetingNoteColumn *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_NOTE_COLUMN (self), NULL);
  return self->category;
}
