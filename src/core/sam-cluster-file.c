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

#include "sam-cluster-file.h"
#include "sam-instrument.h"
#include "sam-names.h"
#include "sam-results.h"
#include "sam-round-figures.h"
#include "sam-store-private.h"

/* A file is one JSON object:
 *
 *   { "format": "samarbejde-tallies" | "samarbejde-figures", "version": 1,
 *     "content": { ... }, "checksum": "<SHA-256 of the content, lowercase hex>" }
 *
 * The checksum is taken over the content node as json-glib writes it without any
 * indentation. The reader writes the content it parsed the same way, so the checksum
 * holds after a person or an editor changes only the spacing of the file, and fails after
 * any change of a value, a key or the order of keys. It is no signature: anyone can
 * compute it again, so it proves neither who wrote a file nor that nobody changed it on
 * purpose. It catches damage and edits made by hand, which is all it is for; everything
 * a file holds is checked on its own whatever the checksum says (a key written twice,
 * which the parsed content no longer shows, is looked for in the text). */

#define FORMAT_TALLIES "samarbejde-tallies"
#define FORMAT_FIGURES "samarbejde-figures"
#define FORMAT_VERSION 1

/* A cluster's figures file with every item of a hundred clinics is well under a
 * megabyte; anything much larger is not ours, and is not read into memory to find out. */
#define MAX_FILE_SIZE (16 * 1024 * 1024)

/* The format nests five levels deep. json-glib's parser recurses once per level, so a
 * file of nothing but brackets would run it out of stack: the depth is checked first. */
#define MAX_DEPTH 16

/* Counts no clinic could have are refused: a tallies file of more than SAM_MAX_RESPONDENTS
 * respondents, and a clinic's or the cluster's figure of more. A national figure counts
 * the country, but not more people than it has. With these bounds no sum can wrap: the
 * cluster's tallies add up its clinics' as guint (sam_tallies_merge()), and it would take
 * more than 42,000 clinics at the bound to pass G_MAXUINT, where a cluster has tens. An
 * item's counts together are at most the file's respondents, and so is an index's n. */
#define MAX_NATIONAL_RESPONDENTS 10000000

#define IMPORT_KIND_TALLIES "tallies"

typedef struct
{
  char     *scope;
  char     *unit;
  char     *item;
  gint64    n;
  char     *mean;
  char     *favourable;
  char     *distribution;
  gboolean  suppressed;
} FigureRow;

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

static gboolean step_statement (SamStore      *store,
                                sqlite3_stmt  *stmt,
                                GError       **error);

static void
figure_row_free (gpointer data)
{
  FigureRow *row = data;

  g_free (row->scope);
  g_free (row->unit);
  g_free (row->item);
  g_free (row->mean);
  g_free (row->favourable);
  g_free (row->distribution);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FigureRow, figure_row_free)

/* The number of answer codes of an item, bounded by what a tally holds. */
static guint
item_n_codes (const SamItem *item)
{
  g_assert (item != NULL && item->question != NULL && item->question->scale != NULL);

  return MIN (item->question->scale->options->len, SAM_MAX_CODES);
}

static char *
today (void)
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
static char *
checksum_content (JsonNode *content)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, content);
  text = json_generator_to_data (generator, &length);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
}

/* Counting with an error, so that a database error is never taken for "no answers". */
static gboolean
count_rows (SamStore    *store,
            const char  *sql,
            gint64       round_id,
            gint64       clinic_id,
            gint64      *out,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (_sam_store_get_db (store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, clinic_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (store, error, rc);
  return TRUE;
}

static gboolean
count_respondents (SamStore  *store,
                   gint64     round_id,
                   gint64     clinic_id,
                   gint64    *out,
                   GError   **error)
{
  return count_rows (store,
                     "SELECT count(*) FROM respondents WHERE round_id = ?1 AND clinic_id = ?2",
                     round_id, clinic_id, out, error);
}

/* Writing */

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Puts the content in its envelope and appends the file's text, indented for a person. */
static void
append_file (GString    *out,
             const char *format,
             JsonNode   *content)
{
  g_autofree char *checksum = checksum_content (content);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  json_builder_begin_object (builder);
  add_string_member (builder, "format", format);
  add_int_member (builder, "version", FORMAT_VERSION);
  json_builder_set_member_name (builder, "content");
  json_builder_add_value (builder, json_node_copy (content));
  add_string_member (builder, "checksum", checksum);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  g_string_append_len (out, text, length);
  g_string_append_c (out, '\n');
}

/**
 * sam_cluster_file_count_respondents:
 *
 * Returns: the clinic's respondents in the round (0 also where the database fails: the
 *   number only decides whether to warn before a file is written)
 */
guint
sam_cluster_file_count_respondents (SamStore *store,
                                    gint64    round_id,
                                    gint64    clinic_id)
{
  gint64 n = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), 0);

  if (!count_respondents (store, round_id, clinic_id, &n, NULL))
    return 0;
  return (guint) CLAMP (n, 0, G_MAXUINT);
}

/**
 * sam_cluster_file_write_tallies:
 * @out: where the file's text is appended
 *
 * Writes a clinic's tallies for one round, for its coordinator: per item the counts of
 * each answer and of "not applicable", per index the respondents counted and the sum of
 * their domain scores. No individual answer and nothing that identifies a respondent.
 */
gboolean
sam_cluster_file_write_tallies (SamStore  *store,
                                gint64     round_id,
                                gint64     clinic_id,
                                GString   *out,
                                GError   **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  g_autoptr(SamRoundTallies) round = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) content = NULL;
  const SamClinicTallies *clinic = NULL;
  gint64 n_respondents = 0, n_imported = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  round = sam_round_tallies_load (store, round_id, error);
  if (round == NULL)
    return FALSE;
  for (guint i = 0; i < round->clinics->len && clinic == NULL; i++)
    {
      const SamClinicTallies *candidate = g_ptr_array_index (round->clinics, i);

      if (candidate->clinic_id == clinic_id)
        clinic = candidate;
    }

  if (!count_respondents (store, round_id, clinic_id, &n_respondents, error))
    return FALSE;
  if (clinic == NULL || n_respondents == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The clinic has no answers of its own in round “%s”"), round->round_label);
      return FALSE;
    }

  /* Tallies that came from the clinic's file would be counted in as well, and the file
   * would hold more answers than respondents; the coordinator keeps one or the other. */
  if (!count_rows (store,
                   "SELECT count(*) FROM clinic_tallies WHERE round_id = ?1 AND clinic_id = ?2",
                   round_id, clinic_id, &n_imported, error))
    return FALSE;
  if (n_imported > 0)
    {
      g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_CONFLICT,
                   _("Clinic “%s” has answers of its own in round “%s” and tallies from its "
                     "file as well, so no file of its tallies can be written"),
                   clinic->code, round->round_label);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "round", round->round_label);
  add_string_member (builder, "cluster", round->cluster_name);
  add_string_member (builder, "clinic", clinic->code);
  add_int_member (builder, "respondents", n_respondents);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_object (builder);
  for (guint i = 0; i < SAM_N_ITEMS; i++)
    {
      const SamItem *item = sam_instrument_get_item (instrument, i);
      const SamItemTally *tally = &clinic->tallies.items[i];

      json_builder_set_member_name (builder, item->id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_array (builder);
      for (guint code = 1; code <= item_n_codes (item); code++)
        json_builder_add_int_value (builder, tally->counts[code]);
      json_builder_end_array (builder);
      add_int_member (builder, "not_applicable", tally->not_applicable);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "indices");
  json_builder_begin_object (builder);
  for (guint i = 0; i < SAM_N_INDICES; i++)
    {
      json_builder_set_member_name (builder, sam_index_to_string (i));
      json_builder_begin_object (builder);
      add_int_member (builder, "n", clinic->tallies.indices[i].n);
      json_builder_set_member_name (builder, "sum");
      json_builder_add_double_value (builder, clinic->tallies.indices[i].sum);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  content = json_builder_get_root (builder);

  /* What the file holds, so that the window can say when the clinic's answers changed
   * after it went to the coordinator. */
  {
    g_autofree char *fingerprint = sam_tallies_fingerprint (&clinic->tallies);
    g_autofree char *sent = today ();
    sqlite3_stmt *stmt = NULL;
    gboolean ok;
    int rc;

    rc = sqlite3_prepare_v2 (_sam_store_get_db (store),
                             "INSERT OR REPLACE INTO sent_tallies (round_id, clinic_id, fingerprint, sent)"
                             " VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL);
    if (rc != SQLITE_OK)
      return _sam_store_set_error (store, error, rc);
    sqlite3_bind_int64 (stmt, 1, round_id);
    sqlite3_bind_int64 (stmt, 2, clinic_id);
    sqlite3_bind_text (stmt, 3, fingerprint, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 4, sent, -1, SQLITE_STATIC);
    ok = step_statement (store, stmt, error);
    sqlite3_finalize (stmt);
    if (!ok)
      return FALSE;
  }

  append_file (out, FORMAT_TALLIES, content);
  return TRUE;
}

static void
add_row (JsonBuilder *builder,
         const char  *scope,
         const char  *unit,
         const char  *item,
         gint64       n,
         const char  *mean,
         const char  *favourable,
         const char  *distribution,
         gboolean     suppressed)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "scope", scope);
  add_string_member (builder, "unit", unit);
  add_string_member (builder, "item", item);
  add_int_member (builder, "n", n);
  add_string_member (builder, "mean", mean);
  add_string_member (builder, "favourable", favourable);
  add_string_member (builder, "distribution", distribution);
  add_int_member (builder, "suppressed", suppressed ? 1 : 0);
  json_builder_end_object (builder);
}

/* The strings of the results file, from the one place that makes figures. */
static void
add_figure_row (const char      *scope,
                const char      *unit,
                const char      *item,
                const SamFigure *figure,
                gpointer         user_data)
{
  JsonBuilder *builder = user_data;
  char mean[G_ASCII_DTOSTR_BUF_SIZE], favourable[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *distribution = sam_figure_format (figure, mean, favourable);

  /* Where n is 0 there is nothing to withhold. */
  add_row (builder, scope, unit, item, figure->n, mean, favourable, distribution,
           figure->n > 0 && figure->withheld != SAM_WITHHELD_NONE);
}

/**
 * sam_cluster_file_write_figures:
 * @policy: (nullable): the minimum group size (0: the round's own) and, for a file of one
 *   clinic's own view, that clinic; %NULL for the cluster's view
 * @out: where the file's text is appended
 *
 * Writes the cluster's figures for one round, for every clinic: the cluster's, each
 * clinic's and the national ones, the same rows and strings as the results file, from the
 * one figures pipeline. The round must be closed; the file is a publication of the round
 * and fixes its k.
 */
gboolean
sam_cluster_file_write_figures (SamStore                *store,
                                gint64                   round_id,
                                const SamFiguresPolicy  *policy,
                                GString                 *out,
                                GError                 **error)
{
  SamFiguresPolicy round_policy = { 0, 0 };
  g_autoptr(SamRoundFigures) figures = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) content = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (policy != NULL)
    round_policy = *policy;
  if (!sam_store_publish_round (store, round_id, round_policy.k, TRUE, &round_policy.k, error))
    return FALSE;
  figures = sam_round_figures_load (store, round_id, &round_policy, error);
  if (figures == NULL)
    return FALSE;
  if (figures->clinics->len == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("Round “%s” has no answers and no clinic’s tallies yet"), figures->round_label);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "round", figures->round_label);
  add_string_member (builder, "cluster", figures->cluster_name);
  add_int_member (builder, "k", figures->k);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  sam_round_figures_foreach_row (figures, add_figure_row, builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  content = json_builder_get_root (builder);
  append_file (out, FORMAT_FIGURES, content);
  return TRUE;
}

/* Reading */

/* Reads the four hex digits of a "\u" escape at @text[@i]. */
static gboolean
read_hex4 (const char *text,
           gsize       size,
           gsize       i,
           gunichar   *out)
{
  gunichar value = 0;

  if (i + 4 > size)
    return FALSE;
  for (gsize j = i; j < i + 4; j++)
    {
      if (!g_ascii_isxdigit (text[j]))
        return FALSE;
      value = value * 16 + g_ascii_xdigit_value (text[j]);
    }
  *out = value;
  return TRUE;
}

/* Steps over one string from its opening quote at @text[*@i] to its closing quote, and
 * refuses what standard JSON does not allow in a string. json-glib's scanner reads
 * further than the standard: a "\u" takes four characters whatever they are, and one that
 * stands for half a surrogate pair takes the next two as well, quote or not. After such an
 * escape it would no longer agree with anyone on where strings end. */
static gboolean
skip_string (const char *text,
             gsize       size,
             gsize      *i)
{
  for (gsize j = *i + 1; j < size; j++)
    {
      guchar c = text[j];
      gunichar value, low;

      if (c == '"')
        {
          *i = j;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        continue;

      if (++j >= size)
        return FALSE;
      switch (text[j])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          break;
        case 'u':
          /* A NUL would cut the string short; half a pair is no character. */
          if (!read_hex4 (text, size, j + 1, &value) || value == 0 ||
              (value >= 0xdc00 && value <= 0xdfff))
            return FALSE;
          j += 4;
          if (value >= 0xd800 && value <= 0xdbff)
            {
              if (j + 2 >= size || text[j + 1] != '\\' || text[j + 2] != 'u' ||
                  !read_hex4 (text, size, j + 3, &low) || low < 0xdc00 || low > 0xdfff)
                return FALSE;
              j += 6;
            }
          break;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

/* The text of a string that skip_string() has let through, from its opening quote at
 * @text[@start] to its closing quote at @text[@end], with its escapes read as json-glib
 * reads them: "\u0061" and "a" are the same key. */
static char *
decode_string (const char *text,
               gsize       start,
               gsize       end)
{
  GString *out = g_string_sized_new (end - start);

  for (gsize j = start + 1; j < end; j++)
    {
      gunichar value, low;

      if (text[j] != '\\')
        {
          g_string_append_c (out, text[j]);
          continue;
        }
      switch (text[++j])
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          read_hex4 (text, end, j + 1, &value);
          j += 4;
          if (value >= 0xd800 && value <= 0xdbff)
            {
              read_hex4 (text, end, j + 3, &low);
              value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
              j += 6;
            }
          g_string_append_unichar (out, value);
          break;
        default:                  /* '"', '\\' and '/' stand for themselves */
          g_string_append_c (out, text[j]);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static void
keys_free (gpointer data)
{
  if (data != NULL)
    g_hash_table_unref (data);
}

/* What json-glib's parser reads beyond JSON (single quotes, comments, escapes of its own)
 * is refused before it parses, and so is a nesting deeper than the format's, since the
 * parser recurses once per level. Outside strings only JSON's own characters may stand,
 * and strings are read as the standard has them, so the depth counted here is the depth
 * the parser will see.
 *
 * A key written twice in one object is refused here too, at any depth: json-glib keeps
 * the last one without a word, so such a file could show a person reading it one value
 * and the app another. No writer of ours makes one, and the parsed content has already
 * lost the first, so it is the text that is checked, key by key, one set per open object
 * (arrays have none). Where the text is not JSON, what is taken for a key here may be
 * wrong, but then the parser refuses the file anyway. */
static gboolean
check_shape (const char  *name,
             const char  *text,
             gsize        size,
             GError     **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (keys_free);
  gboolean ended = FALSE;
  gboolean expect_key = FALSE;
  guint line = 1;

  for (gsize i = 0; i < size; i++)
    {
      char c = text[i];
      GHashTable *keys = open->len > 0 ? g_ptr_array_index (open, open->len - 1) : NULL;

      if (c == '\n')
        line++;
      /* json-glib reads the first value and lets what follows pass. */
      if (ended && !g_ascii_isspace (c))
        {
          g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                       _("%s:%u: the file goes on after its end"), name, line);
          return FALSE;
        }

      switch (c)
        {
        case '"':
          {
            gsize start = i;

            if (!skip_string (text, size, &i))
              {
                g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                             _("%s:%u: a string is broken: the file is not JSON"), name, line);
                return FALSE;
              }
            if (expect_key && keys != NULL)
              {
                char *key = decode_string (text, start, i);

                if (g_hash_table_contains (keys, key))
                  {
                    g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                                 _("%s:%u: the key “%s” is there twice"), name, line, key);
                    g_free (key);
                    return FALSE;
                  }
                g_hash_table_add (keys, key);
              }
            expect_key = FALSE;
          }
          break;
        case '[':
        case '{':
          if (open->len >= MAX_DEPTH)
            {
              g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                           _("%s:%u: the file nests deeper than a Samarbejde file does"),
                           name, line);
              return FALSE;
            }
          g_ptr_array_add (open, c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                   g_free, NULL)
                                          : NULL);
          expect_key = c == '{';
          break;
        case ']':
        case '}':
          if (open->len > 0)
            {
              g_ptr_array_remove_index (open, open->len - 1);
              if (open->len == 0)
                ended = TRUE;
            }
          expect_key = FALSE;
          break;
        case ',':
          expect_key = keys != NULL;
          break;
        case ':':
          expect_key = FALSE;
          break;
        case ' ': case '\t': case '\n': case '\r':
        case '+': case '-': case '.':
          break;
        default:
          if (!g_ascii_isalnum (c))
            {
              char character[8] = { 0 };

              g_unichar_to_utf8 (g_utf8_get_char (text + i), character);
              g_set_error (error, SAM_CLUSTER_FILE_ERROR, SAM_CLUSTER_FILE_ERROR_INVALID,
                           _("%s:%u: “%s” cannot stand there: the file is not JSON"), name, line,
                           character);
              return FALSE;
            }
          break;
        }
    }
  return TRUE;
}

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
  guint n_codes = item_n_codes (item);
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
  self->rows = g_ptr_array_new_with_free_func (figure_row_free);
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
  if (!check_shape (name, data, size, error))
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
  computed = checksum_content (content);
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

static gboolean
step_statement (SamStore      *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  /* The message first: a reset may clear it. */
  if (rc != SQLITE_DONE)
    _sam_store_set_error (store, error, rc);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Runs @sql with ?1 and ?2 bound to @first and @second. */
static gboolean
run_statement (SamStore     *store,
               const char   *sql,
               gint64        first,
               gint64        second,
               GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (_sam_store_get_db (store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  ok = step_statement (store, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
insert_tallies (SamClusterFile  *self,
                SamStore        *store,
                gint64           round_id,
                gint64           clinic_id,
                gint64           import_id,
                GError         **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (_sam_store_get_db (store),
                           "INSERT INTO clinic_tallies (round_id, clinic_id, import_id, item,"
                           " c1, c2, c3, c4, c5, c6, na, n, sum)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);

  for (guint i = 0; ok && i < SAM_N_ITEMS + SAM_N_INDICES; i++)
    {
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int64 (stmt, 2, clinic_id);
      sqlite3_bind_int64 (stmt, 3, import_id);
      if (i < SAM_N_ITEMS)
        {
          const SamItemTally *tally = &self->tallies.items[i];

          sqlite3_bind_text (stmt, 4, sam_instrument_get_item (instrument, i)->id, -1,
                             SQLITE_STATIC);
          for (guint code = 1; code <= SAM_MAX_CODES; code++)
            sqlite3_bind_int64 (stmt, 4 + code, tally->counts[code]);
          sqlite3_bind_int64 (stmt, 11, tally->not_applicable);
          sqlite3_bind_int64 (stmt, 12, 0);
          sqlite3_bind_double (stmt, 13, 0.0);
        }
      else
        {
          const SamIndexTally *tally = &self->tallies.indices[i - SAM_N_ITEMS];

          sqlite3_bind_text (stmt, 4, sam_index_to_string (i - SAM_N_ITEMS), -1, SQLITE_STATIC);
          for (guint code = 1; code <= SAM_MAX_CODES + 1; code++)
            sqlite3_bind_int64 (stmt, 4 + code, 0);
          sqlite3_bind_int64 (stmt, 12, tally->n);
          sqlite3_bind_double (stmt, 13, tally->sum);
        }
      ok = step_statement (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

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
    g_autofree char *date = today ();

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
  if (!count_respondents (store, round_id, clinic_id, &n_answers, error))
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
  /* A newer file from the clinic replaces the older; the older's import goes with its
   * tallies, so that the imports list only what the figures are made of. */
  if (!run_statement (store, "DELETE FROM clinic_tallies WHERE round_id = ?1 AND clinic_id = ?2",
                      round_id, clinic_id, error) ||
      !run_statement (store,
                      "DELETE FROM imports WHERE round_id = ?1"
                      " AND kind = '" IMPORT_KIND_TALLIES "' AND id != ?2"
                      " AND NOT EXISTS (SELECT 1 FROM clinic_tallies t"
                      "                 WHERE t.import_id = imports.id)",
                      round_id, import_id, error))
    return FALSE;
  if (!insert_tallies (self, store, round_id, clinic_id, import_id, error) ||
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
  sqlite3 *db = _sam_store_get_db (store);
  g_autofree char *date = today ();
  g_autofree char *previous = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 cluster_id = 0, round_id = 0;
  gboolean closed = FALSE;
  gboolean ok = TRUE;
  int rc;

  if (!find_round (self, store, accept_cluster, accept_round, &cluster_id, &round_id, &closed, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "SELECT sha256 FROM received_figures WHERE round_id = ?1", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  sqlite3_bind_int64 (stmt, 1, round_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    previous = _sam_store_column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sam_store_set_error (store, error, rc);
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

  rc = sqlite3_prepare_v2 (db,
                           "DELETE FROM cluster_figures WHERE round_label = ?1 AND cluster = ?2",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  sqlite3_bind_text (stmt, 1, self->round, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->cluster, -1, SQLITE_STATIC);
  ok = step_statement (store, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO cluster_figures (round_label, cluster, scope, unit, item,"
                           " n, mean, favourable, distribution, suppressed)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  for (guint i = 0; ok && i < self->rows->len; i++)
    {
      FigureRow *row = g_ptr_array_index (self->rows, i);

      sqlite3_bind_text (stmt, 1, self->round, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, self->cluster, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, row->scope, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, row->unit, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, row->item, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, row->n);
      sqlite3_bind_text (stmt, 7, row->mean, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, row->favourable, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, row->distribution, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 10, row->suppressed ? 1 : 0);
      ok = step_statement (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT OR REPLACE INTO received_figures (round_id, k, filename, sha256, imported)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _sam_store_set_error (store, error, rc);
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, self->k);
  sqlite3_bind_text (stmt, 3, self->basename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, date, -1, SQLITE_STATIC);
  ok = step_statement (store, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok)
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
