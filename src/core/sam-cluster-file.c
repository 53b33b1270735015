/* sam-cluster-file.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-cluster-file"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sam-cluster-file-private.h"
#include "sam-instrument.h"
#include "sam-names.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-store-rows.h"

/* The format is described in sam-cluster-file-private.h. */

/* A cluster's figures file with every item of a hundred clinics is well under a
 * megabyte; anything much larger is not ours, and is not read into memory to find out. */
#define MAX_FILE_SIZE (16 * 1024 * 1024)

/* Counts no clinic could have are refused: a tallies file of more than SAM_MAX_RESPONDENTS
 * respondents, and a clinic's or the cluster's figure of more. A national figure counts
 * the country, but not more people than it has. With these bounds no sum can wrap: the
 * cluster's tallies add up its clinics' as guint (sam_tallies_merge()), and it would take
 * more than 42,000 clinics at the bound to pass G_MAXUINT, where a cluster has tens. An
 * item's counts together are at most the file's respondents, and so is an index's n. */
#define MAX_NATIONAL_RESPONDENTS 10000000

#define IMPORT_KIND_TALLIES "tallies"

/* A row of a figures file; the store keeps it as it was read. */
typedef SamStoreFigureRow FigureRow;

struct _SamClusterFile
{
  SamClusterFileKind  kind;
  char               *name;
  char               *basename;
  char               *sha256;       /* of the file's bytes, as they came */

  char               *round;
  char               *cluster;
  char               *clinic;       /* tallies only */
  guint               n_respondents;
  SamTallies          tallies;

  int                 k;            /* figures only */
  GPtrArray          *rows;         /* FigureRow */
};

G_DEFINE_QUARK (sam-cluster-file-error-quark, sam_cluster_file_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FigureRow, _sam_store_figure_row_free)

/* The number of answer codes of an item, bounded by what a tally holds. */
guint
_sam_cluster_file_item_n_codes (const SamItem *item)
{
  g_assert (item != NULL && item->question != NULL && item->question->scale != NULL);

  return MIN (item->question->scale->options->len, SAM_MAX_CODES);
}

char *
_sam_cluster_file_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Messages name the file first, then the field where there is one, so that a person can
 * find what is wrong: "klinik-3.json: q7c: …". */
G_GNUC_PRINTF (5, 0)
static gboolean
fail_valist (GError     **error,
             int          code,
             const char  *name,
             const char  *field,
             const char  *format,
             va_list      args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (field != NULL)
    g_set_error (error, SAM_CLUSTER_FILE_ERROR, code, "%s: %s: %s", name, field, message);
  else
    g_set_error (error, SAM_CLUSTER_FILE_ERROR, code, "%s: %s", name, message);
  return FALSE;
}

G_GNUC_PRINTF (5, 6)
static gboolean
fail (GError     **error,
      int          code,
      const char  *name,
      const char  *field,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (error, code, name, field, format, args);
  va_end (args);
  return FALSE;
}

/* A value of the file's content that does not fit. */
G_GNUC_PRINTF (4, 5)
static gboolean
invalid (SamClusterFile  *self,
         GError         **error,
         const char      *field,
         const char      *format,
         ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (error, SAM_CLUSTER_FILE_ERROR_INVALID, self->name, field, format, args);
  va_end (args);
  return FALSE;
}

/* The checksum of a content node: SHA-256 of its compact text, the same for the writer,
 * which built the node, and for the reader, which parsed it. */
char *
_sam_cluster_file_checksum (JsonNode *content)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, content);
  text = json_generator_to_data (generator, &length);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
}


/* Reading */

/* A member's value, or NULL where it is missing or of another JSON type. */
static JsonNode *
member_value (JsonObject *object,
              const char *key,
              GType       type)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

static JsonObject *
member_object (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* A string that is valid text. json-glib turns a lone "\ud800" into bytes that are not
 * UTF-8, so a string it hands out is checked before anyone shows or stores it. */
static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = member_value (object, key, G_TYPE_STRING);
  const char *text;

  if (node == NULL)
    return NULL;
  text = json_node_get_string (node);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  return text;
}

static gboolean
node_int (JsonNode *node,
          gint64    min,
          gint64    max,
          gint64   *out)
{
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < min || value > max)
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
member_int (JsonObject *object,
            const char *key,
            gint64      min,
            gint64      max,
            gint64     *out)
{
  return node_int (json_object_get_member (object, key), min, max, out);
}

/* A name as the store keeps it: without surrounding spaces, and not empty, and nothing a
 * spreadsheet would run as a formula. */
static gboolean
read_name (SamClusterFile  *self,
           JsonObject      *content,
           const char      *key,
           char           **out,
           GError         **error)
{
  const char *text = member_string (content, key);
  g_autofree char *clean = NULL;
  g_autofree char *unsafe = sam_name_explain_unsafe (text, FALSE);

  if (text != NULL)
    clean = g_strstrip (g_strdup (text));
  if (clean == NULL || *clean == '\0')
    return invalid (self, error, key, _("the name is missing"));
  if (unsafe != NULL)
    return invalid (self, error, key, "%s", unsafe);
  *out = g_steal_pointer (&clean);
  return TRUE;
}

static gboolean
read_item_tally (SamClusterFile  *self,
                 const SamItem   *item,
                 JsonNode        *node,
                 GError         **error)
{
  SamItemTally *tally = &self->tallies.items[item->index];
  guint n_codes = _sam_cluster_file_item_n_codes (item);
  JsonObject *object;
  JsonArray *counts;
  gint64 value;
  guint64 total = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (self, error, item->id, _("the item’s counts are missing"));
  object = json_node_get_object (node);

  counts = member_array (object, "counts");
  if (counts == NULL || json_array_get_length (counts) != n_codes)
    return invalid (self, error, item->id,
                    _("there must be %u counts, one for each answer"), n_codes);
  for (guint code = 1; code <= n_codes; code++)
    {
      if (!node_int (json_array_get_element (counts, code - 1), 0, G_MAXINT32, &value))
        return invalid (self, error, item->id, _("count %u is not a whole number from 0"), code);
      tally->counts[code] = (guint) value;
      total += (guint64) value;
    }

  if (!member_int (object, "not_applicable", 0, G_MAXINT32, &value))
    return invalid (self, error, item->id, _("“not applicable” is not a whole number from 0"));
  if (item->not_applicable == NULL && value != 0)
    return invalid (self, error, item->id, _("the item has no “not applicable” answer"));
  tally->not_applicable = (guint) value;
  total += (guint64) value;

  /* Each respondent answers an item once at most. */
  if (total > self->n_respondents)
    return invalid (self, error, item->id,
                    _("the item has more answers than the file has respondents (%u)"),
                    self->n_respondents);
  return TRUE;
}

static gboolean
read_index_tally (SamClusterFile  *self,
                  SamIndex         index,
                  JsonNode        *node,
                  GError         **error)
{
  const char *field = sam_index_to_string (index);
  SamIndexTally *tally = &self->tallies.indices[index];
  JsonObject *object;
  JsonNode *sum;
  gint64 n;
  double value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (self, error, field, _("the index’s tallies are missing"));
  object = json_node_get_object (node);

  if (!member_int (object, "n", 0, self->n_respondents, &n))
    return invalid (self, error, field,
                    _("n is not a whole number from 0 to the number of respondents"));

  if ((sum = member_value (object, "sum", G_TYPE_DOUBLE)) != NULL)
    value = json_node_get_double (sum);
  else if ((sum = member_value (object, "sum", G_TYPE_INT64)) != NULL)
    value = (double) json_node_get_int (sum);
  else
    return invalid (self, error, field, _("the sum of scores is missing"));
  /* Each domain score is 0 to 100. */
  if (!isfinite (value) || value < 0.0 || value > 100.0 * (double) n)
    return invalid (self, error, field, _("the sum of scores is not from 0 to 100 times n"));

  tally->n = (guint) n;
  tally->sum = value;
  return TRUE;
}

static gboolean
read_tallies (SamClusterFile  *self,
              JsonObject      *content,
              GError         **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  JsonObject *items, *indices;
  g_autoptr(GList) members = NULL;
  gint64 n;

  if (!read_name (self, content, "round", &self->round, error) ||
      !read_name (self, content, "cluster", &self->cluster, error) ||
      !read_name (self, content, "clinic", &self->clinic, error))
    return FALSE;

  if (!member_int (content, "respondents", 1, G_MAXINT32, &n))
    return invalid (self, error, "respondents",
                    _("not a number of respondents (a whole number from 1)"));
  if (n > SAM_MAX_RESPONDENTS)
    return invalid (self, error, "respondents",
                    _("more than %u respondents, more than any clinic has"),
                    (guint) SAM_MAX_RESPONDENTS);
  self->n_respondents = (guint) n;

  if ((items = member_object (content, "items")) == NULL)
    return invalid (self, error, "items", _("the items are missing"));
  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      JsonNode *node = json_object_get_member (items, item->id);

      if (node == NULL)
        return invalid (self, error, "items", _("item %s is missing"), item->id);
      if (!read_item_tally (self, item, node, error))
        return FALSE;
    }
  members = json_object_get_members (items);
  for (GList *l = members; l != NULL; l = l->next)
    if (sam_instrument_lookup_item (instrument, l->data) == NULL)
      return invalid (self, error, "items",
                      _("“%s” is not an item of the questionnaire"),
                      g_utf8_validate (l->data, -1, NULL) ? (const char *) l->data : "?");
  g_clear_pointer (&members, g_list_free);

  if ((indices = member_object (content, "indices")) == NULL)
    return invalid (self, error, "indices", _("the indices are missing"));
  for (guint i = 0; i < SAM_N_INDICES; i++)
    {
      JsonNode *node = json_object_get_member (indices, sam_index_to_string (i));

      if (node == NULL)
        return invalid (self, error, "indices", _("index %s is missing"), sam_index_to_string (i));
      if (!read_index_tally (self, i, node, error))
        return FALSE;
    }
  members = json_object_get_members (indices);
  for (GList *l = members; l != NULL; l = l->next)
    if (!sam_index_from_string (l->data, NULL))
      return invalid (self, error, "indices",
                      _("“%s” is not an index"),
                      g_utf8_validate (l->data, -1, NULL) ? (const char *) l->data : "?");

  return TRUE;
}

/* A percentage as the results file and the national reference write it. */
static gboolean
is_percentage (const char *text)
{
  char *end = NULL;
  double value;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (value) && value >= 0.0 && value <= 100.0;
}

/* Where a figure has no value, or is withheld, the file must not carry one. */
static gboolean
read_figure_row (SamClusterFile  *self,
                 guint            number,
                 JsonNode        *node,
                 GHashTable      *seen,
                 GError         **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autofree char *field = g_strdup_printf (_("row %u"), number);
  g_autoptr(FigureRow) row = NULL;
  JsonObject *object;
  const SamItem *item;
  const char *text;
  gint64 value;
  gboolean has_favourable;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (self, error, field, _("the row is not an object"));
  object = json_node_get_object (node);
  row = g_new0 (FigureRow, 1);

  text = member_string (object, "scope");
  if (text == NULL || !(g_str_equal (text, "cluster") || g_str_equal (text, "clinic") ||
                        g_str_equal (text, "national")))
    return invalid (self, error, field,
                    _("the scope is neither “cluster”, “clinic” nor “national”"));
  row->scope = g_strdup (text);

  text = member_string (object, "unit");
  if (text == NULL || *text == '\0' ||
      (g_str_equal (row->scope, "cluster") && !g_str_equal (text, self->cluster)) ||
      (g_str_equal (row->scope, "national") && !g_str_equal (text, "national")))
    return invalid (self, error, field, _("the unit does not fit the scope"));
  if (g_str_equal (row->scope, "clinic") && !sam_name_is_safe (text))
    {
      g_autofree char *unsafe = sam_name_explain_unsafe (text, FALSE);

      return invalid (self, error, field, "%s", unsafe);
    }
  row->unit = g_strdup (text);

  text = member_string (object, "item");
  item = text != NULL ? sam_instrument_lookup_item (instrument, text) : NULL;
  if (text == NULL || (item == NULL && !sam_index_from_string (text, NULL)))
    return invalid (self, error, field,
                    _("the item is neither an item of the questionnaire nor an index"));
  row->item = g_strdup (text);
  g_free (field);
  field = g_strdup_printf (_("row %u (%s, %s)"), number, row->unit, row->item);

  if (!member_int (object, "n", 0, G_MAXINT32, &row->n))
    return invalid (self, error, field, _("n is not a whole number from 0"));
  if (row->n > (g_str_equal (row->scope, "national") ? MAX_NATIONAL_RESPONDENTS
                                                      : SAM_MAX_RESPONDENTS))
    return invalid (self, error, field, _("n is more than %u respondents"),
                    g_str_equal (row->scope, "national") ? (guint) MAX_NATIONAL_RESPONDENTS
                                                         : (guint) SAM_MAX_RESPONDENTS);
  if (!member_int (object, "suppressed", 0, 1, &value))
    return invalid (self, error, field, _("“suppressed” is neither 0 nor 1"));
  row->suppressed = value != 0;

  text = member_string (object, "mean");
  if (text == NULL || (*text != '\0' && !is_percentage (text)))
    return invalid (self, error, field, _("the mean is not a number from 0 to 100"));
  row->mean = g_strdup (text);

  has_favourable = item != NULL && item->question->scale->has_favourable;
  text = member_string (object, "favourable");
  if (text == NULL || (*text != '\0' && (!has_favourable || !is_percentage (text))))
    return invalid (self, error, field, "%s",
                    has_favourable ? _("the favourable share is not a number from 0 to 100")
                                   : _("the item has no favourable share"));
  row->favourable = g_strdup (text);

  text = member_string (object, "distribution");
  if (text == NULL)
    return invalid (self, error, field, _("the distribution is missing"));
  if (*text != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (text, "|", -1);
      guint n_codes = item != NULL ? item->question->scale->options->len : 0;

      if (g_strv_length (parts) != n_codes)
        return invalid (self, error, field,
                        _("the distribution must have a share for each of the item’s %u answers"),
                        n_codes);
      for (guint i = 0; parts[i] != NULL; i++)
        if (!is_percentage (g_strstrip (parts[i])))
          return invalid (self, error, field,
                          _("the distribution holds a share that is not a number from 0 to 100"));
    }
  row->distribution = g_strdup (text);

  /* What is withheld never travels, and neither do figures of nobody. */
  if ((row->suppressed || row->n == 0) &&
      (*row->mean != '\0' || *row->favourable != '\0' || *row->distribution != '\0'))
    return invalid (self, error, field, _("a withheld figure or one of no answers carries values"));
  if (row->n == 0 && row->suppressed)
    return invalid (self, error, field, _("a figure of no answers cannot be withheld"));
  if (row->n > 0 && !row->suppressed && *row->mean == '\0')
    return invalid (self, error, field, _("the mean is missing"));

  if (!g_hash_table_add (seen, g_strjoin ("\x1f", row->scope, row->unit, row->item, NULL)))
    return invalid (self, error, field, _("the row is there twice"));

  g_ptr_array_add (self->rows, g_steal_pointer (&row));
  return TRUE;
}

static gboolean
read_figures (SamClusterFile  *self,
              JsonObject      *content,
              GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *rows;
  gint64 k;

  if (!read_name (self, content, "round", &self->round, error) ||
      !read_name (self, content, "cluster", &self->cluster, error))
    return FALSE;
  if (!member_int (content, "k", SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX, &k))
    return invalid (self, error, "k",
                    _("the minimum group size is not a whole number from %d to %d"),
                    SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX);
  self->k = (int) k;

  rows = member_array (content, "rows");
  if (rows == NULL || json_array_get_length (rows) == 0)
    return invalid (self, error, "rows", _("the figures are missing"));
  self->rows = g_ptr_array_new_with_free_func (_sam_store_figure_row_free);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (!read_figure_row (self, i + 1, json_array_get_element (rows, i), seen, error))
      return FALSE;
  return TRUE;
}

/**
 * sam_cluster_file_parse:
 * @name: how the file is named in messages, e.g. "klinik-3.json"
 * @bytes: the file's contents
 *
 * Reads and checks a file completely, without a database: its format, version and
 * checksum, and every value against the questionnaire. Any bytes at all may come in.
 *
 * Returns: (transfer full): the file, or %NULL with @error set (#SAM_CLUSTER_FILE_ERROR)
 */
SamClusterFile *
sam_cluster_file_parse (const char  *name,
                        GBytes      *bytes,
                        GError     **error)
{
  g_autoptr(SamClusterFile) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *computed = NULL;
  const char *data, *format, *checksum;
  gsize size = 0;
  JsonNode *root, *content;
  JsonObject *top;
  gint64 version;
  SamClusterFileKind kind;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > MAX_FILE_SIZE)
    {
      fail (error, SAM_CLUSTER_FILE_ERROR_INVALID, name, NULL,
            _("the file is larger than any Samarbejde file (16 MiB)"));
      return NULL;
    }
  if (size == 0 || memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL))
    {
      fail (error, SAM_CLUSTER_FILE_ERROR_INVALID, name, NULL,
            size == 0 ? _("the file is empty") : _("the file is not text (UTF-8)"));
      return NULL;
    }
  /* An editor on Windows may have put a byte-order mark in front. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (!_sam_cluster_file_check_shape (name, data, size, error))
    return NULL;

  /* A copy with its NUL, so that no parser ever reads past the end of the bytes. */
  text = g_strndup (data, size);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, size, &local_error))
    {
      /* json-glib quotes the text where it stopped and may cut a character in two there;
       * the message is shown in the window, so it must be text. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      /* json-glib calls the text "<data>"; the person knows it by its name. */
      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID, "%s:%s",
                     name, message + strlen ("<data>:"));
      else
        fail (error, SAM_CLUSTER_FILE_ERROR_INVALID, name, NULL, "%s", message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  top = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  format = top != NULL ? member_string (top, "format") : NULL;
  if (g_strcmp0 (format, FORMAT_TALLIES) == 0)
    kind = SAM_CLUSTER_FILE_TALLIES;
  else if (g_strcmp0 (format, FORMAT_FIGURES) == 0)
    kind = SAM_CLUSTER_FILE_FIGURES;
  else
    {
      fail (error, SAM_CLUSTER_FILE_ERROR_INVALID, name, NULL,
            _("this is not a file of tallies or figures from Samarbejde"));
      return NULL;
    }

  if (!member_int (top, "version", 1, G_MAXINT64, &version))
    {
      fail (error, SAM_CLUSTER_FILE_ERROR_INVALID, name, "version",
            _("the format version is missing or not a whole number from 1"));
      return NULL;
    }
  if (version > FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      fail (error, SAM_CLUSTER_FILE_ERROR_VERSION, name, NULL,
            _("the file was made by a newer version of Samarbejde (format version %s; "
              "this version reads up to %d). Update the app to read it."),
            number, FORMAT_VERSION);
      return NULL;
    }

  content = json_object_get_member (top, "content");
  if (content == NULL || !JSON_NODE_HOLDS_OBJECT (content))
    {
      fail (error, SAM_CLUSTER_FILE_ERROR_INVALID, name, "content", _("the content is missing"));
      return NULL;
    }
  if ((checksum = member_string (top, "checksum")) == NULL)
    {
      fail (error, SAM_CLUSTER_FILE_ERROR_INVALID, name, "checksum", _("the checksum is missing"));
      return NULL;
    }
  computed = _sam_cluster_file_checksum (content);
  if (!g_str_equal (computed, checksum))
    {
      fail (error, SAM_CLUSTER_FILE_ERROR_CHECKSUM, name, NULL,
            _("the file is damaged or was changed after it was written, so it was not read"));
      return NULL;
    }

  self = g_new0 (SamClusterFile, 1);
  self->kind = kind;
  self->name = g_strdup (name);
  self->basename = g_path_get_basename (name);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (kind == SAM_CLUSTER_FILE_TALLIES
      ? !read_tallies (self, json_node_get_object (content), error)
      : !read_figures (self, json_node_get_object (content), error))
    return NULL;

  return g_steal_pointer (&self);
}

void
sam_cluster_file_free (SamClusterFile *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->basename);
  g_free (self->sha256);
  g_free (self->round);
  g_free (self->cluster);
  g_free (self->clinic);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

SamClusterFileKind
sam_cluster_file_get_kind (SamClusterFile *self)
{
  g_return_val_if_fail (self != NULL, SAM_CLUSTER_FILE_TALLIES);

  return self->kind;
}

const char *
sam_cluster_file_get_round (SamClusterFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->round;
}

const char *
sam_cluster_file_get_cluster (SamClusterFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cluster;
}

/**
 * sam_cluster_file_get_clinic:
 *
 * Returns: (nullable): the clinic whose tallies the file holds; %NULL for figures
 */
const char *
sam_cluster_file_get_clinic (SamClusterFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->clinic;
}

/**
 * sam_cluster_file_get_n_respondents:
 *
 * Returns: the clinic's respondents; 0 for figures
 */
guint
sam_cluster_file_get_n_respondents (SamClusterFile *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_respondents;
}

/* Importing */

/* The file's cluster and round, which this database must know already, unless the caller
 * names them as the ones to create: a file for a cluster or round nobody here expects is
 * more likely a mistake than news. */
static gboolean
find_round (SamClusterFile  *self,
            SamStore        *store,
            const char      *accept_cluster,
            const char      *accept_round,
            gint64          *cluster_id,
            gint64          *round_id,
            gboolean        *closed,
            GError         **error)
{
  gboolean accepted = g_strcmp0 (accept_cluster, self->cluster) == 0 &&
                      g_strcmp0 (accept_round, self->round) == 0;
  g_autoptr(GPtrArray) clusters = sam_store_list_clusters (store, error);
  gboolean known = FALSE;

  if (clusters == NULL)
    return FALSE;
  for (guint i = 0; i < clusters->len; i++)
    {
      SamCluster *cluster = g_ptr_array_index (clusters, i);

      if (g_str_equal (cluster->name, self->cluster))
        {
          known = TRUE;
          *cluster_id = cluster->id;
        }
    }
  if (known && sam_store_find_round (store, *cluster_id, self->round, round_id, closed))
    return TRUE;
  if (!accepted)
    return fail (error, SAM_CLUSTER_FILE_ERROR_UNKNOWN, self->name, NULL,
                 known ? _("the file is for round “%s” of cluster “%s”, which this database "
                           "does not have. Name both to take it in and add the round.")
                       : _("the file is for round “%s” of cluster “%s”, a cluster this database "
                           "does not have. Name both to take it in and add them."),
                 self->round, self->cluster);

  if (!known && !sam_store_ensure_cluster (store, self->cluster, cluster_id, error))
    return FALSE;
  {
    g_autofree char *date = _sam_cluster_file_today ();

    *closed = FALSE;
    return sam_store_create_round (store, *cluster_id, self->round, date, round_id, error);
  }
}

/* On the coordinator's computer: the clinic's tallies take the place of any it sent before. */
static gboolean
import_tallies (SamClusterFile        *self,
                SamStore              *store,
                const char            *accept_cluster,
                const char            *accept_round,
                SamClusterFileResult  *result,
                GError               **error)
{
  gint64 cluster_id = 0, clinic_id = 0, round_id = 0, import_id = 0, n_answers = 0;
  gboolean closed = FALSE;

  if (!find_round (self, store, accept_cluster, accept_round, &cluster_id, &round_id, &closed,
                   error) ||
      !sam_store_ensure_clinic (store, cluster_id, self->clinic, NULL, &clinic_id, error))
    return FALSE;

  /* The same answers counted twice would make the clinic look bigger than it is. */
  if (!_sam_store_count_respondents (store, round_id, clinic_id, &n_answers, error))
    return FALSE;
  if (n_answers > 0)
    return fail (error, SAM_CLUSTER_FILE_ERROR_CONFLICT, self->name, NULL,
                 _("clinic “%s” has answers of its own in round “%s” here, so its file was "
                   "not imported"), self->clinic, self->round);

  if (sam_store_find_import (store, round_id, IMPORT_KIND_TALLIES, self->sha256, NULL))
    {
      *result = SAM_CLUSTER_FILE_ALREADY;
      return TRUE;
    }
  if (closed)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("%s: round “%s” is closed and takes no new answers"), self->name, self->round);
      return FALSE;
    }

  if (!sam_store_add_import (store, round_id, IMPORT_KIND_TALLIES, self->basename, self->sha256,
                             &import_id, error))
    return FALSE;
  /* A newer file from the clinic replaces the older, with its import. */
  if (!_sam_store_replace_clinic_tallies (store, round_id, clinic_id, import_id,
                                          IMPORT_KIND_TALLIES, &self->tallies, error) ||
      !sam_store_add_round_clinic (store, round_id, clinic_id, -1, error))
    return FALSE;

  *result = SAM_CLUSTER_FILE_ADDED;
  return TRUE;
}

/* On a clinic's computer: the cluster's figures for the round, as the coordinator sent them. */
static gboolean
import_figures (SamClusterFile        *self,
                SamStore              *store,
                const char            *accept_cluster,
                const char            *accept_round,
                SamClusterFileResult  *result,
                GError               **error)
{
  g_autofree char *date = _sam_cluster_file_today ();
  g_autofree char *previous = NULL;
  gint64 cluster_id = 0, round_id = 0;
  gboolean closed = FALSE;

  if (!find_round (self, store, accept_cluster, accept_round, &cluster_id, &round_id, &closed,
                   error))
    return FALSE;

  if (!_sam_store_get_received_figures (store, round_id, NULL, NULL, &previous, error))
    return FALSE;
  if (g_strcmp0 (previous, self->sha256) == 0)
    {
      *result = SAM_CLUSTER_FILE_ALREADY;
      return TRUE;
    }

  /* The cluster's clinics are known here from now on, so that a clinic's own view can be
   * chosen on a computer that has no answers of its own. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      FigureRow *row = g_ptr_array_index (self->rows, i);
      gint64 clinic_id;

      if (g_str_equal (row->scope, "clinic") &&
          !sam_store_ensure_clinic (store, cluster_id, row->unit, NULL, &clinic_id, error))
        return FALSE;
    }

  if (!_sam_store_replace_cluster_figures (store, self->round, self->cluster, self->rows, error) ||
      !_sam_store_set_received_figures (store, round_id, self->k, self->basename, self->sha256,
                                        date, error))
    return FALSE;

  *result = SAM_CLUSTER_FILE_ADDED;
  return TRUE;
}

/**
 * sam_cluster_file_import:
 * @accept_cluster: (nullable): with @accept_round, the cluster the caller agrees to add
 * @accept_round: (nullable): the round the caller agrees to add
 * @result: (out): whether the file was added, or was there already
 *
 * Stores a file that sam_cluster_file_parse() read, as one change or not at all. Its
 * cluster and round must be known here (%SAM_CLUSTER_FILE_ERROR_UNKNOWN otherwise) unless
 * the caller names both, which adds them. Tallies (on the coordinator's computer) replace
 * what the same clinic sent for the round before; the clinic is added where it is new.
 * Figures (on a clinic's computer) replace the cluster's figures for the round, and every
 * view of the round shows them from then on.
 */
gboolean
sam_cluster_file_import (SamClusterFile        *self,
                         SamStore              *store,
                         const char            *accept_cluster,
                         const char            *accept_round,
                         SamClusterFileResult  *result,
                         GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sam_store_begin (store, error))
    return FALSE;
  if (self->kind == SAM_CLUSTER_FILE_TALLIES)
    ok = import_tallies (self, store, accept_cluster, accept_round, result, error);
  else
    ok = import_figures (self, store, accept_cluster, accept_round, result, error);

  /* Nothing of a file seen before is kept, not even a round or clinic made on the way. */
  if (!ok || *result == SAM_CLUSTER_FILE_ALREADY)
    {
      sam_store_rollback (store);
      return ok;
    }
  /* A failed commit has rolled back by itself. */
  return sam_store_commit (store, error);
}
