/* sam-collect-dialog.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-collect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-collect-dialog.h"
#include "sam-context-property.h"
#include "sam-dialogs.h"
#include "sam-qr.h"

/* "Answer on Phones…": while this window is open, the people of the computer's clinic
 * answer an open round's questionnaire on their own phones, through the clinic's own
 * network. It shows the address as a QR code large enough to scan across a table and as
 * text, how many have answered (never what, never who), and prints the code on one A4
 * sheet for the staff room. Closing it stops the server. */

struct _SamCollectDialog
{
  AdwWindow       parent_instance;

  SamContext     *context;
  SamCollect     *collect;
  gint64          round_id;
  gint64          clinic_id;
  char           *listen_address;
  char           *round_label;
  char           *clinic_code;

  GtkStack       *stack;
  GtkLabel       *heading_label;
  GtkDrawingArea *qr_area;
  GtkLabel       *address_label;
  GtkLabel       *count_label;
  GtkLabel       *closed_label;
  GtkLabel       *network_label;
  AdwStatusPage  *error_page;
  GtkButton      *print_button;
};

G_DEFINE_FINAL_TYPE (SamCollectDialog, sam_collect_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT = SAM_CONTEXT_PROP,
  PROP_ROUND_ID,
  PROP_CLINIC_ID,
  PROP_LISTEN_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_count (SamCollectDialog *self)
{
  guint n = sam_collect_get_n_answered (self->collect);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No one has answered yet"));
  else
    text = g_strdup_printf (ngettext ("%u person has answered", "%u people have answered", n), n);
  gtk_label_set_text (self->count_label, text);
}

/* A round closed in the window meanwhile takes no more answers; the phones are told so,
 * and so is whoever looks at this window. */
static void
on_store_changed (SamCollectDialog *self)
{
  g_autoptr(SamRound) round =
    sam_store_get_round (sam_context_get_store (self->context), self->round_id, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->closed_label), round == NULL || round->closed);
}

/* Printing: one A4 sheet */

static void
draw_text (GtkPrintContext *context,
           const char      *text,
           const char      *font,
           double           width,
           double          *y)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int text_width, text_height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &text_width, &text_height);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, *y);
  pango_cairo_show_layout (cr, layout);
  *y += (double) text_height / PANGO_SCALE;
}

static void
draw_sheet (GtkPrintOperation *operation,
            GtkPrintContext   *context,
            int                page_nr,
            SamCollectDialog  *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  const char *address = sam_collect_get_address (self->collect);
  g_autofree char *subtitle =
    g_strdup_printf (_("Round “%s” · %s"), self->round_label, self->clinic_code);
  double size = MIN (width * 0.8, height * 0.5);
  double y = 0;

  draw_text (context, _("Answer the Questionnaire on Your Phone"), "Sans Bold 24", width, &y);
  y += 6;
  draw_text (context, subtitle, "Sans 14", width, &y);
  y += 24;

  /* About 12 cm across: a phone reads it from a metre and more. */
  sam_qr_draw (cr, address, (width - size) / 2, y, size, FALSE);
  y += size + 18;

  draw_text (context, address, "Monospace Bold 14", width, &y);
  y += 24;
  draw_text (context, _("1. Join the clinic’s own Wi-Fi.\n"
                        "2. Point the phone’s camera at the code, or type the address.\n"
                        "3. Choose your role and answer."),
             "Sans 13", width, &y);
  y += 14;
  draw_text (context,
             _("Your answers are stored on the clinic’s computer without your name. The phones "
               "talk to it in plain HTTP over the clinic’s own network: nothing goes through the "
               "internet."),
             "Sans 11", width, &y);
  y += 10;
  draw_text (context, _("The code works while the clinic’s computer takes answers for this round."),
             "Sans Italic 10", width, &y);
}

static GtkPrintOperation *
create_print_operation (SamCollectDialog *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *job = g_strdup_printf (_("Answer on Phones: %s"), self->round_label);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_sheet), self);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  SamCollectDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      sam_dialogs_alert (GTK_WINDOW (self), _("The Sheet Was Not Printed"),
                         error ? error->message : "");
    }
  g_object_unref (self);
  g_object_unref (operation);
}

static void
on_print_clicked (SamCollectDialog *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  if (self->collect == NULL || sam_collect_get_address (self->collect) == NULL)
    return;
  operation = create_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), g_object_ref (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sam_dialogs_alert (GTK_WINDOW (self), _("The Sheet Was Not Printed"), error->message);
}

/**
 * sam_collect_dialog_export_sheet:
 *
 * Writes the A4 sheet the Print button prints as a PDF, without asking.
 */
gboolean
sam_collect_dialog_export_sheet (SamCollectDialog  *self,
                                 const char        *pdf_path,
                                 GError           **error)
{
  g_return_val_if_fail (SAM_IS_COLLECT_DIALOG (self), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);

  if (self->collect == NULL || sam_collect_get_address (self->collect) == NULL)
    {
      g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_FAILED,
                           _("Phones cannot answer now"));
      return FALSE;
    }
  return sam_dialogs_print_to_file (create_print_operation (self), pdf_path, error);
}

/* Life cycle */

static gboolean
sam_collect_dialog_close_request (GtkWindow *window)
{
  SamCollectDialog *self = SAM_COLLECT_DIALOG (window);
  GtkWindow *parent = gtk_window_get_transient_for (window);

  if (self->collect != NULL && sam_collect_is_running (self->collect))
    {
      guint n = sam_collect_get_n_answered (self->collect);

      sam_collect_stop (self->collect);
      if (n > 0 && parent != NULL)
        {
          g_autofree char *title = g_strdup_printf (ngettext ("%u person answered on a phone",
                                                              "%u people answered on phones", n),
                                                    n);

          sam_dialogs_toast (GTK_WIDGET (parent), title);
        }
    }
  return GTK_WINDOW_CLASS (sam_collect_dialog_parent_class)->close_request (window);
}

static void
sam_collect_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SamCollectDialog *self = SAM_COLLECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;
    case PROP_CLINIC_ID:
      g_value_set_int64 (value, self->clinic_id);
      break;
    case PROP_LISTEN_ADDRESS:
      g_value_set_string (value, self->listen_address);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_collect_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SamCollectDialog *self = SAM_COLLECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    case PROP_ROUND_ID:
      self->round_id = g_value_get_int64 (value);
      break;
    case PROP_CLINIC_ID:
      self->clinic_id = g_value_get_int64 (value);
      break;
    case PROP_LISTEN_ADDRESS:
      g_free (self->listen_address);
      self->listen_address = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char *
lookup_clinic_code (SamStore *store,
                    gint64    clinic_id)
{
  g_autoptr(GPtrArray) clinics = sam_store_list_clinics (store, NULL);

  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    if (((SamClinic *) g_ptr_array_index (clinics, i))->id == clinic_id)
      return g_strdup (((SamClinic *) g_ptr_array_index (clinics, i))->code);
  return NULL;
}

/* Starts the server for the round and clinic at once; where it cannot start, the window
 * says why. */
static void
sam_collect_dialog_constructed (GObject *object)
{
  SamCollectDialog *self = SAM_COLLECT_DIALOG (object);
  SamStore *store;
  g_autoptr(SamRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  const char *address;

  G_OBJECT_CLASS (sam_collect_dialog_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CONTEXT (self->context));
  store = sam_context_get_store (self->context);

  round = sam_store_get_round (store, self->round_id, NULL);
  self->round_label = g_strdup (round != NULL ? round->label : "");
  self->clinic_code = lookup_clinic_code (store, self->clinic_id);
  if (self->clinic_code == NULL)
    self->clinic_code = g_strdup ("");
  heading = g_strdup_printf (_("Round “%s” · %s"), self->round_label, self->clinic_code);
  gtk_label_set_text (self->heading_label, heading);

  self->collect = sam_collect_new (store, self->round_id, self->clinic_id);
  if (!sam_collect_start (self->collect, self->listen_address, 0, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
      return;
    }

  address = sam_collect_get_address (self->collect);
  sam_qr_area_show (self->qr_area, address);
  gtk_label_set_text (self->address_label, address);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, address, -1);
  g_signal_connect_object (self->collect, "notify::n-answered", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
  on_store_changed (self);
}

static void
sam_collect_dialog_dispose (GObject *object)
{
  SamCollectDialog *self = (SamCollectDialog *) object;

  /* The server stops with the window. */
  if (self->collect != NULL)
    sam_collect_stop (self->collect);
  g_clear_object (&self->collect);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_COLLECT_DIALOG);

  G_OBJECT_CLASS (sam_collect_dialog_parent_class)->dispose (object);
}

static void
sam_collect_dialog_finalize (GObject *object)
{
  SamCollectDialog *self = (SamCollectDialog *) object;

  g_free (self->listen_address);
  g_free (self->round_label);
  g_free (self->clinic_code);

  G_OBJECT_CLASS (sam_collect_dialog_parent_class)->finalize (object);
}

static void
sam_collect_dialog_class_init (SamCollectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = sam_collect_dialog_get_property;
  object_class->set_property = sam_collect_dialog_set_property;
  object_class->constructed = sam_collect_dialog_constructed;
  object_class->dispose = sam_collect_dialog_dispose;
  object_class->finalize = sam_collect_dialog_finalize;
  window_class->close_request = sam_collect_dialog_close_request;

  properties[PROP_CONTEXT] = sam_context_param_spec ();
  properties[PROP_ROUND_ID] = g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_CLINIC_ID] = g_param_spec_int64 ("clinic-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_LISTEN_ADDRESS] =
    g_param_spec_string ("listen-address", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-collect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, qr_area);
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, address_label);
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, closed_label);
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, network_label);
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SamCollectDialog, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_collect_dialog_init (SamCollectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sam_collect_dialog_new:
 * @listen_address: (nullable): where to listen, or %NULL for this computer's addresses
 *   on the local network
 *
 * Starts the server for @round_id and @clinic_id at once; where it cannot start, the
 * window says why.
 */
SamCollectDialog *
sam_collect_dialog_new (GtkWindow  *parent,
                        SamContext *context,
                        gint64      round_id,
                        gint64      clinic_id,
                        const char *listen_address)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  return g_object_new (SAM_TYPE_COLLECT_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       "round-id", round_id,
                       "clinic-id", clinic_id,
                       "listen-address", listen_address,
                       NULL);
}

/**
 * sam_collect_dialog_get_collect:
 *
 * Returns: (transfer none): the server of this window
 */
SamCollect *
sam_collect_dialog_get_collect (SamCollectDialog *self)
{
  g_return_val_if_fail (SAM_IS_COLLECT_DIALOG (self), NULL);

  return self->collect;
}

/* The window's action */

/* The window's open collect window, where there is one. */
static GtkWindow *
find_dialog (GtkWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SAM_IS_COLLECT_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == window)
      return l->data;
  return NULL;
}

/**
 * sam_collect_dialog_present_for_round:
 *
 * Lets the computer's clinic answer @round_id on phones: the window with the code, or a
 * message where the round is closed or the computer belongs to no clinic of its cluster.
 * One round at a time: while a window of it is open, that one is shown.
 *
 * Returns: (transfer none) (nullable): the window shown
 */
GtkWindow *
sam_collect_dialog_present_for_round (GtkWindow  *window,
                                      SamContext *context,
                                      gint64      round_id,
                                      const char *listen_address)
{
  SamStore *store;
  g_autoptr(SamRound) round = NULL;
  g_autoptr(GPtrArray) clinics = NULL;
  GtkWindow *dialog;
  gint64 own, clinic_id = 0;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);

  store = sam_context_get_store (context);

  dialog = find_dialog (window);
  if (dialog != NULL)
    {
      gtk_window_present (dialog);
      return dialog;
    }

  round = sam_store_get_round (store, round_id, NULL);
  if (round == NULL)
    return NULL;
  if (round->closed)
    return sam_dialogs_alert (window, _("The Round Is Closed"),
                              _("A closed round takes no more answers. Reopen it on the Overview "
                                "first."));

  own = sam_store_get_own_clinic (store);
  clinics = sam_store_list_clinics (store, NULL);
  for (guint i = 0; clinics != NULL && i < clinics->len; i++)
    {
      SamClinic *clinic = g_ptr_array_index (clinics, i);

      if (clinic->id == own && clinic->cluster_id == round->cluster_id)
        clinic_id = clinic->id;
    }
  if (clinic_id == 0)
    return sam_dialogs_alert (window, _("Which Clinic Is This Computer’s?"),
                              _("Phones answer for the clinic this computer belongs to, and it "
                                "must be in the round’s cluster. Choose the clinic in "
                                "Preferences."));

  dialog = GTK_WINDOW (sam_collect_dialog_new (window, context, round_id, clinic_id,
                                               listen_address));
  gtk_window_present (dialog);
  return dialog;
}
