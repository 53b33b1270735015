/* sam-names.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-names"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-names.h"

/* A name shown in a message is cut short where it is long. */
#define MAX_SHOWN 40

/* The character that makes @name unsafe, or 0. Spaces before it do not help: a
 * spreadsheet may trim them, so the first character that is not a space counts. */
static gunichar
unsafe_start (const char *name)
{
  const char *p = name;

  if (name == NULL)
    return 0;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
        return c;
      if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isspace (c))
        return 0;
      p = g_utf8_next_char (p);
    }
  return 0;
}

/**
 * sam_name_is_safe:
 * @name: (nullable): a clinic code, cluster name or round label as given, before any
 *   trimming
 *
 * Returns: %FALSE where a spreadsheet would take @name for a formula; %TRUE for %NULL
 */
gboolean
sam_name_is_safe (const char *name)
{
  return unsafe_start (name) == 0;
}

/* The name as a message shows it: valid text, control characters written out, and cut
 * short where long. */
static char *
shown (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == MAX_SHOWN)
        {
          g_string_append (text, "…");
          break;
        }
      if (c == '\t')
        g_string_append (text, "\\t");
      else if (c == '\r')
        g_string_append (text, "\\r");
      else if (c == '\n')
        g_string_append (text, "\\n");
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (text, "\\x%02x", (guint) c);
      else
        g_string_append_unichar (text, c);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * sam_name_explain_unsafe:
 * @name: (nullable): the name as given
 * @plain_quotes: quote in plain double quotes, as survey import errors do, rather than
 *   in typographic ones
 *
 * Returns: (transfer full) (nullable): why @name cannot be a name, translated, or %NULL
 *   where it is safe
 */
char *
sam_name_explain_unsafe (const char *name,
                         gboolean    plain_quotes)
{
  gunichar c = unsafe_start (name);
  const char *open = plain_quotes ? "\"" : "“";
  const char *close = plain_quotes ? "\"" : "”";
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  g_autofree char *start = NULL;

  if (c == 0)
    return NULL;

  text = shown (name);
  value = g_strconcat (open, text, close, NULL);
  if (c == '\t')
    /* Translators: %s is the refused name in quotes. */
    return g_strdup_printf (_("%s cannot be a name: it begins with a tab, which a spreadsheet "
                              "could take for the start of a formula"), value);
  if (c == '\r')
    /* Translators: %s is the refused name in quotes. */
    return g_strdup_printf (_("%s cannot be a name: it begins with a carriage return, which a "
                              "spreadsheet could take for the start of a formula"), value);
  start = g_strdup_printf ("%s%c%s", open, (char) c, close);
  /* Translators: the first %s is the refused name in quotes, the second the character it
   * begins with in quotes: “=”, “+”, “-” or “@”. */
  return g_strdup_printf (_("%s cannot be a name: it begins with %s, which a spreadsheet "
                            "would run as a formula"), value, start);
}

/**
 * sam_name_check:
 * @name: (nullable): the name as given
 * @domain: the error domain to set @error in
 * @code: the error code
 *
 * Returns: %TRUE where @name is safe; otherwise %FALSE, with @error saying why
 */
gboolean
sam_name_check (const char  *name,
                GQuark       domain,
                int          code,
                GError     **error)
{
  g_autofree char *message = sam_name_explain_unsafe (name, FALSE);

  if (message == NULL)
    return TRUE;
  g_set_error_literal (error, domain, code, message);
  return FALSE;
}

/**
 * sam_names_join:
 * @names: (element-type utf8): names, such as the labels of rounds
 *
 * Returns: (transfer full): the names as a sentence lists them: "Forår 2025, Efterår 2025"
 */
char *
sam_names_join (const GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (names != NULL, NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (names, i));
    }
  return g_string_free (text, FALSE);
}
