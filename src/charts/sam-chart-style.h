/* sam-chart-style.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sam-figures.h"

G_BEGIN_DECLS

/* Colours and type for the charts, never hard-coded for one theme: the widget fills one in
 * from the light, dark or high-contrast style, a PDF or PNG takes the light one. The three
 * units (clinic, cluster, country) take colours from the Okabe-Ito palette, which holds for
 * colour-blind readers, and differ in lightness too. Answer options take a diverging ramp,
 * blue for the favourable side, grey in the middle and orange for the other side (blue and
 * orange stay apart for every common colour blindness), or, for the meetings scale, which
 * has no favourable side, one blue in steps of lightness. */

typedef struct
{
  double red, green, blue, alpha;
} SamRgba;

typedef enum
{
  SAM_UNIT_CLINIC,
  SAM_UNIT_CLUSTER,
  SAM_UNIT_COUNTRY,
  SAM_N_UNITS
} SamUnit;

/* Where the chart is read, which sets the smallest text it may hold (the legibility rule,
 * sam_chart_style_set_medium()). */
typedef enum
{
  SAM_CHART_SCREEN,          /* a window: 11 px at 100 %, more with larger text */
  SAM_CHART_PROJECTOR,       /* presenting: 1/80 of the picture's width, 24 px at 1920 */
  SAM_CHART_SLIDE,           /* the meeting deck: 12 pt on its 960 x 540 pt slide (1/80) */
  SAM_CHART_PAPER,           /* printed, or a PDF for A4: 8 pt */
} SamChartMedium;

typedef struct
{
  SamRgba  background;
  SamRgba  foreground;
  SamRgba  dim;              /* axis labels, n */
  SamRgba  grid;
  SamRgba  units[SAM_N_UNITS];
  SamRgba  favourable[2];    /* [0] the strongest option (code 1), [1] the milder one */
  SamRgba  neutral;          /* the middle option of an odd scale */
  SamRgba  unfavourable[2];  /* [0] the strongest option (the last code), [1] the milder one */
  SamRgba  sequential[SAM_MAX_CODES]; /* one hue, [0] strongest (code 1, or mean 100) */
  SamRgba  focus;            /* the ring around the mark that has the keyboard focus */
  char    *font_family;
  double   font_size;        /* in the surface's units at scale 1 */
  double   scale;            /* 1 at 100 %, 2 at 200 % */
  SamChartMedium medium;     /* where it is read: SAM_CHART_SCREEN unless set */
  double   min_text;         /* the smallest text, in the surface's units: the medium's rule */
} SamChartStyle;

typedef enum
{
  SAM_CHART_LIGHT,
  SAM_CHART_DARK,
  SAM_CHART_HIGH_CONTRAST,
} SamChartTheme;

void   sam_chart_style_init       (SamChartStyle  *style,
                                   SamChartTheme   theme,
                                   double          scale);
void   sam_chart_style_clear      (SamChartStyle  *style);
void   sam_chart_style_copy       (SamChartStyle       *dest,
                                   const SamChartStyle *src);
gboolean sam_chart_style_equal    (const SamChartStyle *a,
                                   const SamChartStyle *b);
void   sam_chart_style_set_medium (SamChartStyle  *style,
                                   SamChartMedium  medium,
                                   double          picture_width);
double sam_chart_medium_min_text  (SamChartMedium  medium,
                                   double          scale,
                                   double          picture_width);

G_END_DECLS
