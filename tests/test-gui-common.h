/* test-gui-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <libintl.h>
#include <locale.h>
#include <unistd.h>

#include "test-common.h"

/* Widget tests need a display; without one they skip rather than abort. The user's data
 * folder is a private temporary one, set before GTK starts, as GLib reads it only once. */
#define TEST_GUI_INIT(argc, argv, tmpdir)                                       \
  G_STMT_START {                                                                \
    if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))                 \
      {                                                                         \
        g_print ("1..0 # SKIP no display\n");                                   \
        return 0;                                                               \
      }                                                                         \
    *(tmpdir) = test_make_tmpdir ();                                            \
    g_setenv ("XDG_DATA_HOME", *(tmpdir), TRUE);                                \
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAMARBEJDE_LOCALEDIR"));        \
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");                         \
    gtk_test_init (argc, argv, NULL);                                           \
    adw_init ();                                                                \
    g_assert_cmpstr (g_get_user_data_dir (), ==, *(tmpdir));                    \
  } G_STMT_END

/* Runs the main loop until @done says so, for at most a few seconds: never forever,
 * since a mapped window keeps the frame clock busy. Under the sanitizers, whose build runs
 * several times slower, SAM_TEST_SLOWER (set by tests/meson.build) gives it that much
 * longer. */
static inline void
test_spin_until (gboolean (*done) (gpointer),
                 gpointer  data)
{
  const char *slower = g_getenv ("SAM_TEST_SLOWER");
  gint64 factor = slower != NULL ? CLAMP (g_ascii_strtoll (slower, NULL, 10), 1, 100) : 1;
  gint64 end = g_get_monotonic_time () + 5 * factor * G_USEC_PER_SEC;

  while ((done == NULL || !done (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static inline void
test_spin (guint iterations)
{
  for (guint i = 0; i < iterations; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The newest window of a given type among the toplevels, or NULL. */
static inline GtkWindow *
test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

/* The first widget of @type under @widget, depth first. */
static inline GtkWidget *
test_find_widget (GtkWidget *widget,
                  GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
test_pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static inline GtkWidget *
test_find_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Answers a message dialog as a person would, by its button, and waits until it is gone. */
static inline void
test_respond (AdwMessageDialog *dialog,
              const char       *response)
{
  gpointer weak = dialog;
  GtkWidget *button;

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  button = test_find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (button, "clicked");
  test_spin_until (test_pointer_is_null, &weak);
  g_assert_null (weak);
}

/* Gives an application an id of its own, so that several can live in one test process. */
static inline void
test_unique_application_id (GApplication *app)
{
  static guint counter;
  g_autofree char *id = g_strdup_printf ("org.kiap.Samarbejde.Test%u.P%d", ++counter, (int) getpid ());

  g_application_set_application_id (app, id);
}

static inline void
test_collect_rows (GtkWidget *widget,
                   GPtrArray *titles)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
      g_ptr_array_add (titles, g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    test_collect_rows (child, titles);
}

static inline void
test_destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  test_spin (20);
}
