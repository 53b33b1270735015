/* test-window.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "sam-application.h"
#include "sam-backups.h"
#include "sam-meeting-start-dialog.h"
#include "sam-new-round-dialog.h"
#include "sam-preferences-window.h"
#include "sam-renderer.h"
#include "sam-support-page.h"
#include "sam-support-page-private.h"
#include "sam-welcome-page.h"
#include "sam-welcome-page-private.h"
#include "sam-window.h"
#include "sam-window-private.h"
#include "test-gui-common.h"

/* The window on an empty database, on the demo, and on a file it cannot open. Warnings and
 * criticals are fatal in these tests (G_DEBUG=fatal-warnings), so a test that opens a window
 * also fails on any warning on the terminal. */

static char *tmpdir;

static SamWindow *
open_window (SamApplication *app)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  test_unique_application_id (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SAM_IS_WINDOW (window));
  test_spin (50);
  return SAM_WINDOW (window);
}

static SamWelcomePage *
get_welcome_page (SamWindow *window)
{
  return SAM_WELCOME_PAGE (sam_window_get_section_page (window, "overview"));
}

static void
close_app (SamApplication *app)
{
  test_destroy_windows ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
test_empty_database (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);
  GtkRevealer *demo_revealer;

  g_assert_cmpstr (sam_window_get_section (window), ==, "overview");
  g_assert_true (sam_welcome_page_is_empty (get_welcome_page (window)));
  demo_revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), SAM_TYPE_WINDOW,
                                                               "demo_revealer"));
  g_assert_false (gtk_revealer_get_reveal_child (demo_revealer));
  g_assert_cmpint (test_file_mode (path), ==, 0600);

  /* The menu offers the demo, not a way out of it. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-demo"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "leave-demo"));

  close_app (app);
}

static void
test_first_round (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "first", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);
  SamNewRoundDialog *dialog;
  g_autoptr(GPtrArray) rounds = NULL;
  AdwEntryRow *cluster_row;
  SamStore *store = sam_context_get_store (sam_window_get_context (window));

  g_action_group_activate_action (G_ACTION_GROUP (window), "new-round", NULL);
  test_spin (10);
  dialog = SAM_NEW_ROUND_DIALOG (test_find_toplevel (SAM_TYPE_NEW_ROUND_DIALOG));
  g_assert_nonnull (dialog);

  /* No cluster yet: nothing can be created until it has a name. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  cluster_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), SAM_TYPE_NEW_ROUND_DIALOG,
                                                              "cluster_row"));
  /* Nor with a name a spreadsheet would run as a formula: the dialog says why. */
  gtk_editable_set_text (GTK_EDITABLE (cluster_row), "@Klynge");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cluster_row), "error"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "“@Klynge” cannot be a name"));
  gtk_editable_set_text (GTK_EDITABLE (cluster_row), "Klynge Vest");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cluster_row), "error"));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "A round is one"));

  test_respond (ADW_MESSAGE_DIALOG (dialog), "create");

  rounds = sam_store_list_rounds (store, NULL);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_cmpstr (((SamRound *) g_ptr_array_index (rounds, 0))->cluster_name, ==, "Klynge Vest");
  g_assert_true (g_str_has_prefix (((SamRound *) g_ptr_array_index (rounds, 0))->label, "Baseline "));
  g_assert_false (sam_welcome_page_is_empty (get_welcome_page (window)));

  /* A second round with the same name is not offered. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-round", NULL);
  test_spin (10);
  dialog = SAM_NEW_ROUND_DIALOG (test_find_toplevel (SAM_TYPE_NEW_ROUND_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cluster_row = ADW_ENTRY_ROW (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), SAM_TYPE_NEW_ROUND_DIALOG, "cluster_row")))),
                   ==, "Klynge Vest");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      SAM_TYPE_NEW_ROUND_DIALOG,
                                                                      "label_row")),
                         ((SamRound *) g_ptr_array_index (rounds, 0))->label);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");

  close_app (app);
}

static void
test_demo_database (void)
{
  g_autoptr(SamApplication) app = sam_application_new (NULL, TRUE);
  SamWindow *window = open_window (app);
  GtkRevealer *demo_revealer;
  GtkWidget *rounds_list;
  guint n_rows = 0;

  g_assert_true (sam_context_is_demo (sam_window_get_context (window)));
  demo_revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), SAM_TYPE_WINDOW,
                                                               "demo_revealer"));
  g_assert_true (gtk_revealer_get_reveal_child (demo_revealer));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Demo"));

  g_assert_false (sam_welcome_page_is_empty (get_welcome_page (window)));
  rounds_list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (get_welcome_page (window)),
                                                          SAM_TYPE_WELCOME_PAGE, "rounds_list"));
  for (GtkWidget *row = gtk_widget_get_first_child (rounds_list); row; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 2);

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-demo"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "leave-demo"));

  close_app (app);
}

static void
test_into_demo_and_back (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "switch", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);

  g_assert_false (sam_context_is_demo (sam_window_get_context (window)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  test_spin (20);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (sam_context_is_demo (sam_window_get_context (window)));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  g_action_group_activate_action (G_ACTION_GROUP (app), "leave-demo", NULL);
  test_spin (20);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_false (sam_context_is_demo (sam_window_get_context (window)));
  g_assert_cmpstr (sam_store_get_path (sam_context_get_store (sam_window_get_context (window))), ==, path);

  close_app (app);
}

static void
test_unreadable_database (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "letter.db", NULL);
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  SamWindow *window;
  AdwStatusPage *error_page;

  test_write_file (path, "Kære kollega, dette er et brev og ikke en database.\n", -1);
  before = test_read_file (path);

  app = sam_application_new (path, FALSE);
  window = open_window (app);
  g_assert_null (sam_window_get_context (window));
  g_assert_null (sam_window_get_section (window));
  error_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), SAM_TYPE_WINDOW,
                                                               "error_page"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_page)));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), path));

  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  close_app (app);
}

/* A database with a few answers, and a backup of it as it was with fewer. */
static void
make_damaged_with_backup (const char *path,
                          char      **backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_new (path, &error);
  gint64 cluster, round, clinic;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_true (sam_store_ensure_cluster (store, "Klynge Syd", &cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "Klinik 1", NULL, &clinic, NULL));
  g_assert_true (sam_store_create_round (store, cluster, "Baseline 2026", "2026-03-01", &round, NULL));
  for (guint i = 0; i < 40; i++)
    g_assert_true (sam_store_add_respondent (store, round, clinic, SAM_ROLE_STAFF, NULL, 0, NULL, NULL));
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  *backup = sam_backups_write (db, path, SAM_BACKUP_DAILY, 0, &error);
  g_assert_no_error (error);
  sqlite3_close (db);

  test_damage_last_page (path);
}

/* A damaged database is not opened: the page says so, names the file, and offers the
 * backups; restoring one (after asking) opens it, and keeps the damaged file as well. */
static void
test_damaged_database (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "damaged", NULL);
  g_autofree char *path = g_build_filename (dir, "samarbejde.db", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  SamWindow *window;
  AdwStatusPage *error_page;
  GtkWidget *restore_button;
  GtkWindow *list;
  GtkWidget *row_button;
  SamStoreSummary summary = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  make_damaged_with_backup (path, &backup);
  before = test_read_file (path);

  app = sam_application_new (path, FALSE);
  window = open_window (app);
  g_assert_null (sam_window_get_context (window));
  error_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), SAM_TYPE_WINDOW,
                                                               "error_page"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_page)));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), path));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "damaged"));
  restore_button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), SAM_TYPE_WINDOW, "restore_button");
  g_assert_true (gtk_widget_get_visible (restore_button));
  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  /* The list of backups, with what each holds. */
  list = sam_application_show_backups (app);
  test_spin (5);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (list)), path));
  row_button = test_find_button (GTK_WIDGET (list), "_Restore…");
  g_assert_nonnull (row_button);
  g_signal_emit_by_name (row_button, "clicked");
  test_spin (5);
  /* Asked first, then restored: the window opens on it. */
  test_respond (ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "confirm");
  test_spin (20);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (sam_window_get_context (window));
  g_assert_true (sam_store_get_summary (sam_context_get_store (sam_window_get_context (window)), &summary, NULL));
  g_assert_cmpuint (summary.n_respondents, ==, 40);

  /* The damaged file is kept beside it, as a backup too. */
  backups = sam_backups_list (path);
  g_assert_cmpuint (backups->len, ==, 2);
  close_app (app);
}

/* The window on a database another program holds, and on one that cannot be there: never
 * a crash; the one opens, the other says what is wrong, naming the file. */
static void
test_locked_and_missing (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "locked", NULL);
  g_autofree char *path = g_build_filename (dir, "samarbejde.db", NULL);
  /* A folder that cannot be: under a file. */
  g_autofree char *blocker = g_build_filename (tmpdir, "a-file", NULL);
  g_autofree char *missing = g_build_filename (blocker, "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *window;
  AdwStatusPage *error_page;
  sqlite3 *holder = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_object_unref (sam_store_new (path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE; INSERT INTO clusters (name) VALUES ('X')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  app = sam_application_new (path, FALSE);
  window = open_window (app);
  g_assert_nonnull (sam_window_get_context (window));
  g_assert_cmpstr (sam_window_get_section (window), ==, "overview");
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  close_app (app);
  g_clear_object (&app);

  test_write_file (blocker, "not a folder", -1);
  app = sam_application_new (missing, FALSE);
  window = open_window (app);
  g_assert_null (sam_window_get_context (window));
  error_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), SAM_TYPE_WINDOW,
                                                               "error_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  close_app (app);
}

static void
test_sections (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "sections", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);
  GtkListBox *sidebar;
  GtkListBoxRow *row;
  GtkStack *stack;

  sidebar = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), SAM_TYPE_WINDOW, "sidebar_list"));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), SAM_TYPE_WINDOW, "section_stack"));

  /* A section's page is made when it is first shown, not before. */
  g_assert_nonnull (adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (stack, "overview"))));
  for (const char *const *name = (const char *const[]) { "results", "meetings", "plan", NULL }; *name; name++)
    g_assert_null (adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (stack, *name))));

  row = gtk_list_box_get_row_at_index (sidebar, 6);
  g_signal_emit_by_name (sidebar, "row-activated", row);
  g_assert_cmpstr (sam_window_get_section (window), ==, "support");
  row = gtk_list_box_get_row_at_index (sidebar, 2);
  g_signal_emit_by_name (sidebar, "row-activated", row);
  g_assert_cmpstr (sam_window_get_section (window), ==, "results");
  row = gtk_list_box_get_row_at_index (sidebar, 1);
  g_signal_emit_by_name (sidebar, "row-activated", row);
  g_assert_cmpstr (sam_window_get_section (window), ==, "questionnaire");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == row);

  /* The keyboard shortcut's action goes back, and the sidebar follows. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section", g_variant_new_string ("overview"));
  g_assert_cmpstr (sam_window_get_section (window), ==, "overview");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 0));
  g_assert_nonnull (adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (stack, "results"))));
  g_assert_null (adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (stack, "meetings"))));

  /* Results' "where to start" opens a meeting's start dialog from elsewhere. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "start-meeting", g_variant_new_string ("doctors-leadership"));
  test_spin (20);
  g_assert_cmpstr (sam_window_get_section (window), ==, "meetings");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 3));
  g_assert_nonnull (test_find_toplevel (SAM_TYPE_MEETING_START_DIALOG));
  g_assert_true (gtk_window_get_transient_for (test_find_toplevel (SAM_TYPE_MEETING_START_DIALOG)) == GTK_WINDOW (window));

  close_app (app);
}

/* The windows the menu and the shortcuts open come up without a warning. */
static void
test_secondary_windows (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "menus", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  test_spin (20);
  g_assert_nonnull (test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  test_spin (20);
  g_assert_nonnull (test_find_toplevel (SAM_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_window_get_transient_for (test_find_toplevel (SAM_TYPE_PREFERENCES_WINDOW)) ==
                 GTK_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  test_spin (20);
  g_assert_nonnull (test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  close_app (app);
}

/* The window keeps its size in the settings, and the app's icons are there to draw. */
static void
test_size_and_icons (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "size", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);
  GSettings *settings = sam_context_get_settings (sam_window_get_context (window));
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GdkTexture) icon = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  test_spin (20);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  g_assert_true (gtk_icon_theme_has_icon (theme, "org.kiap.Samarbejde"));
  g_assert_true (gtk_icon_theme_has_icon (theme, "org.kiap.Samarbejde-symbolic"));
  icon = gdk_texture_new_from_resource ("/org/kiap/Samarbejde/icons/scalable/apps/org.kiap.Samarbejde.svg");
  g_assert_cmpint (gdk_texture_get_width (icon), >, 0);

  close_app (app);
}

static gboolean
contains (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
support_complete (gpointer page)
{
  return sam_support_page_is_complete (page);
}

static guint
count_hidden_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget) && !gtk_widget_is_visible (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_hidden_rows (child);
  return n;
}

/* The offers of the cluster package, by name, and no contact details anywhere. */
static void
test_support_page (void)
{
  GtkWidget *page = g_object_ref_sink (GTK_WIDGET (g_object_new (SAM_TYPE_SUPPORT_PAGE, NULL)));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) contact = g_regex_new ("@|www\\.|https?:|\\b\\d{2} ?\\d{2} ?\\d{2} ?\\d{2}\\b",
                                           0, 0, NULL);
  const char *expected[] = {
    "KGE module: Well-being and joy at work",
    "DGE module: Well-being and joy at work",
    "DGE module: Professional leadership",
    "SGE module: Professional leadership",
    "How to talk about well-being in the clinic",
    "How to talk about the clinic’s direction and values",
    "How to focus on cooperation in the clinic",
    "How the doctors’ group focuses on leadership",
    "KAP-H", "KAP-S", "KiP", "MidtKraft", "Nord-KAP", "Nord-POL",
    "New data for the follow-up",
  };

  /* The groups after the first come in one a frame after the page is first shown (its
   * first layout is then only the first group); soon after, every offer is there. */
  g_assert_false (sam_support_page_is_complete (SAM_SUPPORT_PAGE (page)));
  g_assert_cmpuint (count_hidden_rows (page), >, 0);
  gtk_window_set_default_size (window, 1270, 890);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  test_spin_until (support_complete, page);
  g_assert_true (sam_support_page_is_complete (SAM_SUPPORT_PAGE (page)));
  g_assert_cmpuint (count_hidden_rows (page), ==, 0);

  test_collect_rows (page, texts);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("offer: %s", expected[i]);
      g_assert_true (contains (texts, expected[i]));
    }

  /* The contacts are the package's own (seeds 002 and 004), and nothing made up: every
   * address or number on the page is one of these. */
  {
    const char *contacts[] = {
      "KiAP: phone 7196 8844", "support@kiap.dk", "www.kiap.dk", "www.læger.dk",
      "feap.au.dk/indsatsomraader/trivsel",
    };

    for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
      g_assert_true (contains (texts, contacts[i]));
    for (guint i = 0; i < texts->len; i++)
      {
        const char *text = g_ptr_array_index (texts, i);
        gboolean known = FALSE;

        for (guint c = 0; c < G_N_ELEMENTS (contacts); c++)
          known |= g_str_equal (text, contacts[c]);
        if (known)
          continue;
        g_assert_false (g_regex_match (contact, text, 0, NULL));
        /* Every offer is explained in a sentence. */
        if (i % 2 == 1)
          g_assert_cmpuint (strlen (text), >, 20);
      }
  }

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

static const char *
welcome_summary (SamWelcomePage *welcome)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (welcome),
                                                                       SAM_TYPE_WELCOME_PAGE,
                                                                       "summary_label")));
}

/* The section shown follows the store's changes at once; one not shown, when it is shown
 * next, not at each write (every write would otherwise refresh every page built). */
static void
test_hidden_pages_wait (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "hidden", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = sam_application_new (path, FALSE);
  SamWindow *window = open_window (app);
  SamStore *store = sam_context_get_store (sam_window_get_context (window));
  SamWelcomePage *welcome = get_welcome_page (window);
  g_autoptr(GError) error = NULL;
  gint64 cluster, clinic;

  g_assert_true (sam_welcome_page_is_empty (welcome));
  g_assert_true (sam_store_ensure_cluster (store, "Klynge Vest", &cluster, &error));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "V1", "Klinik V1", &clinic, &error));
  g_assert_no_error (error);
  test_spin (5);
  g_assert_false (sam_welcome_page_is_empty (welcome));
  g_assert_cmpstr (welcome_summary (welcome), ==, "1 clinic, 0 respondents in all");

  sam_window_show_section (window, "support");
  test_spin (20);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (welcome)));
  g_assert_true (sam_store_ensure_clinic (store, cluster, "V2", "Klinik V2", &clinic, &error));
  g_assert_no_error (error);
  test_spin (5);
  g_assert_cmpstr (welcome_summary (welcome), ==, "1 clinic, 0 respondents in all");

  sam_window_show_section (window, "overview");
  test_spin (20);
  g_assert_cmpstr (welcome_summary (welcome), ==, "2 clinics, 0 respondents in all");

  close_app (app);
}

/* GL_RENDERER as Mesa and the drivers name themselves: only the software rasterizers count
 * as software (a virtual machine's GPU, virgl or SVGA3D, is not one). */
static void
test_renderer_names (void)
{
  const char *software[] = {
    "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Software Rasterizer",
    "SWR (LLVM 6.0.0, 256 bits)", "LLVMPIPE (LLVM 11.0.1, 128 bits)",
  };
  const char *hardware[] = {
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, "
    "DRM 3.49, 6.1.0-13-amd64)", "virgl", "SVGA3D; build: RELEASE;  LLVM;", "NVIDIA GeForce GTX 1050/PCIe/SSE2",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    g_assert_true (sam_renderer_is_software_gl (software[i]));
  for (guint i = 0; i < G_N_ELEMENTS (hardware); i++)
    g_assert_false (sam_renderer_is_software_gl (hardware[i]));
  g_assert_false (sam_renderer_is_software_gl (NULL));
}

/* The app's window is drawn with cairo where OpenGL is a software rasterizer, where a full
 * frame costs several times as long with OpenGL (README, Speed), and with OpenGL where
 * there is a graphics card. A GSK_RENDERER the user set wins (run in a child process, since
 * GTK reads it once). */
static void
test_renderer (void)
{
  g_autofree char *gl = sam_renderer_probe_gl (gdk_display_get_default ());
  g_autofree char *path = g_build_filename (tmpdir, "renderer", "samarbejde.db", NULL);
  g_autoptr(SamApplication) app = NULL;
  SamWindow *window;

  if (g_test_subprocess ())
    {
      g_setenv ("GSK_RENDERER", "gl", TRUE);
      app = sam_application_new (path, FALSE);
      window = open_window (app);
      g_assert_cmpstr (sam_renderer_describe (GTK_NATIVE (window)), ==, "GskGLRenderer");
      close_app (app);
      return;
    }

  g_test_message ("OpenGL here: %s", gl != NULL ? gl : "none");
  g_assert_null (g_getenv ("GSK_RENDERER"));
  app = sam_application_new (path, FALSE);
  window = open_window (app);
  if (gl == NULL || sam_renderer_is_software_gl (gl))
    g_assert_cmpstr (sam_renderer_describe (GTK_NATIVE (window)), ==, "GskCairoRenderer");
  else
    g_assert_cmpstr (sam_renderer_describe (GTK_NATIVE (window)), !=, "GskCairoRenderer");
  close_app (app);

  if (gl == NULL)
    return;
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/window/empty-database", test_empty_database);
  g_test_add_func ("/window/first-round", test_first_round);
  g_test_add_func ("/window/demo-database", test_demo_database);
  g_test_add_func ("/window/into-demo-and-back", test_into_demo_and_back);
  g_test_add_func ("/window/unreadable-database", test_unreadable_database);
  g_test_add_func ("/window/damaged-database", test_damaged_database);
  g_test_add_func ("/window/locked-and-missing", test_locked_and_missing);
  g_test_add_func ("/window/sections", test_sections);
  g_test_add_func ("/window/support-page", test_support_page);
  g_test_add_func ("/window/hidden-pages-wait", test_hidden_pages_wait);
  g_test_add_func ("/window/renderer-names", test_renderer_names);
  g_test_add_func ("/window/renderer", test_renderer);
  g_test_add_func ("/window/secondary-windows", test_secondary_windows);
  g_test_add_func ("/window/size-and-icons", test_size_and_icons);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
