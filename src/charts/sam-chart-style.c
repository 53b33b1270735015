/* sam-chart-style.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-style"

#include "config.h"

#include "sam-chart-style.h"

static SamRgba
rgb (guint32 hex)
{
  SamRgba colour = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0 };

  return colour;
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
      break;
    case SAM_CHART_HIGH_CONTRAST:
      style->background = rgb (0xffffff);
      style->foreground = rgb (0x000000);
      style->dim = rgb (0x000000);
      style->grid = rgb (0x767676);
      style->units[SAM_UNIT_CLINIC] = rgb (0x004b87);
      style->units[SAM_UNIT_CLUSTER] = rgb (0x8f4b00);
      style->units[SAM_UNIT_COUNTRY] = rgb (0x000000);
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
      break;
    }
}

void
sam_chart_style_clear (SamChartStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_family, g_free);
}
