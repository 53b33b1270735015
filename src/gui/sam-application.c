/* sam-application.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-backups.h"
#include "sam-context.h"
#include "sam-dialogs.h"
#include "sam-demo.h"
#include "sam-paths.h"
#include "sam-preferences-window.h"
#include "sam-renderer.h"
#include "sam-window.h"

struct _SamApplication
{
  AdwApplication  parent_instance;

  char           *database;   /* from --database, or NULL for the user's own */
  gboolean        demo;       /* the window shows the demo database */
};

G_DEFINE_FINAL_TYPE (SamApplication, sam_application, ADW_TYPE_APPLICATION)

static void sam_application_show_window (SamApplication *self);

static GSettings *
sam_application_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the schema (an uninstalled build run by hand) the app keeps no settings
   * rather than aborting. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed; window size is not kept", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

static char *
database_path (SamApplication *self)
{
  if (self->demo)
    return sam_paths_get_demo_database ();
  return self->database ? g_strdup (self->database) : sam_paths_get_default_database ();
}

static SamContext *
sam_application_open_context (SamApplication  *self,
                              GError         **error)
{
  g_autofree char *path = database_path (self);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (self->demo)
    store = sam_demo_open (path, error);
  else
    store = sam_store_open (path, SAM_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return NULL;

  /* What the command line or another window commits shows here within two seconds; a
   * change waits a little for another writer before it fails. */
  sam_store_watch_other_writers (store, 2000);
  sam_store_set_busy_wait (store, 10, NULL, NULL);
  settings = sam_application_create_settings ();
  return sam_context_new (store, settings);
}

/* Opens a window on the database the app is set to; the old window goes once the new
 * one is up. */
static void
sam_application_show_window (SamApplication *self)
{
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(SamContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *window;

  context = sam_application_open_context (self, &error);
  window = sam_window_new (GTK_APPLICATION (self), context);
  if (context == NULL)
    {
      g_autofree char *path = database_path (self);
      g_autoptr(GPtrArray) backups = self->demo ? NULL : sam_backups_list (path);

      sam_window_show_open_error (window, error->message, backups != NULL && backups->len > 0);
    }

  gtk_window_present (GTK_WINDOW (window));
  if (old != NULL)
    gtk_window_destroy (old);

  /* The menu offers the way into the demo, or out of it. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "open-demo")),
                               !self->demo);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "leave-demo")),
                               self->demo);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "restore-backup")),
                               !self->demo);
}

static void
sam_application_activate (GApplication *app)
{
  SamApplication *self = SAM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    sam_application_show_window (self);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SamApplication *self = user_data;

  self->demo = TRUE;
  sam_application_show_window (self);
}

static void
leave_demo_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SamApplication *self = user_data;

  self->demo = FALSE;
  sam_application_show_window (self);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SamApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  SamContext *context =
    SAM_IS_WINDOW (window) ? sam_window_get_context (SAM_WINDOW (window)) : NULL;
  SamPreferencesWindow *preferences;

  if (context == NULL)
    return;

  preferences = sam_preferences_window_new (context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SamApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Samarbejde authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-icon", APP_ID,
                        "application-name", _("Samarbejde"),
                        "developer-name", "The Samarbejde authors",
                        "version", PACKAGE_VERSION,
                        "comments", _("Leadership, cooperation and collegial support in general "
                                      "practice, following the cluster package “Samarbejde og "
                                      "fællesskab” of KiAP (Kvalitet i Almen Praksis)."),
                        "website", "https://www.kiap.dk",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("The cluster package"),
                                                (const char *[]) {
                                                  "Gunver Lillevang",
                                                  "Heidi Bøgelund",
                                                  "KiAP https://www.kiap.dk",
                                                  NULL,
                                                });
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SamApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows (rather than quitting outright) lets each save what it holds. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (windows->data);
      windows = next;
    }
}

/* Restoring a backup */

typedef struct
{
  SamApplication *app;
  char           *backup;
  GtkWindow      *chooser;    /* the list of backups, hidden while the question is asked */
} Restore;

static void
restore_free (Restore *restore)
{
  if (restore->chooser != NULL)
    gtk_window_destroy (restore->chooser);
  g_clear_object (&restore->chooser);
  g_object_unref (restore->app);
  g_free (restore->backup);
  g_free (restore);
}

/**
 * sam_application_restore_backup:
 * @backup: the backup file to put in the database's place
 *
 * Closes the window and its database, puts the backup in its place (the file it replaces
 * kept as a backup too) and opens a window on it again.
 */
gboolean
sam_application_restore_backup (SamApplication  *self,
                                const char      *backup,
                                GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *replaced = NULL;
  GList *windows;

  g_return_val_if_fail (SAM_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (!self->demo, FALSE);

  path = database_path (self);
  /* The window holds the database open: it goes first, and the app holds itself meanwhile. */
  g_application_hold (G_APPLICATION (self));
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  if (!sam_backups_restore (path, backup, &replaced, error))
    {
      sam_application_show_window (self);
      g_application_release (G_APPLICATION (self));
      return FALSE;
    }
  sam_application_show_window (self);
  g_application_release (G_APPLICATION (self));
  return TRUE;
}

/* Once the question is gone: restoring closes every window, the question's too. */
static gboolean
restore_when_idle (gpointer user_data)
{
  Restore *restore = user_data;
  g_autoptr(GError) error = NULL;

  if (!sam_application_restore_backup (restore->app, restore->backup, &error))
    sam_dialogs_alert (gtk_application_get_active_window (GTK_APPLICATION (restore->app)),
                       _("The Backup Was Not Restored"), error->message);
  restore_free (restore);
  return G_SOURCE_REMOVE;
}

static void
on_restore_confirmed (gboolean confirmed,
                      gpointer user_data)
{
  Restore *restore = user_data;

  /* The list goes while the window it belongs to is still there. */
  gtk_window_destroy (restore->chooser);
  g_clear_object (&restore->chooser);
  if (confirmed)
    g_idle_add (restore_when_idle, restore);
  else
    restore_free (restore);
}

static char *
describe_backup (const SamBackup *backup)
{
  if (!backup->readable)
    return g_strdup (_("Cannot be read"));
  /* Translators: what a backup holds, e.g. "2 rounds, 35 respondents". */
  return g_strdup_printf ("%s, %s",
                          g_dngettext (GETTEXT_PACKAGE, "%u round", "%u rounds", backup->n_rounds),
                          g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents",
                                       backup->n_respondents));
}

static char *
backup_title (const SamBackup *backup)
{
  g_autofree char *when = g_date_time_format (backup->when, "%x %X");

  switch (backup->kind)
    {
    case SAM_BACKUP_UPGRADE:
      /* Translators: %s is a date and time. */
      return g_strdup_printf (_("%s, before an upgrade"), when);
    case SAM_BACKUP_REPLACED:
      /* Translators: %s is a date and time. */
      return g_strdup_printf (_("%s, replaced by a restore"), when);
    case SAM_BACKUP_DAILY:
    default:
      return g_steal_pointer (&when);
    }
}

/* The list's restore buttons name their backup as the target of its backups.restore
 * action: the backup's file and its title. */
typedef struct
{
  SamApplication *app;
  GtkWindow      *list;    /* the list's window, which holds the action */
} Backups;

static void
backups_free (gpointer data,
              GClosure *closure)
{
  Backups *backups = data;

  g_object_unref (backups->app);
  g_free (backups);
}

static void
on_restore_activate (GSimpleAction *action,
                     GVariant      *parameter,
                     Backups       *backups)
{
  SamApplication *self = backups->app;
  GtkWindow *chooser = backups->list;
  const char *backup, *title;
  Restore *restore = g_new0 (Restore, 1);
  g_autofree char *heading = NULL;

  g_variant_get (parameter, "(&s&s)", &backup, &title);
  heading = g_strdup_printf (_("Restore the Backup of %s?"), title);
  restore->app = g_object_ref (self);
  restore->backup = g_strdup (backup);
  restore->chooser = g_object_ref (chooser);
  gtk_widget_set_visible (GTK_WIDGET (chooser), FALSE);
  sam_dialogs_confirm (gtk_application_get_active_window (GTK_APPLICATION (self)), heading,
                       _("The database takes the place of the one in use now, and what was "
                         "added since the backup is no longer shown. The database in use now is "
                         "kept as a backup too, so this can be undone by restoring that one."),
                       _("_Restore"), TRUE, on_restore_confirmed, restore);
}

/**
 * sam_application_show_backups:
 *
 * Lists the database's backups, newest first, with their date and what they hold, each
 * with a button that restores it after asking.
 *
 * Returns: (transfer none): the list's window
 */
GtkWindow *
sam_application_show_backups (SamApplication *self)
{
  g_autofree char *path = database_path (self);
  g_autoptr(GPtrArray) backups = sam_backups_list (path);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *body = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) restore = NULL;
  Backups *backups_data;

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  for (guint i = 0; i < backups->len; i++)
    {
      SamBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *title = backup_title (backup);
      g_autofree char *subtitle = describe_backup (backup);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, backup->readable);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", backup->path, title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  body = backups->len > 0
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "A copy of “%s” is kept before the first change of a "
                                         "day and before an upgrade; the last %u of a day are "
                                         "kept.",
                                         "A copy of “%s” is kept before the first change of a "
                                         "day and before an upgrade; the last %u of a day are "
                                         "kept.",
                                         SAM_BACKUPS_KEPT),
                            path, SAM_BACKUPS_KEPT)
         : g_strdup_printf (_("There is no backup of “%s” yet. One is kept before the first "
                              "change of a day."),
                            path);
  dialog = sam_dialogs_message_new (parent != NULL ? GTK_WIDGET (parent) : NULL,
                                    _("Restore a Backup"), body);
  backups_data = g_new0 (Backups, 1);
  backups_data->app = g_object_ref (self);
  backups_data->list = GTK_WINDOW (dialog);
  restore = g_simple_action_new ("restore", G_VARIANT_TYPE ("(ss)"));
  g_signal_connect_data (restore, "activate", G_CALLBACK (on_restore_activate), backups_data,
                         backups_free, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (restore));
  gtk_widget_insert_action_group (GTK_WIDGET (dialog), "backups", G_ACTION_GROUP (group));
  if (backups->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  sam_application_show_backups (user_data);
}

static const GActionEntry app_actions[] = {
  { "restore-backup", restore_backup_action },
  { "open-demo", open_demo_action },
  { "leave-demo", leave_demo_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
sam_application_startup (GApplication *app)
{
  static const char * const sections[] = {
    "overview", "questionnaire", "results", "meetings", "plan", "reflection", "support",
  };
  SamApplication *self = SAM_APPLICATION (app);

  G_APPLICATION_CLASS (sam_application_parent_class)->startup (app);
  sam_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-survey",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-results",
                                         (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  /* Alt and the section's place in the sidebar. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-section::%s", sections[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), action,
                                             (const char *[]) { accel, NULL });
    }

  gtk_window_set_default_icon_name (APP_ID);
}

static void
sam_application_finalize (GObject *object)
{
  SamApplication *self = (SamApplication *) object;

  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (sam_application_parent_class)->finalize (object);
}

static void
sam_application_class_init (SamApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sam_application_finalize;
  app_class->activate = sam_application_activate;
  app_class->startup = sam_application_startup;
}

static void
sam_application_init (SamApplication *self)
{
}

/**
 * sam_application_new:
 * @database: (nullable): the database file, or %NULL for the one in the user's data folder
 * @demo: whether to open the demo database instead
 *
 * An app on a database of its own choosing does not hand over to a running instance,
 * which would show another database.
 */
SamApplication *
sam_application_new (const char *database,
                     gboolean    demo)
{
  SamApplication *self;
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;

  if (database != NULL || demo)
    flags |= G_APPLICATION_NON_UNIQUE;

  self = g_object_new (SAM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
  self->database = g_strdup (database);
  self->demo = demo;
  return self;
}
