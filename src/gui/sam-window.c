/* sam-window.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-collect-dialog.h"
#include "sam-new-round-dialog.h"
#include "sam-round-clinics.h"
#include "sam-support-page.h"
#include "sam-welcome-page.h"
#include "sam-window-private.h"


G_DEFINE_FINAL_TYPE (SamWindow, sam_window, ADW_TYPE_APPLICATION_WINDOW)
SAM_DEFINE_CONTEXT_PROPERTY (SamWindow, sam_window)


static void
sam_window_update_title (SamWindow *self)
{
  GtkStackPage *page;
  const char *name = gtk_stack_get_visible_child_name (self->section_stack);

  page =
    gtk_stack_get_page (self->section_stack, gtk_stack_get_visible_child (self->section_stack));
  adw_window_title_set_title (self->content_title, page ? gtk_stack_page_get_title (page) : "");

  /* Keep the sidebar's selection in step with the section shown. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
on_sidebar_row_activated (SamWindow     *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  sam_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A row chosen without activating it (arrow keys, or a screen reader's selection)
 * shows its section too; only activating it moves a folded window on to the content. */
static void
on_sidebar_row_selected (SamWindow     *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  if (row != NULL)
    sam_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_back_clicked (SamWindow *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* A section's page is made the first time it is shown, so a start builds, measures and
 * fills only the page in front: the others cost nothing until they are visited. */
static GtkWidget *
ensure_section_page (SamWindow  *self,
                     const char *name)
{
  GtkWidget *bin = gtk_stack_get_child_by_name (self->section_stack, name);
  GtkWidget *page = NULL;

  if (bin == NULL || self->context == NULL)
    return NULL;
  if (adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return adw_bin_get_child (ADW_BIN (bin));

  if (g_str_equal (name, "overview"))
    {
      self->welcome_page = sam_welcome_page_new (self->context);
      page = GTK_WIDGET (self->welcome_page);
    }
  else if (g_str_equal (name, "questionnaire"))
    {
      self->questionnaire_view = sam_questionnaire_view_new (self->context);
      page = GTK_WIDGET (self->questionnaire_view);
    }
  else if (g_str_equal (name, "results"))
    {
      self->results_page = sam_results_page_new (self->context);
      page = GTK_WIDGET (self->results_page);
    }
  else if (g_str_equal (name, "support"))
    page = g_object_new (SAM_TYPE_SUPPORT_PAGE, NULL);
  else if (g_str_equal (name, "meetings"))
    {
      self->meetings_page = sam_meetings_page_new (self->context);
      page = GTK_WIDGET (self->meetings_page);
    }
  else if (g_str_equal (name, "plan"))
    {
      self->plan_page = sam_plan_page_new (self->context);
      page = GTK_WIDGET (self->plan_page);
    }
  else if (g_str_equal (name, "reflection"))
    {
      self->reflection_page = sam_reflection_page_new (self->context);
      page = GTK_WIDGET (self->reflection_page);
    }
  g_return_val_if_fail (page != NULL, NULL);

  adw_bin_set_child (ADW_BIN (bin), page);
  return page;
}

static void
on_section_changed (SamWindow  *self,
                    GParamSpec *pspec,
                    GtkStack   *stack)
{
  const char *name = gtk_stack_get_visible_child_name (stack);

  if (name != NULL)
    ensure_section_page (self, name);
  sam_window_update_title (self);
}

/* Actions */

static void
show_section_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SamWindow *self = user_data;

  sam_window_show_section (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
new_round_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SamWindow *self = user_data;
  SamNewRoundDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = sam_new_round_dialog_new (GTK_WINDOW (self), self->context);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
round_clinics_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SamWindow *self = user_data;

  if (self->context != NULL)
    sam_round_clinics_dialog_show (GTK_WINDOW (self), self->context,
                                   g_variant_get_int64 (parameter));
}

/* Starts a meeting from elsewhere in the window (Results' "where to start"): the
 * Meetings section opens with its start dialog for the template. */
static void
start_meeting_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SamWindow *self = user_data;

  if (self->context == NULL)
    return;
  gtk_stack_set_visible_child_name (self->section_stack, "meetings");
  ensure_section_page (self, "meetings");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  sam_meetings_page_ask_start (self->meetings_page, g_variant_get_string (parameter, NULL));
}

/* "Answer on Phones…" in a round's menu (the round's id). */
static void
collect_answers_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SamWindow *self = user_data;

  if (self->context != NULL)
    sam_collect_dialog_present_for_round (GTK_WINDOW (self), self->context,
                                          g_variant_get_int64 (parameter), NULL);
}

/* The one way anything in the window shows a toast (sam_dialogs_toast). */
static void
toast_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SamWindow *self = user_data;

  adw_toast_overlay_add_toast (self->toast_overlay, sam_dialogs_toast_from_variant (parameter));
}

static const GActionEntry win_actions[] = {
  { "show-section", show_section_action, "s" },
  { "toast", toast_action, "a{sv}" },
  { "collect-answers", collect_answers_action, "x" },
  { "start-meeting", start_meeting_action, "s" },
  { "new-round", new_round_action },
  { "round-clinics", round_clinics_action, "x" },
};

/* Life cycle */

static void
sam_window_constructed (GObject *object)
{
  SamWindow *self = (SamWindow *) object;
  GSettings *settings;

  G_OBJECT_CLASS (sam_window_parent_class)->constructed (object);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  _sam_window_install_file_actions (self);
  _sam_window_install_cluster_actions (self);
  _sam_window_install_round_actions (self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "collect-answers")),
                               self->context != NULL);

  if (self->context == NULL)
    return;

  ensure_section_page (self, gtk_stack_get_visible_child_name (self->section_stack));

  /* The demo is labelled wherever the window is, so it is never taken for real data. */
  if (sam_context_is_demo (self->context))
    {
      gtk_revealer_set_reveal_child (self->demo_revealer, TRUE);
      adw_window_title_set_subtitle (self->content_title, _("Demo data"));
      gtk_window_set_title (GTK_WINDOW (self), _("Samarbejde — Demo Data"));
    }

  settings = sam_context_get_settings (self->context);
  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  sam_window_update_title (self);
}

static void
sam_window_dispose (GObject *object)
{
  SamWindow *self = (SamWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->last_import, sam_survey_import_free);

  G_OBJECT_CLASS (sam_window_parent_class)->dispose (object);
}

static void
sam_window_class_init (SamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_window_constructed;
  object_class->dispose = sam_window_dispose;
  SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_window);

  g_type_ensure (SAM_TYPE_WELCOME_PAGE);
  g_type_ensure (SAM_TYPE_SUPPORT_PAGE);
  g_type_ensure (SAM_TYPE_QUESTIONNAIRE_VIEW);
  g_type_ensure (SAM_TYPE_MEETINGS_PAGE);
  g_type_ensure (SAM_TYPE_RESULTS_PAGE);
  g_type_ensure (SAM_TYPE_PLAN_PAGE);
  g_type_ensure (SAM_TYPE_REFLECTION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed);
}

static void
sam_window_init (SamWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sam_window_new:
 * @context: (nullable): what the window works on, or %NULL to show an error instead
 */
SamWindow *
sam_window_new (GtkApplication *application,
                SamContext     *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (context == NULL || SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * sam_window_get_context:
 *
 * Returns: (nullable) (transfer none): the context
 */
SamContext *
sam_window_get_context (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  return self->context;
}

/* A database that cannot be opened gets a clear page, never a crash or an overwrite. */
void
sam_window_show_open_error (SamWindow  *self,
                            const char *message,
                            gboolean    has_backups)
{
  g_autofree char *description = NULL;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  description = g_strdup_printf ("%s\n\n%s", message,
                                 has_backups
                                 ? _("Nothing in the file was changed. A backup of it can take its "
                                     "place, or you can explore the demo data.")
                                 : _("Nothing in the file was changed. You can still explore "
                                     "the demo data."));
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), has_backups);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

void
sam_window_show_section (SamWindow  *self,
                         const char *name)
{
  g_return_if_fail (SAM_IS_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->section_stack, name) == NULL)
    {
      g_warning ("There is no section “%s”", name);
      return;
    }
  gtk_stack_set_visible_child_name (self->section_stack, name);
}

/**
 * sam_window_get_section_page:
 * @name: a section's name ("overview", "questionnaire", "results", …)
 *
 * The page of a section, made now if it has not been visited yet.
 *
 * Returns: (nullable) (transfer none): the page, or %NULL where there is no such section
 *   or no database
 */
GtkWidget *
sam_window_get_section_page (SamWindow  *self,
                             const char *name)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return ensure_section_page (self, name);
}

const char *
sam_window_get_section (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return NULL;
  return gtk_stack_get_visible_child_name (self->section_stack);
}

void
sam_window_add_toast (SamWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (SAM_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
