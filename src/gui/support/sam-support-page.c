/* sam-support-page.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-support-page"

#include "config.h"

#include "sam-support-page.h"
#include "sam-support-page-private.h"

/* The offers of support for the clinic's further work, as the cluster package names them.
 * The page is all template: the offers are content, translated through po/ like the rest,
 * and carry no contact details that the package does not give.
 *
 * Its twenty rows of wrapped text took GTK some 75 ms to lay out at once (each label is
 * shaped at several widths), one long stall on a slow computer the first time the page was
 * shown. So the page comes with its first group of offers, and the others come in one a
 * frame after its first layout: no frame lays out more than two groups (20–40 ms there),
 * and all are in place some 100 ms later, before anyone has scrolled to them. */

struct _SamSupportPage
{
  AdwBin parent_instance;

  /* The groups after the first, in the order they come in. */
  GtkWidget *later[4];
  guint      n_later_shown;
  guint      later_tick;
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

static gboolean
show_next_group (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SamSupportPage *self = SAM_SUPPORT_PAGE (widget);

  /* Not before the first group has been laid out and drawn. */
  if (gtk_widget_get_width (widget) == 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_set_visible (self->later[self->n_later_shown++], TRUE);
  if (self->n_later_shown < G_N_ELEMENTS (self->later))
    return G_SOURCE_CONTINUE;
  self->later_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
sam_support_page_map (GtkWidget *widget)
{
  SamSupportPage *self = SAM_SUPPORT_PAGE (widget);

  GTK_WIDGET_CLASS (sam_support_page_parent_class)->map (widget);

  if (self->n_later_shown == 0 && self->later_tick == 0)
    self->later_tick = gtk_widget_add_tick_callback (widget, show_next_group, NULL, NULL);
}

gboolean
sam_support_page_is_complete (SamSupportPage *self)
{
  g_return_val_if_fail (SAM_IS_SUPPORT_PAGE (self), FALSE);

  return self->n_later_shown == G_N_ELEMENTS (self->later);
}

static void
sam_support_page_dispose (GObject *object)
{
  SamSupportPage *self = SAM_SUPPORT_PAGE (object);

  if (self->later_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->later_tick);
      self->later_tick = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), SAM_TYPE_SUPPORT_PAGE);

  G_OBJECT_CLASS (sam_support_page_parent_class)->dispose (object);
}

static void
sam_support_page_class_init (SamSupportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_support_page_dispose;
  widget_class->map = sam_support_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-support-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "packs_group", FALSE,
                                             G_STRUCT_OFFSET (SamSupportPage, later[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "regions_group", FALSE,
                                             G_STRUCT_OFFSET (SamSupportPage, later[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "kiap_group", FALSE,
                                             G_STRUCT_OFFSET (SamSupportPage, later[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "links_group", FALSE,
                                             G_STRUCT_OFFSET (SamSupportPage, later[3]));
  gtk_widget_class_install_action (widget_class, "support.open", "s", open_action);
}

static void
sam_support_page_init (SamSupportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
