/* sam-meeting-phones-room.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-phones-room"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-meeting-phones-room.h"
#include "sam-meetings-private.h"
#include "sam-qr.h"

/* The step's room for phones: opened on a step that takes notes, votes or answers from
 * phones, closed with the step. Its "changed" signal says it opened, closed or took a
 * note, vote or answer; TRUE for the last.
 *
 * Votes and questions from phones
 *
 * On a step that picks which red notes to talk about (phones="votes" in the template) or
 * asks anonymous questions (phones="questions"), the room takes votes or answers instead
 * of notes. Its panel sits below the notes: the same button, QR code and address as the
 * notes', then the meeting's red notes with their votes, or the answers by question. A
 * note's votes show only once at least k have voted on the step
 * (sam_meeting_votes_min_voters()); below that the store gives no counts at all. */

struct _SamMeetingPhonesRoom
{
  GtkBox          parent_instance;

  SamStore       *store;
  gint64          meeting_id;
  const SamMeetingStep *step;   /* the step on screen, its template's */
  SamCollect     *phones;       /* the room phones post to, while it is open */
  char           *listen;       /* where it listens: NULL for the local network */
  char           *address;      /* where the phones post to, while the room is open */

  GtkLabel       *heading;
  GtkButton      *button;
  GtkLabel       *count_label;
  GtkWidget      *qr_box;
  GtkDrawingArea *qr;
  GtkLabel       *address_label;
  GtkLabel       *hint_label;
  GtkLabel       *status_label;
  GtkBox         *content;
};

G_DEFINE_FINAL_TYPE (SamMeetingPhonesRoom, sam_meeting_phones_room, GTK_TYPE_BOX)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* A row of text, with a figure at its end where there is one. */
static GtkWidget *
room_row_new (const char *text,
              const char *figure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = _sam_meetings_label (text, NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (figure != NULL)
    {
      GtkWidget *count = gtk_label_new (figure);

      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "heading");
      gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), count);
    }
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static guint
vote_count (GArray *votes,
            gint64  card_id)
{
  for (guint i = 0; votes != NULL && i < votes->len; i++)
    if (g_array_index (votes, SamMeetingVote, i).card_id == card_id)
      return g_array_index (votes, SamMeetingVote, i).votes;
  return 0;
}

static int
compare_by_votes (gconstpointer a,
                  gconstpointer b,
                  gpointer      votes)
{
  const SamMeetingCard *card_a = *(SamMeetingCard **) a;
  const SamMeetingCard *card_b = *(SamMeetingCard **) b;
  guint votes_a = vote_count (votes, card_a->id);
  guint votes_b = vote_count (votes, card_b->id);

  if (votes_a != votes_b)
    return votes_a > votes_b ? -1 : 1;
  return card_a->id < card_b->id ? -1 : card_a->id > card_b->id;
}

/* The meeting's red notes, with their votes once enough have voted; most votes first. */
static void
fill_votes (SamMeetingPhonesRoom *self,
            SamStore             *store,
            gint64                meeting_id,
            const SamMeetingStep *step)
{
  guint k = sam_meeting_votes_min_voters (store);
  g_autoptr(GPtrArray) cards = sam_meeting_store_list_cards (store, meeting_id, NULL);
  g_autoptr(GArray) votes = NULL;
  g_autofree char *count = NULL;
  GtkWidget *list;
  guint ballots = 0;
  gboolean shown;

  votes = sam_meeting_store_get_votes (store, meeting_id, step->id, k, &ballots, NULL);
  shown = votes != NULL && ballots >= k;
  count = ballots == 0
            ? g_strdup (_("No votes from phones yet"))
            : g_strdup_printf (ngettext ("%u person has voted", "%u people have voted", ballots),
                               ballots);
  gtk_label_set_text (self->count_label, count);
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  else
    {
      /* TRANSLATORS: %u is the minimum group size k, 3 or more */
      g_autofree char *status = g_strdup_printf (_("Counts show when at least %u have voted"), k);

      gtk_label_set_text (self->status_label, status);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
    }

  for (guint i = cards != NULL ? cards->len : 0; i > 0; i--)
    if (((SamMeetingCard *) g_ptr_array_index (cards, i - 1))->colour != SAM_MEETING_CARD_RED)
      g_ptr_array_remove_index (cards, i - 1);
  if (cards == NULL || cards->len == 0)
    {
      gtk_box_append (self->content,
                      _sam_meetings_label (_("There are no red notes to vote for yet."),
                                           "dim-label"));
      return;
    }
  if (shown)
    g_ptr_array_sort_with_data (cards, compare_by_votes, votes);
  list = boxed_list_new ();
  for (guint i = 0; i < cards->len; i++)
    {
      SamMeetingCard *card = g_ptr_array_index (cards, i);
      guint n = vote_count (votes, card->id);
      g_autofree char *figure =
        shown ? g_strdup_printf (ngettext ("%u vote", "%u votes", n), n) : NULL;

      gtk_list_box_append (GTK_LIST_BOX (list), room_row_new (card->text, figure));
    }
  gtk_box_append (self->content, list);
}

static int
compare_answer_text (gconstpointer a,
                     gconstpointer b)
{
  const SamMeetingAnswer *answer_a = *(SamMeetingAnswer **) a;
  const SamMeetingAnswer *answer_b = *(SamMeetingAnswer **) b;

  return g_utf8_collate (answer_a->text, answer_b->text);
}

/* Each question with its answers, in the order of their text: nothing shows which came
 * first, or which answers one phone gave together. */
static void
fill_answers (SamMeetingPhonesRoom *self,
              SamStore             *store,
              gint64                meeting_id,
              const SamMeetingStep *step,
              SamCollect           *phones)
{
  g_autoptr(GPtrArray) answers = sam_meeting_store_list_answers (store, meeting_id, NULL);
  guint n = phones != NULL ? sam_collect_get_n_answered (phones) : 0;

  if (phones != NULL)
    {
      g_autofree char *count =
        n == 0
          ? g_strdup (_("No answers from phones yet"))
          : g_strdup_printf (ngettext ("%u phone has answered", "%u phones have answered", n), n);

      gtk_label_set_text (self->count_label, count);
    }
  else
    gtk_label_set_text (self->count_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  if (answers != NULL)
    g_ptr_array_sort (answers, compare_answer_text);

  for (guint q = 0; q < step->prompts->len; q++)
    {
      GtkWidget *list = NULL;

      gtk_box_append (self->content,
                      _sam_meetings_label (g_ptr_array_index (step->prompts, q), "heading"));
      for (guint i = 0; answers != NULL && i < answers->len; i++)
        {
          SamMeetingAnswer *answer = g_ptr_array_index (answers, i);

          if (answer->question != q + 1 || g_strcmp0 (answer->step, step->id) != 0)
            continue;
          if (list == NULL)
            list = boxed_list_new ();
          /* The same answer from two phones is in the list twice. */
          for (guint c = 0; c < answer->count; c++)
            gtk_list_box_append (GTK_LIST_BOX (list), room_row_new (answer->text, NULL));
        }
      if (list != NULL)
        gtk_box_append (self->content, list);
      else
        gtk_box_append (self->content, _sam_meetings_label (_("No answers yet."), "dim-label"));
    }
}

/* Shows the step's votes or answers; hidden on steps without votes or questions. */
static void
refresh (SamMeetingPhonesRoom *self)
{
  const SamMeetingStep *step = self->step;
  gboolean open = self->phones != NULL;

  if (self->store == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self),
                          step != NULL && step->phones != SAM_MEETING_PHONES_NONE);
  if (step == NULL || step->phones == SAM_MEETING_PHONES_NONE)
    return;

  if (step->phones == SAM_MEETING_PHONES_VOTES)
    {
      gtk_label_set_text (self->heading, _("Votes for Red Notes"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                                   _("Everyone can vote anonymously from their own phone for the "
                                     "red notes to talk about"));
      gtk_label_set_text (self->hint_label,
                          _("A vote form counts once, for up to three red notes. Only the number "
                            "of votes for each note is kept, and the numbers show once enough have "
                            "voted. The phones talk to this computer in plain HTTP over the "
                            "clinic’s own network, and no vote can be read back from a phone. It "
                            "closes with this step."));
    }
  else
    {
      gtk_label_set_text (self->heading, _("Answers from Phones"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                                   _("Everyone can answer the questions anonymously from their "
                                     "own phone"));
      gtk_label_set_text (self->hint_label,
                          _("Answers from phones arrive in the list below without a name, in an "
                            "order that says nothing of who wrote them. The phones talk to this "
                            "computer in plain HTTP over the clinic’s own network, and no answer "
                            "can be read back from a phone. It closes with this step."));
    }
  gtk_button_set_label (self->button, open ? _("Close for _Phones") : _("Open for _Phones"));
  gtk_button_set_use_underline (self->button, TRUE);
  gtk_widget_set_visible (self->qr_box, open);
  g_free (self->address);
  self->address = open ? g_strdup (sam_collect_get_address (self->phones)) : NULL;
  gtk_label_set_text (self->address_label, open ? self->address : "");
  sam_qr_area_show (self->qr, self->address);

  _sam_meetings_clear_box (self->content);
  if (step->phones == SAM_MEETING_PHONES_VOTES)
    fill_votes (self, self->store, self->meeting_id, step);
  else
    fill_answers (self, self->store, self->meeting_id, step, self->phones);
}


static void
on_answered (SamMeetingPhonesRoom *self)
{
  refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, TRUE);
}

/* Closes the room; the phones can no longer post. */
void
sam_meeting_phones_room_close (SamMeetingPhonesRoom *self)
{
  g_return_if_fail (SAM_IS_MEETING_PHONES_ROOM (self));

  if (self->phones == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->phones, self);
  sam_collect_stop (self->phones);
  g_clear_object (&self->phones);
  refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, FALSE);
}

/**
 * sam_meeting_phones_room_open:
 *
 * Opens the step on screen for notes, votes or answers from phones.
 *
 * Returns: %FALSE where it could not open, with @error set
 */
gboolean
sam_meeting_phones_room_open (SamMeetingPhonesRoom  *self,
                              GError               **error)
{
  g_autoptr(SamCollect) phones = NULL;

  g_return_val_if_fail (SAM_IS_MEETING_PHONES_ROOM (self), FALSE);
  g_return_val_if_fail (self->step != NULL, FALSE);

  if (self->phones != NULL)
    return TRUE;
  phones = sam_collect_new_meeting (self->store, self->meeting_id, self->step->id);
  if (!sam_collect_start (phones, self->listen, 0, error))
    return FALSE;
  self->phones = g_steal_pointer (&phones);
  g_signal_connect_object (self->phones, "notify::n-answered", G_CALLBACK (on_answered), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, FALSE);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the room phones post to, while it is open */
SamCollect *
sam_meeting_phones_room_get_phones (SamMeetingPhonesRoom *self)
{
  g_return_val_if_fail (SAM_IS_MEETING_PHONES_ROOM (self), NULL);
  return self->phones;
}

/* Where the room listens: an address such as "127.0.0.1" for a test, NULL for this
 * computer's addresses on the local network. */
void
sam_meeting_phones_room_set_listen (SamMeetingPhonesRoom *self,
                                    const char           *listen_address)
{
  g_return_if_fail (SAM_IS_MEETING_PHONES_ROOM (self));

  g_free (self->listen);
  self->listen = g_strdup (listen_address);
}

/* The meeting whose steps the room is opened for. */
void
sam_meeting_phones_room_set_meeting (SamMeetingPhonesRoom *self,
                                     SamStore             *store,
                                     gint64                meeting_id)
{
  g_return_if_fail (SAM_IS_MEETING_PHONES_ROOM (self));

  g_set_object (&self->store, store);
  self->meeting_id = meeting_id;
}

/* The step on screen, whose votes or answers are shown. */
void
sam_meeting_phones_room_show_step (SamMeetingPhonesRoom *self,
                                   const SamMeetingStep *step)
{
  g_return_if_fail (SAM_IS_MEETING_PHONES_ROOM (self));

  self->step = step;
  refresh (self);
}

static void
sam_meeting_phones_room_dispose (GObject *object)
{
  SamMeetingPhonesRoom *self = SAM_MEETING_PHONES_ROOM (object);

  if (self->phones != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->phones, self);
      sam_collect_stop (self->phones);
      g_clear_object (&self->phones);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->listen, g_free);
  G_OBJECT_CLASS (sam_meeting_phones_room_parent_class)->dispose (object);
}

static void
sam_meeting_phones_room_class_init (SamMeetingPhonesRoomClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_meeting_phones_room_dispose;

  /**
   * SamMeetingPhonesRoom::changed:
   * @answered: whether a phone posted, rather than the room opening or closing
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-meeting-phones-room.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, heading);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, button);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, count_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, qr_box);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, qr);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, address_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, status_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingPhonesRoom, content);
}

static void
sam_meeting_phones_room_init (SamMeetingPhonesRoom *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
