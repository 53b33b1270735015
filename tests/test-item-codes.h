/* test-item-codes.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

/* Item codes ("q7c") belong in files only: nothing a person reads in the window shows one.
 * Walks a widget tree and fails on any label, and any choice of a combo row, that holds
 * "q" and a digit as a word. */

static inline gboolean
test_text_has_item_code (const char *text)
{
  static GRegex *regex;

  if (regex == NULL)
    regex = g_regex_new ("(?<![[:alnum:]_])[qQ][0-9]", G_REGEX_OPTIMIZE, 0, NULL);
  return text != NULL && g_regex_match (regex, text, 0, NULL);
}

static inline void
test_assert_text_without_item_code (const char *text)
{
  if (test_text_has_item_code (text))
    g_error ("An item code is shown in the window: “%s”", text);
}

/* Returns how many texts it looked at, so that a test can tell that it saw something. */
static inline guint
assert_no_item_code (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget))
    {
      test_assert_text_without_item_code (gtk_label_get_text (GTK_LABEL (widget)));
      n++;
    }
  if (ADW_IS_COMBO_ROW (widget))
    {
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (widget));

      for (guint i = 0; GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
        {
          test_assert_text_without_item_code (gtk_string_list_get_string (GTK_STRING_LIST (model), i));
          n++;
        }
    }
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    test_assert_text_without_item_code (gtk_widget_get_tooltip_text (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_no_item_code (child);
  return n;
}
