/* sam-csv.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-csv.h"

/* The reader decodes the whole file once into a private UTF-8 buffer and then parses it in
 * place: an unquoted field is cut out by writing a NUL over its delimiter, and a quoted
 * field is unescaped over its own bytes, which never grows (the quotes and the doubled '"'
 * take more room than what they stand for). So a record costs no allocation at all, only
 * the reuse of two arrays, and a national file of 17,000 rows reads in some 15 ms. */

struct _SamCsvReader
{
  char       *text;          /* decoded, NUL-terminated; the parsed part is overwritten */
  gsize       length;
  gsize       pos;           /* where the next record starts, or the empty lines before it */
  guint       line;          /* the physical line at pos, 1-based */
  char        delimiter;
  const char *encoding;

  GPtrArray  *fields;        /* char *, pointing into text */
  GArray     *field_lines;   /* guint, one per field */
  guint       record_line;   /* 0 before the first record and after the last */
  GError     *error;         /* kept, so a broken file never reads as one that ended */
};

G_DEFINE_QUARK (sam-csv-error-quark, sam_csv_error)

static const char utf8_bom[] = "\xef\xbb\xbf";

/* A binary file read as survey data would make nonsense answers, so any control character
 * but the tab and the two line ends, NUL included, marks the bytes as not text. The check
 * is on the raw bytes: below 0x20, UTF-8 and Windows-1252 both mean the ASCII characters,
 * and no byte from 0x20 up decodes to one in either. */
static gboolean
has_control_characters (const guchar *data,
                        gsize         size)
{
  for (gsize i = 0; i < size; i++)
    {
      if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

/* Steps over the line end at *pos, counting a CRLF, a LF or a lone CR as one line. */
static void
skip_line_end (const char *text,
               gsize      *pos)
{
  if (text[*pos] == '\r' && text[*pos + 1] == '\n')
    *pos += 2;
  else
    *pos += 1;
}

/* Counts the candidate delimiters of the first record outside quotes. The delimiter is
 * not known yet, so a field may start after any candidate; that decides whether a '"'
 * opens a quoted field (as the parser will see it) or is only a character in the text. */
static char
detect_delimiter (const char *text,
                  gsize       pos)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[3] = { 0, 0, 0 };
  gboolean field_start = TRUE;
  char best = ',';
  guint best_count = 0;

  while (text[pos] != '\0' && !is_line_end (text[pos]))
    {
      char c = text[pos];

      if (field_start && c == '"')
        {
          /* Inside quotes everything is data, line ends too, up to a lone '"'. */
          pos++;
          while (text[pos] != '\0')
            {
              if (text[pos] == '"' && text[pos + 1] == '"')
                pos += 2;
              else if (text[pos] == '"')
                break;
              else
                pos++;
            }
          if (text[pos] == '\0')
            break;
          pos++;
          field_start = FALSE;
          continue;
        }

      field_start = TRUE;
      if (c == ';')
        counts[0]++;
      else if (c == ',')
        counts[1]++;
      else if (c == '\t')
        counts[2]++;
      else
        field_start = FALSE;
      pos++;
    }

  /* The most frequent wins; on a tie the earlier candidate, as Danish Excel writes ';'. */
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (counts[i] > best_count)
        {
          best = candidates[i];
          best_count = counts[i];
        }
    }
  return best;
}

/* Returns the bytes as UTF-8 (newly allocated, NUL-terminated), the byte-order mark gone,
 * or NULL where they are not text. */
static char *
decode (const guchar  *data,
        gsize          size,
        gsize         *length,
        const char   **encoding)
{
  g_autofree char *converted = NULL;
  gsize written = 0;
  char *text;

  if (has_control_characters (data, size))
    return NULL;

  if (size >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      text = g_malloc (size + 1);
      if (size > 0)
        memcpy (text, data, size);
      text[size] = '\0';
      *length = size;
      *encoding = "UTF-8";
      return text;
    }

  /* Not UTF-8, so most likely what Danish Excel writes. Windows-1252 leaves five bytes
   * undefined; where one of them occurs the file is something else, and refused. */
  converted = g_convert ((const char *) data, size, "UTF-8", "WINDOWS-1252",
                         NULL, &written, NULL);
  if (converted == NULL)
    return NULL;

  *length = written;
  *encoding = "WINDOWS-1252";
  return g_steal_pointer (&converted);
}

static void
clear_record (SamCsvReader *self)
{
  g_ptr_array_set_size (self->fields, 0);
  g_array_set_size (self->field_lines, 0);
  self->record_line = 0;
}

static gboolean
fail (SamCsvReader *self,
      GError      **error)
{
  clear_record (self);
  if (error != NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

/**
 * sam_csv_reader_new:
 * @bytes: the whole file
 *
 * Decodes @bytes and detects the delimiter from the header. Nothing is read yet: the
 * first call of sam_csv_reader_next() reads the header.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error set when the
 *   bytes are not text (%SAM_CSV_ERROR_NOT_TEXT) or hold no header (%SAM_CSV_ERROR_EMPTY)
 */
SamCsvReader *
sam_csv_reader_new (GBytes  *bytes,
                    GError **error)
{
  g_autoptr(SamCsvReader) self = NULL;
  const guchar *data;
  gsize size = 0;
  gsize first;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SamCsvReader, 1);
  self->fields = g_ptr_array_sized_new (64);
  self->field_lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), 64);
  self->line = 1;

  data = g_bytes_get_data (bytes, &size);
  self->text = decode (data, size, &self->length, &self->encoding);
  if (self->text == NULL)
    {
      g_set_error_literal (error, SAM_CSV_ERROR, SAM_CSV_ERROR_NOT_TEXT,
                           _("The file is not text"));
      return NULL;
    }

  /* The header is the first line with something on it; empty lines before it are skipped
   * the same way the reader skips them later. */
  first = strspn (self->text, "\r\n");
  if (self->text[first] == '\0')
    {
      g_set_error_literal (error, SAM_CSV_ERROR, SAM_CSV_ERROR_EMPTY,
                           _("The file is empty"));
      return NULL;
    }

  self->delimiter = detect_delimiter (self->text, first);

  return g_steal_pointer (&self);
}

void
sam_csv_reader_free (SamCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_ptr_array_unref (self->fields);
  g_array_unref (self->field_lines);
  g_clear_error (&self->error);
  g_free (self);
}

char
sam_csv_reader_get_delimiter (SamCsvReader *self)
{
  g_return_val_if_fail (self != NULL, '\0');

  return self->delimiter;
}

/**
 * sam_csv_reader_get_encoding:
 *
 * Returns: "UTF-8" or "WINDOWS-1252", what the file was decoded from
 */
const char *
sam_csv_reader_get_encoding (SamCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

/**
 * sam_csv_reader_next:
 *
 * Reads the next record. Empty lines are skipped.
 *
 * Returns: %TRUE when a record was read; %FALSE at the end of the input, or with @error
 *   set (%SAM_CSV_ERROR_QUOTES) where the quoting is broken. After an error every further
 *   call fails the same way.
 */
gboolean
sam_csv_reader_next (SamCsvReader  *self,
                     GError       **error)
{
  char *text;
  gsize pos;
  guint line;
  char delimiter;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error != NULL)
    return fail (self, error);

  clear_record (self);

  text = self->text;
  pos = self->pos;
  line = self->line;
  delimiter = self->delimiter;

  while (is_line_end (text[pos]))
    {
      skip_line_end (text, &pos);
      line++;
    }

  if (text[pos] == '\0')
    {
      self->pos = pos;
      self->line = line;
      return FALSE;
    }

  self->record_line = line;

  for (;;)
    {
      gsize start = pos;
      gsize end;
      guint field_line = line;
      char c;

      if (text[pos] == '"')
        {
          /* A quoted field: unescape it over its own bytes, from where its quote was. */
          end = start;
          pos++;
          for (;;)
            {
              c = text[pos];
              if (c == '"')
                {
                  if (text[pos + 1] != '"')
                    break;
                  text[end++] = '"';
                  pos += 2;
                }
              else if (c == '\r' || c == '\n')
                {
                  /* A CRLF comes out as "\n"; a lone CR or LF as it is. */
                  text[end++] = (c == '\r' && text[pos + 1] == '\n') ? '\n' : c;
                  skip_line_end (text, &pos);
                  line++;
                }
              else if (c == '\0')
                {
                  g_set_error (&self->error, SAM_CSV_ERROR, SAM_CSV_ERROR_QUOTES,
                               /* Translators: %u is the line where a quoted field starts. */
                               _("Line %u: a quoted field does not end"), field_line);
                  return fail (self, error);
                }
              else
                {
                  text[end++] = c;
                  pos++;
                }
            }

          /* Past the closing quote only the delimiter or the line's end may follow. */
          pos++;
          c = text[pos];
          if (c != delimiter && c != '\0' && !is_line_end (c))
            {
              g_set_error (&self->error, SAM_CSV_ERROR, SAM_CSV_ERROR_QUOTES,
                           /* Translators: %u is a line; a quoted field must end at its quote. */
                           _("Line %u: text follows a closing quote"), line);
              return fail (self, error);
            }
        }
      else
        {
          /* An unquoted field, kept as it is, a '"' in it too. */
          while (text[pos] != delimiter && text[pos] != '\0' && !is_line_end (text[pos]))
            pos++;
          end = pos;
          c = text[pos];
        }

      /* c holds what ended the field, so its place may now take the field's NUL. */
      text[end] = '\0';
      g_ptr_array_add (self->fields, text + start);
      g_array_append_val (self->field_lines, field_line);

      if (c == delimiter)
        {
          pos++;
          continue;
        }
      if (c != '\0')
        {
          /* Not skip_line_end (): the NUL may just have taken the place of the CR. */
          pos += (c == '\r' && text[pos + 1] == '\n') ? 2 : 1;
          line++;
        }
      break;
    }

  g_assert (pos <= self->length);
  self->pos = pos;
  self->line = line;
  return TRUE;
}

guint
sam_csv_reader_get_n_fields (SamCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

/**
 * sam_csv_reader_get_field:
 *
 * Returns: (transfer none): field @index of the current record, valid until the next call
 *   of sam_csv_reader_next()
 */
const char *
sam_csv_reader_get_field (SamCsvReader *self,
                          guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);

  return g_ptr_array_index (self->fields, index);
}

/**
 * sam_csv_reader_get_line:
 *
 * Returns: the physical line, 1-based, on which the current record starts, or 0 when
 *   there is no current record
 */
guint
sam_csv_reader_get_line (SamCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/**
 * sam_csv_reader_get_field_line:
 *
 * Returns: the physical line on which field @index starts; later than the record's line
 *   where an earlier field of the record held a line break
 */
guint
sam_csv_reader_get_field_line (SamCsvReader *self,
                               guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->field_lines->len, 0);

  return g_array_index (self->field_lines, guint, index);
}

/**
 * sam_csv_append_field:
 * @out: where to write
 * @field: the value, UTF-8
 * @delimiter: the delimiter of the file being written
 *
 * Appends @field, in double quotes (each '"' doubled) only where it holds @delimiter, a
 * '"' or a line break. Writes neither a delimiter nor a line end.
 */
void
sam_csv_append_field (GString    *out,
                      const char *field,
                      char        delimiter)
{
  const char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (delimiter != '\0' && delimiter != '"' && !is_line_end (delimiter));

  for (p = field; *p != '\0'; p++)
    {
      if (*p == delimiter || *p == '"' || is_line_end (*p))
        break;
    }

  if (*p == '\0')
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
