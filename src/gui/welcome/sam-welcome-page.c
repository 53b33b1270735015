/* sam-welcome-page.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-dates.h"
#include "sam-welcome-page.h"
#include "sam-welcome-page-private.h"

/* The first section: on an empty database a welcome that says what the app is for;
 * once there is data, an overview of the rounds and what this computer is. */

struct _SamWelcomePage
{
  GtkWidget             parent_instance;

  SamContext           *context;

  GtkStack             *stack;
  AdwPreferencesGroup  *rounds_group;
  GtkListBox           *rounds_list;
  AdwActionRow         *own_clinic_row;
  GtkLabel             *summary_label;
};

G_DEFINE_FINAL_TYPE (SamWelcomePage, sam_welcome_page, GTK_TYPE_WIDGET)
SAM_DEFINE_CONTEXT_PROPERTY (SamWelcomePage, sam_welcome_page)

static void
append_round_item (GMenu      *menu,
                   const char *label,
                   const char *action,
                   gint64      round_id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (round_id));
  g_menu_append_item (menu, item);
}

static GtkWidget *
create_round_row (SamRound *round,
                  gboolean  has_own_clinic)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) round_section = g_menu_new ();
  g_autoptr(GMenu) file_section = g_menu_new ();
  g_autofree char *date = sam_date_format_iso (round->date);
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  GtkWidget *state;

  if (round->n_invited > 0)
    /* Translators: respondents of those invited, and the response rate. */
    counts = g_strdup_printf (ngettext ("%u of %u invited answered (%.0f%%)",
                                        "%u of %u invited answered (%.0f%%)", round->n_invited),
                              round->n_respondents, round->n_invited,
                              100.0 * round->n_respondents / round->n_invited);
  else
    counts = g_strdup_printf (ngettext ("%u respondent", "%u respondents", round->n_respondents),
                              round->n_respondents);
  /* Translators: cluster · date · number of respondents. */
  subtitle = g_strdup_printf (_("%s · %s · %s"), round->cluster_name, date, counts);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), round->label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  state = gtk_label_new (round->closed ? _("Closed") : _("Open"));
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, round->closed ? "dim-label" : "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  /* The round itself: a closed round offers to reopen, an open one to close. */
  append_round_item (round_section, _("Rename…"), "win.rename-round", round->id);
  append_round_item (round_section, _("Clinics Taking Part…"), "win.round-clinics", round->id);
  if (has_own_clinic && !round->closed)
    append_round_item (round_section, _("Answer on Phones…"), "win.collect-answers", round->id);
  if (round->closed)
    append_round_item (round_section, _("Reopen Round"), "win.reopen-round", round->id);
  else
    append_round_item (round_section, _("Close Round"), "win.close-round", round->id);
  append_round_item (round_section, _("Delete…"), "win.delete-round", round->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (round_section));

  /* The files that go between the clinic and its coordinator, for this round. */
  if (has_own_clinic)
    append_round_item (file_section, _("Send the Clinic’s Answers to the Coordinator…"),
                       "win.export-tallies", round->id);
  append_round_item (file_section, _("Save the Cluster’s Figures for the Clinics…"),
                     "win.export-figures", round->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (file_section));

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Round Menu"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
sam_welcome_page_refresh (SamWelcomePage *self)
{
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  g_autoptr(GError) error = NULL;
  SamStoreSummary summary = { 0 };
  SamStore *store;
  GtkWidget *child;
  gint64 own_clinic;
  g_autofree char *summary_text = NULL;
  g_autofree char *clinic_text = NULL;
  g_autofree char *respondent_text = NULL;

  if (self->context == NULL)
    return;

  store = sam_context_get_store (self->context);
  if (sam_store_is_empty (store))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "overview");

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rounds_list))) != NULL)
    gtk_list_box_remove (self->rounds_list, child);

  rounds = sam_store_list_rounds (store, &error);
  if (rounds == NULL)
    {
      g_warning ("Could not list the rounds: %s", error->message);
      return;
    }
  for (guint i = 0; i < rounds->len; i++)
    gtk_list_box_append (self->rounds_list,
                         create_round_row (g_ptr_array_index (rounds, i),
                                           sam_store_get_own_clinic (store) != 0));

  if (sam_store_get_summary (store, &summary, NULL))
    {
      clinic_text = g_strdup_printf (ngettext ("%u clinic", "%u clinics", summary.n_clinics),
                                     summary.n_clinics);
      respondent_text = g_strdup_printf (ngettext ("%u respondent in all", "%u respondents in all",
                                                   summary.n_respondents),
                                         summary.n_respondents);
      /* Translators: "12 clinics, 150 respondents in all". */
      summary_text = g_strdup_printf (_("%s, %s"), clinic_text, respondent_text);
      gtk_label_set_text (self->summary_label, summary_text);
    }

  own_clinic = sam_store_get_own_clinic (store);
  clinics = sam_store_list_clinics (store, NULL);
  adw_action_row_set_subtitle (self->own_clinic_row,
                               _("None: this computer shows the cluster, as a coordinator’s does"));
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      SamClinic *clinic = g_ptr_array_index (clinics, i);

      if (clinic->id == own_clinic)
        {
          g_autofree char *text =
            g_strdup_printf (_("%s in %s"), clinic->code, clinic->cluster_name);

          adw_action_row_set_subtitle (self->own_clinic_row, text);
        }
    }
}

static void
sam_welcome_page_constructed (GObject *object)
{
  SamWelcomePage *self = (SamWelcomePage *) object;

  G_OBJECT_CLASS (sam_welcome_page_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (self->context));
  sam_context_follow_store (GTK_WIDGET (self), self->context,
                            G_CALLBACK (sam_welcome_page_refresh));
  sam_welcome_page_refresh (self);
}

static void
sam_welcome_page_dispose (GObject *object)
{
  SamWelcomePage *self = (SamWelcomePage *) object;

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (sam_welcome_page_parent_class)->dispose (object);
}

static void
sam_welcome_page_class_init (SamWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_welcome_page_constructed;
  object_class->dispose = sam_welcome_page_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_welcome_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWelcomePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SamWelcomePage, rounds_group);
  gtk_widget_class_bind_template_child (widget_class, SamWelcomePage, rounds_list);
  gtk_widget_class_bind_template_child (widget_class, SamWelcomePage, own_clinic_row);
  gtk_widget_class_bind_template_child (widget_class, SamWelcomePage, summary_label);
}

static void
sam_welcome_page_init (SamWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SamWelcomePage *
sam_welcome_page_new (SamContext *context)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_WELCOME_PAGE, "context", context, NULL);
}

/* Whether the page shows the welcome for a database with no data. */
gboolean
sam_welcome_page_is_empty (SamWelcomePage *self)
{
  g_return_val_if_fail (SAM_IS_WELCOME_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
