/* sam-renderer.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Which of GTK's renderers draws the app's windows.
 *
 * GTK 4.8 draws with OpenGL wherever OpenGL is there, even when it is Mesa's software
 * rasterizer (llvmpipe): a computer without a graphics driver, a virtual machine, a remote
 * desktop. There every frame of a full window costs 25–45 ms of the main thread, where GTK's
 * cairo renderer draws the same frame in 5–25 ms (bench-results, README's Speed). So on a
 * software rasterizer the app asks GTK for its cairo renderer, as it would be asked with
 * GSK_RENDERER=cairo; a GSK_RENDERER the user set is left alone. */

gboolean    sam_renderer_is_software_gl (const char *gl_renderer);
char       *sam_renderer_probe_gl       (GdkDisplay *display);
void        sam_renderer_choose         (GdkDisplay *display);
const char *sam_renderer_describe       (GtkNative  *native);

G_END_DECLS
