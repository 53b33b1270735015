/* sam-reference.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-reference"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-csv.h"
#include "sam-figures.h"
#include "sam-instrument.h"
#include "sam-names.h"
#include "sam-reference.h"
#include "sam-store-rows.h"

/* National reference figures come as a results file; its national rows become the
 * reference of their rounds, replacing any earlier one, and are kept as written. */

G_DEFINE_QUARK (sam-reference-error-quark, sam_reference_error)

enum
{
  COL_ROUND,
  COL_SCOPE,
  COL_ITEM,
  COL_N,
  COL_MEAN,
  COL_FAVOURABLE,
  COL_DISTRIBUTION,
  COL_SUPPRESSED,
  N_COLS
};

static const char *column_names[N_COLS] = {
  "round", "scope", "item", "n", "mean", "favourable", "distribution", "suppressed",
};

/* A national row; the store keeps it as it was read. */
typedef SamStoreFigureRow Row;

G_GNUC_PRINTF (5, 6)
static gboolean
fail (GError     **error,
      const char  *name,
      guint        line,
      const char  *column,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (column != NULL)
    g_set_error (error, SAM_REFERENCE_ERROR, SAM_REFERENCE_ERROR_INVALID, "%s:%u:%s: %s",
                 name, line, column, message);
  else
    g_set_error (error, SAM_REFERENCE_ERROR, SAM_REFERENCE_ERROR_INVALID, "%s:%u: %s",
                 name, line, message);
  return FALSE;
}

static gboolean
is_percentage (const char *text)
{
  char *end = NULL;
  double value;

  if (*text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  return *end == '\0' && value >= 0.0 && value <= 100.0;
}

/* Reads one national row's figures, checked against the item they belong to. */
static gboolean
read_row (SamCsvReader  *reader,
          const int     *columns,
          const char    *name,
          Row           *row,
          GError       **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  guint line = sam_csv_reader_get_line (reader);
  const char *values[N_COLS] = { 0 };
  g_autofree char *n_text = NULL;
  g_autofree char *suppressed = NULL;
  const SamItem *item;
  SamIndex index;
  guint n_codes = 0;

  for (guint c = 0; c < N_COLS; c++)
    {
      values[c] = "";
      if (columns[c] >= 0 && (guint) columns[c] < sam_csv_reader_get_n_fields (reader))
        values[c] = sam_csv_reader_get_field (reader, columns[c]);
    }

  row->round = g_strstrip (g_strdup (values[COL_ROUND]));
  row->item = g_strstrip (g_strdup (values[COL_ITEM]));
  row->mean = g_strstrip (g_strdup (values[COL_MEAN]));
  row->favourable = g_strstrip (g_strdup (values[COL_FAVOURABLE]));
  row->distribution = g_strstrip (g_strdup (values[COL_DISTRIBUTION]));

  if (*row->round == '\0')
    return fail (error, name, line, "round", _("the round is missing"));
  /* The label goes back out in the results file, where a spreadsheet would run it. */
  if (!sam_name_is_safe (values[COL_ROUND]))
    {
      g_autofree char *why = sam_name_explain_unsafe (values[COL_ROUND], TRUE);

      return fail (error, name, line, "round", "%s", why);
    }

  item = sam_instrument_lookup_item (instrument, row->item);
  if (item != NULL)
    n_codes = item->question->scale->options->len;
  else if (!sam_index_from_string (row->item, &index))
    return fail (error, name, line, "item", _("“%s” is neither an item nor an index"), row->item);

  n_text = g_strstrip (g_strdup (values[COL_N]));
  if (!g_ascii_string_to_signed (n_text, 10, 0, G_MAXINT32, &row->n, NULL))
    return fail (error, name, line, "n", _("“%s” is not a number of respondents"), n_text);

  suppressed = g_strstrip (g_strdup (values[COL_SUPPRESSED]));
  if (*suppressed == '\0' || g_str_equal (suppressed, "0"))
    row->suppressed = 0;
  else if (g_str_equal (suppressed, "1"))
    row->suppressed = 1;
  else
    return fail (error, name, line, "suppressed", _("“%s” is neither 0 nor 1"), suppressed);

  if (*row->mean != '\0' && !is_percentage (row->mean))
    return fail (error, name, line, "mean", _("“%s” is not a number from 0 to 100"), row->mean);
  if (*row->favourable != '\0' && !is_percentage (row->favourable))
    return fail (error, name, line, "favourable", _("“%s” is not a number from 0 to 100"),
                 row->favourable);

  /* Shares and distributions only where the item has them (the contract writes them empty
   * for the meetings scale and for indices). */
  if (item == NULL || !item->question->scale->has_favourable)
    *row->favourable = '\0';
  if (item == NULL)
    *row->distribution = '\0';
  else if (*row->distribution != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (row->distribution, "|", -1);

      if (g_strv_length (parts) != n_codes)
        return fail (error, name, line, "distribution",
                     _("the distribution has %u parts, but the item has %u answers"),
                     g_strv_length (parts), n_codes);
      for (guint i = 0; parts[i] != NULL; i++)
        if (!is_percentage (g_strstrip (parts[i])))
          return fail (error, name, line, "distribution", _("“%s” is not a number from 0 to 100"),
                       parts[i]);
    }

  if (row->n > 0 && row->suppressed == 0 && *row->mean == '\0')
    return fail (error, name, line, "mean", _("the mean is missing"));

  return TRUE;
}

/**
 * sam_reference_import:
 * @name: how the file is named in messages
 * @n_rows: (out) (optional): the national rows imported
 * @rounds: (out) (optional) (transfer full) (element-type utf8): the rounds they are for
 *
 * All or nothing: a file with an error anywhere changes nothing.
 */
gboolean
sam_reference_import (SamStore    *store,
                      const char  *name,
                      GBytes      *bytes,
                      guint       *n_rows,
                      GPtrArray  **rounds,
                      GError     **error)
{
  g_autoptr(SamCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (_sam_store_figure_row_free);
  g_autoptr(GPtrArray) round_list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen_rounds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  int columns[N_COLS];

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL && bytes != NULL, FALSE);

  reader = sam_csv_reader_new (bytes, &local_error);
  if (reader == NULL || !sam_csv_reader_next (reader, &local_error))
    {
      g_set_error (error, SAM_REFERENCE_ERROR, SAM_REFERENCE_ERROR_INVALID, "%s: %s", name,
                   local_error ? local_error->message : _("the file is empty"));
      return FALSE;
    }

  for (guint c = 0; c < N_COLS; c++)
    {
      columns[c] = -1;
      for (guint i = 0; i < sam_csv_reader_get_n_fields (reader); i++)
        {
          g_autofree char *field =
            g_strstrip (g_utf8_casefold (sam_csv_reader_get_field (reader, i), -1));

          if (g_str_equal (field, column_names[c]))
            columns[c] = i;
        }
      if (columns[c] < 0 && c <= COL_N)
        return fail (error, name, 1, NULL, _("the header has no “%s” column"), column_names[c]);
    }

  while (sam_csv_reader_next (reader, &local_error))
    {
      g_autofree char *scope = NULL;
      g_autofree char *key = NULL;
      Row *row;

      if ((guint) columns[COL_SCOPE] >= sam_csv_reader_get_n_fields (reader))
        continue;
      scope = g_strstrip (g_strdup (sam_csv_reader_get_field (reader, columns[COL_SCOPE])));
      if (!g_str_equal (scope, "national"))
        continue;

      row = g_new0 (Row, 1);
      g_ptr_array_add (rows, row);
      if (!read_row (reader, columns, name, row, error))
        return FALSE;

      key = g_strconcat (row->round, "\x1f", row->item, NULL);
      if (!g_hash_table_add (seen_rows, g_steal_pointer (&key)))
        return fail (error, name, sam_csv_reader_get_line (reader), "item",
                     _("round “%s” has item %s twice"), row->round, row->item);
      if (g_hash_table_add (seen_rounds, row->round))
        g_ptr_array_add (round_list, g_strdup (row->round));
    }
  if (local_error != NULL)
    {
      g_set_error (error, SAM_REFERENCE_ERROR, SAM_REFERENCE_ERROR_INVALID, "%s: %s", name,
                   local_error->message);
      return FALSE;
    }
  if (rows->len == 0)
    {
      g_set_error (error, SAM_REFERENCE_ERROR, SAM_REFERENCE_ERROR_INVALID,
                   _("%s: the file has no national rows"), name);
      return FALSE;
    }

  if (!sam_store_begin (store, error))
    return FALSE;
  if (!_sam_store_replace_reference (store, round_list, rows, error))
    {
      sam_store_rollback (store);
      return FALSE;
    }
  if (!sam_store_commit (store, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = rows->len;
  if (rounds != NULL)
    *rounds = g_steal_pointer (&round_list);
  return TRUE;
}

/**
 * sam_reference_list_rounds:
 *
 * Returns: (transfer full) (element-type utf8): the round labels that have national
 *   reference figures, or %NULL with @error set
 */
GPtrArray *
sam_reference_list_rounds (SamStore  *store,
                           GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return _sam_store_list_reference_rounds (store, error);
}
