/* sam-renderer.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-renderer"

#include "config.h"

#include <epoxy/gl.h>

#include "sam-renderer.h"

/* Mesa's software rasterizers name themselves in GL_RENDERER: "llvmpipe (LLVM 15.0.6, 256
 * bits)", "softpipe", "Software Rasterizer" (the old swrast), "SWR (LLVM …)". A GPU in a virtual
 * machine (virgl, SVGA3D) is not one of them. */
gboolean
sam_renderer_is_software_gl (const char *gl_renderer)
{
  static const char * const software[] = {
    "llvmpipe", "softpipe", "software rasterizer", "swr (",
  };
  g_autofree char *name = NULL;

  if (gl_renderer == NULL)
    return FALSE;
  name = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (name, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The GL_RENDERER of a context on @display, or %NULL where GTK has no OpenGL there (GTK then
 * draws with cairo by itself). The context made here is GTK's to share: the GL renderer
 * makes the same display context on its first frame. */
char *
sam_renderer_probe_gl (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  char *result;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL here: %s", error != NULL ? error->message : "");
      return NULL;
    }
  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  result = g_strdup (name);
  gdk_gl_context_clear_current ();
  return result;
}

void
sam_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  gl_renderer = sam_renderer_probe_gl (display);
  if (!sam_renderer_is_software_gl (gl_renderer))
    return;
  g_debug ("OpenGL is %s, a software rasterizer: drawing with cairo", gl_renderer);
  /* GTK asks the display before GSK_RENDERER and the other renderers (gskrenderer.c,
   * get_renderer_for_display), for each window it realizes. */
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
}

/* The renderer drawing @native, as its type names it ("GskCairoRenderer", "GskGLRenderer"),
 * for benchmarks and tests; %NULL before @native is realized. */
const char *
sam_renderer_describe (GtkNative *native)
{
  GskRenderer *renderer;

  g_return_val_if_fail (GTK_IS_NATIVE (native), NULL);

  renderer = gtk_native_get_renderer (native);
  return renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : NULL;
}
