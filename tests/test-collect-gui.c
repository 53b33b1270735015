/* test-collect-gui.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sam-application.h"
#include "sam-collect-dialog.h"
#include "sam-qr.h"
#include "sam-qr-private.h"
#include "sam-store-testing.h"
#include "sam-window.h"
#include "test-collect-common.h"
#include "test-gui-common.h"

/* "Answer on Phones…" from the round's menu: a window with the address as a QR code a
 * phone reads and as text, the count of answers as they come in (never what), a warning
 * when the round is closed meanwhile, the A4 sheet, and the server gone with the window. */

static char *tmpdir;

typedef struct
{
  SamApplication *app;
  SamWindow      *window;
  SamStore       *store;
  gint64          round;
  gint64          clinic;
} Session;

static void
open_session (Session    *session,
              const char *name,
              gboolean    own_clinic)
{
  g_autofree char *path = g_build_filename (tmpdir, name, "samarbejde.db", NULL);
  g_autoptr(GError) error = NULL;
  gint64 cluster;

  session->app = sam_application_new (path, FALSE);
  test_unique_application_id (G_APPLICATION (session->app));
  g_application_register (G_APPLICATION (session->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (session->app));
  test_spin (20);
  session->window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (session->app)));
  session->store = sam_context_get_store (sam_window_get_context (session->window));

  g_assert_true (sam_store_ensure_cluster (session->store, "Klynge Syd", &cluster, NULL));
  g_assert_true (sam_store_ensure_clinic (session->store, cluster, "Klinik 3", NULL, &session->clinic, NULL));
  g_assert_true (sam_store_create_round (session->store, cluster, "Baseline 2026", "2026-03-01", &session->round,
                                         NULL));
  if (own_clinic)
    g_assert_true (sam_store_set_own_clinic (session->store, session->clinic, NULL));
  test_spin (10);
}

static void
close_session (Session *session)
{
  test_destroy_windows ();
  g_clear_object (&session->app);
}

static gint64
query (SamStore   *store,
       const char *sql)
{
  return sam_store_testing_query_int (store, sql);
}

static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
      if (section != NULL)
        collect_menu_actions (section, actions);
    }
}

static void
collect_actions (GtkWidget *widget,
                 GPtrArray *actions)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    collect_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), actions);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_actions (child, actions);
}

static gboolean
overview_offers (SamWindow  *window,
                 const char *name)
{
  GtkWidget *page = (GtkWidget *) sam_window_get_section_page (window, "overview");
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);

  collect_actions (page, actions);
  for (guint i = 0; i < actions->len; i++)
    if (g_str_equal (g_ptr_array_index (actions, i), name))
      return TRUE;
  return FALSE;
}

static GtkWidget *
child (SamCollectDialog *dialog,
       const char       *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), SAM_TYPE_COLLECT_DIALOG, name));
}

/* What a phone's camera reads from a picture, or NULL where zbarimg is not there. */
static char *
scan (const char *png)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autofree char *out = NULL;
  const char *argv[] = { "zbarimg", "--raw", "-q", png, NULL };
  int status = 0;

  if (zbarimg == NULL)
    {
      g_test_message ("zbarimg is not installed: the code is not read back");
      return NULL;
    }
  argv[0] = zbarimg;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strchomp (g_steal_pointer (&out));
}

typedef struct
{
  gboolean done;
  guint    status;
} Posted;

static void
on_posted (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Posted *posted = user_data;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  posted->done = TRUE;
}

static gboolean
posted_done (gpointer data)
{
  return ((Posted *) data)->done;
}

/* A phone answers, while the window goes on (the server runs on its main loop). */
static guint
answer_on_phone (const char *address,
                 const char *role,
                 const char *answers)
{
  g_autoptr(SoupSession) phone = test_phone_new ();
  g_autofree char *url = g_strdup_printf ("%s?role=%s", address, role);
  g_autoptr(TestResponse) form = test_get (phone, url, "da");
  g_autofree char *hidden = test_hidden_fields (form->body);
  g_autofree char *body = g_strconcat (hidden, "&", answers, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, address);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  Posted posted = { 0 };

  soup_message_set_request_body_from_bytes (msg, SOUP_FORM_MIME_TYPE_URLENCODED, bytes);
  soup_session_send_and_read_async (phone, msg, G_PRIORITY_DEFAULT, NULL, on_posted, &posted);
  test_spin_until (posted_done, &posted);
  g_assert_true (posted.done);
  test_spin (5);
  return soup_message_get_status (msg);
}

static void
test_answer_on_phones (void)
{
  Session session = { 0 };
  SamCollectDialog *dialog;
  SamCollect *collect;
  g_autofree char *address = NULL;
  gpointer weak;
  g_autofree char *png = g_build_filename (tmpdir, "qr.png", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "sheet.pdf", NULL);
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;
  int width = 0, height = 0;

  open_session (&session, "phones", TRUE);
  g_assert_true (overview_offers (session.window, "win.collect-answers"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (session.window), "collect-answers"));

  dialog = SAM_COLLECT_DIALOG (sam_collect_dialog_present_for_round (GTK_WINDOW (session.window), sam_window_get_context (session.window),
                                                 session.round, "127.0.0.1"));
  g_assert_nonnull (dialog);
  test_spin (20);
  collect = sam_collect_dialog_get_collect (dialog);
  g_assert_true (sam_collect_is_running (collect));
  address = g_strdup (sam_collect_get_address (collect));
  g_assert_true (g_str_has_prefix (address, "http://127.0.0.1:"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "address_label"))), ==, address);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "heading_label"))), ==,
                   "Round “Baseline 2026” · Klinik 3");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "No one has answered yet");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "network_label"))), "plain HTTP"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "network_label"))), "internet"));

  /* Large enough to scan across a table: at least 360 pixels, whole pixels a module. */
  width = gtk_widget_get_width (child (dialog, "qr_area"));
  height = gtk_widget_get_height (child (dialog, "qr_area"));
  g_assert_cmpint (MIN (width, height), >=, 360);
  g_assert_cmpuint (360 / sam_qr_count_modules (address), >=, 8);

  /* The code reads back as the address. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 360, 360);
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
    cairo_paint (cr);
    g_assert_true (sam_qr_draw (cr, address, 0, 0, 360, TRUE));
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    read = scan (png);
    if (read != NULL)
      g_assert_cmpstr (read, ==, address);
  }

  /* The window as it is on screen, saved for a look; its code reads back as well. */
  {
    g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    int w = gtk_widget_get_width (GTK_WIDGET (dialog));
    int h = gtk_widget_get_height (GTK_WIDGET (dialog));
    g_autoptr(GskRenderNode) node = NULL;
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *shot = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : tmpdir,
                                              "collect-dialog.png", NULL);
    g_autofree char *on_screen = NULL;

    gdk_paintable_snapshot (paintable, snapshot, w, h);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (dialog)), node,
                                           &GRAPHENE_RECT_INIT (0, 0, w, h));
    g_assert_true (gdk_texture_save_to_png (texture, shot));
    on_screen = scan (shot);
    if (on_screen != NULL)
      g_assert_cmpstr (on_screen, ==, address);
  }

  /* Answers come in: the count, never what. */
  g_assert_cmpuint (answer_on_phone (address, "staff", "q5a=1&q6a=2"), ==, 200);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "1 person has answered");
  g_assert_cmpuint (answer_on_phone (address, "partner", "q1=2&q10a=9"), ==, 200);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "2 people have answered");
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM respondents WHERE source = 'app'"), ==, 2);
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM answers"), ==, 4);

  /* The sheet for the staff room: one A4 page with the code and the address. */
  g_assert_true (sam_collect_dialog_export_sheet (dialog, pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *info = NULL;
    g_autofree char *text = NULL;
    g_autofree char *prefix = g_build_filename (tmpdir, "sheet", NULL);
    g_autofree char *sheet_png = g_build_filename (tmpdir, "sheet.png", NULL);
    const char *pdfinfo[] = { "pdfinfo", pdf, NULL };
    const char *pdftotext[] = { "pdftotext", pdf, "-", NULL };
    const char *pdftoppm[] = { "pdftoppm", "-png", "-r", "100", "-singlefile", pdf, prefix, NULL };
    g_autofree char *sheet_read = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) pdfinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL,
                                 NULL));
    g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
    g_assert_true (g_regex_match_simple ("Page size: +595\\.\\d* x 841\\.\\d* pts \\(A4\\)", info, 0, 0));
    g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, NULL,
                                 NULL));
    g_assert_nonnull (strstr (text, address));
    g_assert_nonnull (strstr (text, "Baseline 2026"));
    g_assert_true (g_spawn_sync (NULL, (char **) pdftoppm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                                 NULL));
    sheet_read = scan (sheet_png);
    if (sheet_read != NULL)
      g_assert_cmpstr (sheet_read, ==, address);
  }

  /* One round at a time: the action shows the same window again. */
  g_assert_true (sam_collect_dialog_present_for_round (GTK_WINDOW (session.window), sam_window_get_context (session.window),
                                                 session.round, "127.0.0.1") == GTK_WINDOW (dialog));

  /* Closed in the window meanwhile: the window says so. */
  g_assert_false (gtk_widget_get_visible (child (dialog, "closed_label")));
  g_assert_true (sam_store_set_round_closed (session.store, session.round, TRUE, NULL));
  test_spin (5);
  g_assert_true (gtk_widget_get_visible (child (dialog, "closed_label")));
  g_assert_cmpuint (answer_on_phone (address, "staff", "q5a=1"), ==, 400);
  g_assert_cmpint (query (session.store, "SELECT count(*) FROM respondents WHERE source = 'app'"), ==, 2);

  /* Closing the window stops the server. */
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_close (GTK_WINDOW (dialog));
  test_spin_until (test_pointer_is_null, &weak);
  g_assert_null (weak);
  {
    g_autoptr(GSocketClient) client = g_socket_client_new ();
    g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_uri (client, address, 80, NULL, &error);

    g_assert_null (connection);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  }

  close_session (&session);
}

/* A round that cannot take phones' answers gets no server, and says why. */
static void
test_refusals (void)
{
  Session session = { 0 };
  GtkWindow *alert;

  /* A computer that belongs to no clinic is not offered it, and the action explains. */
  open_session (&session, "no-clinic", FALSE);
  g_assert_false (overview_offers (session.window, "win.collect-answers"));
  alert = sam_collect_dialog_present_for_round (GTK_WINDOW (session.window), sam_window_get_context (session.window),
                                                 session.round, "127.0.0.1");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (alert));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (alert)), ==, "Which Clinic Is This Computer’s?");
  gtk_window_destroy (alert);

  /* A closed round neither. */
  g_assert_true (sam_store_set_own_clinic (session.store, session.clinic, NULL));
  g_assert_true (sam_store_set_round_closed (session.store, session.round, TRUE, NULL));
  test_spin (10);
  g_assert_false (overview_offers (session.window, "win.collect-answers"));
  alert = sam_collect_dialog_present_for_round (GTK_WINDOW (session.window), sam_window_get_context (session.window),
                                                 session.round, "127.0.0.1");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (alert));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (alert)), ==, "The Round Is Closed");
  gtk_window_destroy (alert);

  /* Where it cannot listen, the window says why and prints nothing. */
  g_assert_true (sam_store_set_round_closed (session.store, session.round, FALSE, NULL));
  test_spin (10);
  g_assert_true (overview_offers (session.window, "win.collect-answers"));
  {
    SamCollectDialog *dialog = SAM_COLLECT_DIALOG (sam_collect_dialog_present_for_round (GTK_WINDOW (session.window), sam_window_get_context (session.window),
                                                 session.round,
                                                                                         "no.such.address"));

    g_assert_false (sam_collect_is_running (sam_collect_dialog_get_collect (dialog)));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack"))), ==, "error");
    g_assert_false (gtk_widget_get_sensitive (child (dialog, "print_button")));
  }

  close_session (&session);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  TEST_GUI_INIT (&argc, &argv, &tmpdir);

  g_test_add_func ("/collect-gui/answer-on-phones", test_answer_on_phones);
  g_test_add_func ("/collect-gui/refusals", test_refusals);

  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
