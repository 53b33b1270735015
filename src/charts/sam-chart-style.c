/* sam-chart-style.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-style"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-chart-style.h"

/* The legibility rule, in one place: the smallest text per medium.
 *
 * - A screen at 100 %: 11 px, GNOME's smallest ("caption") text, times the text scale.
 * - A projector: 1/80 of the picture's width, 24 px at 1920 x 1080. On a picture two
 *   metres wide its capitals stand 18 mm tall; from the back of a meeting room eight
 *   metres away (seven picture heights, past the six that the usual 4-6-8 rule of room
 *   design allows for reading) that is 8 minutes of arc: well above the 5 that normal
 *   vision (20/20) needs, and still within reach of 20/30.
 * - The deck is the same picture as a slide: 12 pt on 960 x 540 pt, again 1/80.
 * - Paper (A4, printed or as a PDF): 8 pt, the smallest size kept for notes and legends in
 *   print.
 *
 * The text of a chart is never made smaller than this to fit: a label that does not fit
 * is moved or left out (sam-chart-private.c, SamLabels). */
#define SCREEN_MIN     11.0
#define PICTURE_PARTS  80.0
#define SLIDE_MIN      12.0
#define PAPER_MIN      8.0

static SamRgba
rgb (guint32 hex)
{
  SamRgba colour = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1.0 };

  return colour;
}

/* Even steps from @strong (code 1) to @mild (the last code). */
static void
fill_ramp (SamRgba *ramp,
           guint32  strong,
           guint32  mild)
{
  SamRgba from = rgb (strong), to = rgb (mild);

  for (guint i = 0; i < SAM_MAX_CODES; i++)
    {
      double t = i / (double) (SAM_MAX_CODES - 1);

      /* Whole steps of 1/255, so that a surface holds exactly this colour. */
      ramp[i].red = round ((from.red + (to.red - from.red) * t) * 255) / 255;
      ramp[i].green = round ((from.green + (to.green - from.green) * t) * 255) / 255;
      ramp[i].blue = round ((from.blue + (to.blue - from.blue) * t) * 255) / 255;
      ramp[i].alpha = 1;
    }
}

void
sam_chart_style_init (SamChartStyle *style,
                      SamChartTheme  theme,
                      double         scale)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (scale > 0);

  style->scale = scale;
  style->font_family = g_strdup ("Cantarell, DejaVu Sans, sans-serif");
  style->font_size = 13;
  style->medium = SAM_CHART_SCREEN;
  style->min_text = sam_chart_medium_min_text (SAM_CHART_SCREEN, scale, 0);

  switch (theme)
    {
    case SAM_CHART_DARK:
      style->background = rgb (0x242424);
      style->foreground = rgb (0xffffff);
      style->dim = rgb (0xb0b0b0);
      style->grid = rgb (0x404040);
      /* Okabe-Ito, lighter where the ground is dark. */
      style->units[SAM_UNIT_CLINIC] = rgb (0x56b4e9);
      style->units[SAM_UNIT_CLUSTER] = rgb (0xe69f00);
      style->units[SAM_UNIT_COUNTRY] = rgb (0xcccccc);
      /* On a dark ground the strong end is the light one. */
      style->favourable[0] = rgb (0x7ab8ee);
      style->favourable[1] = rgb (0x3a6f9e);
      style->neutral = rgb (0x6a6a6a);
      style->unfavourable[1] = rgb (0x9a5a24);
      style->unfavourable[0] = rgb (0xf0923e);
      fill_ramp (style->sequential, 0xcfe3f7, 0x1f4e7a);
      style->focus = rgb (0x99c1f1);
      break;
    case SAM_CHART_HIGH_CONTRAST:
      style->background = rgb (0xffffff);
      style->foreground = rgb (0x000000);
      style->dim = rgb (0x000000);
      style->grid = rgb (0x767676);
      style->units[SAM_UNIT_CLINIC] = rgb (0x004b87);
      style->units[SAM_UNIT_CLUSTER] = rgb (0x8f4b00);
      style->units[SAM_UNIT_COUNTRY] = rgb (0x000000);
      /* Fewer, further apart steps; segments are parted by white lines. */
      style->favourable[0] = rgb (0x00306b);
      style->favourable[1] = rgb (0x5b95d0);
      style->neutral = rgb (0xa6a6a6);
      style->unfavourable[1] = rgb (0xe8964a);
      style->unfavourable[0] = rgb (0x7a3300);
      fill_ramp (style->sequential, 0x00306b, 0xc9dcf0);
      style->focus = rgb (0x000000);
      break;
    case SAM_CHART_LIGHT:
    default:
      style->background = rgb (0xffffff);
      style->foreground = rgb (0x2e3436);
      style->dim = rgb (0x5e5c64);
      style->grid = rgb (0xdeddda);
      style->units[SAM_UNIT_CLINIC] = rgb (0x0072b2);
      style->units[SAM_UNIT_CLUSTER] = rgb (0xe69f00);
      style->units[SAM_UNIT_COUNTRY] = rgb (0x5e5c64);
      style->favourable[0] = rgb (0x1f5f9e);
      style->favourable[1] = rgb (0x8dbde3);
      style->neutral = rgb (0xc9c9c9);
      style->unfavourable[1] = rgb (0xf3b27a);
      style->unfavourable[0] = rgb (0xc2590f);
      fill_ramp (style->sequential, 0x143d6b, 0xd4e5f5);
      style->focus = rgb (0x1a5fb4);
      break;
    }
}

void
sam_chart_style_clear (SamChartStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_family, g_free);
}

/**
 * sam_chart_style_copy:
 * @dest: (out caller-allocates): made a copy of @src, to be cleared with
 *   sam_chart_style_clear()
 */
void
sam_chart_style_copy (SamChartStyle       *dest,
                      const SamChartStyle *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  *dest = *src;
  dest->font_family = g_strdup (src->font_family);
}

/* The colours, from the background to the focus ring, come first, one after another. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (SamChartStyle, background) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (SamChartStyle, focus) + sizeof (SamRgba) ==
                 G_STRUCT_OFFSET (SamChartStyle, font_family));

/**
 * sam_chart_style_equal:
 *
 * Returns: whether a chart drawn in @a looks as one drawn in @b
 */
gboolean
sam_chart_style_equal (const SamChartStyle *a,
                       const SamChartStyle *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return memcmp (a, b, G_STRUCT_OFFSET (SamChartStyle, font_family)) == 0 &&
         g_strcmp0 (a->font_family, b->font_family) == 0 && a->font_size == b->font_size &&
         a->scale == b->scale && a->medium == b->medium && a->min_text == b->min_text;
}

/**
 * sam_chart_medium_min_text:
 * @scale: the text scale (a screen's "large text", 1 otherwise)
 * @picture_width: the width of the whole picture (the projected screen, the slide), in
 *   the surface's units; 0 where unknown
 *
 * Returns: the smallest text a chart may hold on @medium, in the surface's units
 */
double
sam_chart_medium_min_text (SamChartMedium medium,
                           double         scale,
                           double         picture_width)
{
  switch (medium)
    {
    case SAM_CHART_PROJECTOR:
      return MAX (SCREEN_MIN * scale, picture_width / PICTURE_PARTS);
    case SAM_CHART_SLIDE:
      return MAX (SLIDE_MIN, picture_width / PICTURE_PARTS);
    case SAM_CHART_PAPER:
      return PAPER_MIN;
    case SAM_CHART_SCREEN:
    default:
      return SCREEN_MIN * scale;
    }
}

/**
 * sam_chart_style_set_medium:
 * @picture_width: see sam_chart_medium_min_text()
 *
 * Sets where the chart is read: its smallest text, and a scale at least large enough that
 * the style's small text is that size (lines and markers grow with it).
 */
void
sam_chart_style_set_medium (SamChartStyle  *style,
                            SamChartMedium  medium,
                            double          picture_width)
{
  g_return_if_fail (style != NULL);

  style->medium = medium;
  style->min_text = sam_chart_medium_min_text (medium, style->scale, picture_width);
  style->scale = MAX (style->scale, style->min_text / (style->font_size * 0.85));
}
