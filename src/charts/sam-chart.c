/* sam-chart.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart"

#include "config.h"

#include "sam-chart.h"

struct _SamChart
{
  gatomicrefcount     ref_count;
  const SamChartKind *kind;
  char               *title;
  gpointer            data;
  GDestroyNotify      destroy;
};

G_DEFINE_BOXED_TYPE (SamChart, sam_chart, sam_chart_ref, sam_chart_unref)

/**
 * sam_chart_new:
 * @kind: the kind's functions, static
 * @title: what the chart is called, for a heading, a file name and a print-out
 * @data: (transfer full): the kind's data
 * @destroy: (nullable): frees @data with the chart
 */
SamChart *
sam_chart_new (const SamChartKind *kind,
               const char         *title,
               gpointer            data,
               GDestroyNotify      destroy)
{
  SamChart *chart;

  g_return_val_if_fail (kind != NULL && kind->draw != NULL, NULL);

  chart = g_new0 (SamChart, 1);
  g_atomic_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->title = g_strdup (title ? title : "");
  chart->data = data;
  chart->destroy = destroy;
  return chart;
}

SamChart *
sam_chart_ref (SamChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  g_atomic_ref_count_inc (&chart->ref_count);
  return chart;
}

void
sam_chart_unref (SamChart *chart)
{
  g_return_if_fail (chart != NULL);

  if (!g_atomic_ref_count_dec (&chart->ref_count))
    return;
  if (chart->destroy != NULL)
    chart->destroy (chart->data);
  g_free (chart->title);
  g_free (chart);
}

const char *
sam_chart_get_title (SamChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title;
}

const char *
sam_chart_get_kind_name (SamChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->kind->name;
}

gconstpointer
sam_chart_get_data (SamChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->data;
}

void
sam_chart_draw (SamChart            *chart,
                const SamChartStyle *style,
                cairo_t             *cr,
                double               width,
                double               height)
{
  g_return_if_fail (chart != NULL && style != NULL && cr != NULL);

  cairo_save (cr);
  chart->kind->draw (chart->data, style, cr, width, height);
  cairo_restore (cr);
}

/**
 * sam_chart_describe:
 *
 * Returns: (transfer full): what the chart shows, in words, for a screen reader
 */
char *
sam_chart_describe (SamChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->kind->describe != NULL ? chart->kind->describe (chart->data)
                                       : g_strdup (chart->title);
}

/**
 * sam_chart_marks:
 *
 * Returns: (transfer full): the chart's marks (SamChartMark) at this size, in reading
 *   order, for hover and for moving the focus with the keyboard
 */
GArray *
sam_chart_marks (SamChart            *chart,
                 const SamChartStyle *style,
                 double               width,
                 double               height)
{
  g_return_val_if_fail (chart != NULL && style != NULL, NULL);

  return chart->kind->marks != NULL ? chart->kind->marks (chart->data, style, width, height)
                                    : sam_chart_marks_new ();
}

/**
 * sam_chart_table:
 *
 * Returns: (transfer full): the chart's numbers as a table
 */
SamChartTable *
sam_chart_table (SamChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->kind->table != NULL ? chart->kind->table (chart->data)
                                    : sam_chart_table_new (chart->title);
}

SamChartTable *
sam_chart_table_new (const char *caption)
{
  SamChartTable *table = g_new0 (SamChartTable, 1);

  table->caption = g_strdup (caption ? caption : "");
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

void
sam_chart_table_add_column (SamChartTable *table,
                            const char    *heading)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (table->rows->len == 0);

  g_ptr_array_add (table->columns, g_strdup (heading));
}

/**
 * sam_chart_table_add_row:
 * @cells: as many as the table has columns
 */
void
sam_chart_table_add_row (SamChartTable      *table,
                         const char * const *cells)
{
  char **row;

  g_return_if_fail (table != NULL && cells != NULL);

  row = g_new0 (char *, table->columns->len + 1);
  for (guint c = 0; c < table->columns->len; c++)
    row[c] = g_strdup (cells[c] ? cells[c] : "");
  g_ptr_array_add (table->rows, row);
}

void
sam_chart_table_free (SamChartTable *table)
{
  if (table == NULL)
    return;
  g_free (table->caption);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
clear_mark (gpointer data)
{
  SamChartMark *mark = data;

  g_clear_pointer (&mark->label, g_free);
}

GArray *
sam_chart_marks_new (void)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (SamChartMark));

  g_array_set_clear_func (marks, clear_mark);
  return marks;
}

/**
 * sam_chart_marks_add:
 * @label: (transfer full): the exact figures behind the mark
 */
void
sam_chart_marks_add (GArray        *marks,
                     const SamRect *rect,
                     char          *label)
{
  SamChartMark mark = { *rect, label };

  g_array_append_val (marks, mark);
}
