/* sam-dates.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-dates"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-dates.h"

/* Dates are shown in the language of the interface, whatever the time locale says, so a
 * Danish screen never reads "18. March". */

static const char *month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

/* Strictly YYYY-MM-DD, and a day that exists. */
gboolean
sam_date_parse_iso (const char *iso,
                    GDate      *date)
{
  guint year, month, day;
  char tail;

  g_return_val_if_fail (date != NULL, FALSE);

  if (iso == NULL || strlen (iso) != 10 ||
      sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      iso[4] != '-' || iso[7] != '-' ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * sam_date_format_long:
 *
 * Returns: (transfer full): the date as in "18 March 2026", in the interface's language
 */
char *
sam_date_format_long (const GDate *date)
{
  const char *month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[g_date_get_month (date) - 1]);
  /* Translators: a date: the day, the month's name, the year, as in "18 March 2026". */
  return g_strdup_printf (_("%1$u %2$s %3$u"), g_date_get_day (date), month, g_date_get_year (date));
}

/**
 * sam_date_format_iso:
 *
 * Returns: (transfer full): @iso in the long form, or a copy of @iso where it is no date
 */
char *
sam_date_format_iso (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!sam_date_parse_iso (iso, &date))
    return g_strdup (iso);
  return sam_date_format_long (&date);
}
