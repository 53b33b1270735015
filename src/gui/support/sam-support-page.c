/* sam-support-page.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-support-page"

#include "config.h"

#include "sam-support-page.h"

/* The offers of support for the clinic's further work, as the cluster package names them.
 * The page is all template: the offers are content, translated through po/ like the rest,
 * and carry no contact details that the package does not give. */

struct _SamSupportPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (SamSupportPage, sam_support_page, ADW_TYPE_BIN)

/* Opens a link of the package's in the browser (GtkUriLauncher is 4.10; on 4.8 this). */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
sam_support_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SAM_TYPE_SUPPORT_PAGE);

  G_OBJECT_CLASS (sam_support_page_parent_class)->dispose (object);
}

static void
sam_support_page_class_init (SamSupportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_support_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-support-page.ui");
  gtk_widget_class_install_action (widget_class, "support.open", "s", open_action);
}

static void
sam_support_page_init (SamSupportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
