/* sam-import-dialog.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-context-property.h"
#include "sam-background.h"
#include "sam-import-dialog.h"
#include "sam-import-dialog-private.h"
#include "sam-names.h"

/* Shows what a survey file will add (clinics, respondents per role, answers, ignored
 * columns), or every error in it, before anything is stored. The import itself happens
 * on the "import" response, as one change; the window offers the undo. */

struct _SamImportDialog
{
  AdwMessageDialog  parent_instance;

  SamContext       *context;
  char             *name;
  GBytes           *bytes;
  SamSurveyImport  *import;
  char             *parsed_round;   /* the round the file was read with, for rows without */
  gboolean          reading;        /* a worker is reading the file */
  gboolean          importing;      /* the worker is storing it */

  AdwEntryRow      *cluster_row;
  AdwEntryRow      *round_row;
  GtkListBox       *summary_list;
  AdwActionRow     *clinics_row;
  AdwActionRow     *respondents_row;
  AdwActionRow     *answers_row;
  AdwActionRow     *ignored_row;
  GtkWidget        *errors_box;
  GtkListBox       *errors_list;
};

G_DEFINE_FINAL_TYPE (SamImportDialog, sam_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_CONTEXT = SAM_CONTEXT_PROP,
  PROP_NAME,
  PROP_BYTES,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
join (const GPtrArray *list,
      guint            max)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len && i < max; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (list, i));
    }
  if (list->len > max)
    g_string_append_printf (text, ngettext (" and %u more", " and %u more", list->len - max),
                            list->len - max);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "2 doctors in a partnership, 1 solo doctor, 3 staff", leaving out roles with none. */
static char *
describe_respondents (SamSurveyImport *import)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint counts[SAM_N_ROLES];

  for (guint role = 0; role < SAM_N_ROLES; role++)
    counts[role] = sam_survey_import_get_n_respondents (import, role);

  if (counts[SAM_ROLE_PARTNER] > 0)
    g_string_append_printf (text,
                            ngettext ("%u doctor in a partnership", "%u doctors in a partnership",
                                      counts[SAM_ROLE_PARTNER]),
                            counts[SAM_ROLE_PARTNER]);
  if (counts[SAM_ROLE_SOLO] > 0)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text,
                              ngettext ("%u solo doctor", "%u solo doctors", counts[SAM_ROLE_SOLO]),
                              counts[SAM_ROLE_SOLO]);
    }
  if (counts[SAM_ROLE_STAFF] > 0)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text,
                              ngettext ("%u member of staff", "%u members of staff",
                                        counts[SAM_ROLE_STAFF]),
                              counts[SAM_ROLE_STAFF]);
    }
  if (text->len == 0)
    g_string_append (text, _("None"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Why the row's name cannot be one, a spreadsheet would run it as a formula; the row is
 * marked while it is so. */
static char *
check_name (AdwEntryRow *row)
{
  char *unsafe = NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (row)))
    unsafe = sam_name_explain_unsafe (text_of (row), FALSE);
  if (unsafe != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  return unsafe;
}

/* Every error a row of its own, to scroll through and select: "svar.csv:14:q7c: …". */
static void
show_errors (SamImportDialog *self)
{
  const GPtrArray *errors = sam_survey_import_get_errors (self->import);
  guint more = sam_survey_import_get_n_more_errors (self->import);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->errors_list))) != NULL)
    gtk_list_box_remove (self->errors_list, child);
  for (guint i = 0; i <= errors->len; i++)
    {
      g_autofree char *more_text = NULL;
      const char *text;
      GtkWidget *label;

      if (i < errors->len)
        text = g_ptr_array_index (errors, i);
      else if (more > 0)
        text = more_text =
          g_strdup_printf (ngettext ("and %u more error", "and %u more errors", more), more);
      else
        break;
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->errors_list, label);
    }
}

/* One of the app's own files: which it is, and which import takes it. */
static gboolean
show_own_file (SamImportDialog *self)
{
  const char *heading;

  switch (sam_survey_import_get_own_file (self->import))
    {
    case SAM_OWN_FILE_RESULTS:
      heading = _("This Is a Results File");
      break;
    case SAM_OWN_FILE_TALLIES:
      heading = _("This Is a Tallies File");
      break;
    case SAM_OWN_FILE_FIGURES:
      heading = _("This Is a Figures File");
      break;
    case SAM_OWN_FILE_NONE:
    default:
      return FALSE;
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               g_ptr_array_index (sam_survey_import_get_errors (self->import), 0));
  gtk_widget_set_visible (self->errors_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_list), FALSE);
  return TRUE;
}

/* Reads the file again where what the person typed goes into it, checks it against the
 * database, and shows the outcome. */
static void
refresh (SamImportDialog *self)
{
  SamStore *store;
  g_autofree char *cluster = g_strstrip (g_strdup (text_of (self->cluster_row)));
  g_autofree char *round = g_strstrip (g_strdup (text_of (self->round_row)));
  g_autofree char *respondents = NULL;
  g_autofree char *clinics = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *unsafe_cluster = NULL;
  g_autofree char *unsafe_round = NULL;
  g_autoptr(GError) error = NULL;
  const char *parse_round;
  gboolean ok;

  /* Being read or stored: a worker has the import. */
  if (self->reading || self->importing || self->context == NULL)
    return;
  store = sam_context_get_store (self->context);

  /* A round typed that a spreadsheet would run as a formula is said below, as a name
   * typed, not among the file's errors. The file is read again only where the round typed
   * goes into it (rows that name none): typing the cluster's name reads nothing again (a
   * national file takes 70–90 ms to read). */
  parse_round = *round && sam_name_is_safe (text_of (self->round_row)) ? round : NULL;
  if (self->import == NULL ||
      (sam_survey_import_get_n_without_round (self->import) > 0 &&
       g_strcmp0 (parse_round, self->parsed_round) != 0))
    {
      g_clear_pointer (&self->import, sam_survey_import_free);
      self->import = sam_survey_import_parse (self->name, self->bytes, parse_round);
      g_free (self->parsed_round);
      self->parsed_round = g_strdup (parse_round);
    }
  sam_survey_import_forget_check (self->import);

  /* The round is asked only where rows name none. */
  gtk_widget_set_visible (GTK_WIDGET (self->round_row),
                          sam_survey_import_get_n_without_round (self->import) > 0);
  unsafe_cluster = check_name (self->cluster_row);
  unsafe_round = check_name (self->round_row);

  /* Checked against the database once the cluster and the round are named. */
  ok = sam_survey_import_get_errors (self->import)->len == 0 && *cluster != '\0' &&
       (*round != '\0' || sam_survey_import_get_n_without_round (self->import) == 0) &&
       unsafe_cluster == NULL && unsafe_round == NULL;
  if (ok)
    ok = sam_survey_import_check (self->import, store, cluster, &error);

  if (show_own_file (self))
    ;
  else if (sam_survey_import_get_errors (self->import)->len > 0)
    {
      show_errors (self);
      gtk_widget_set_visible (self->errors_box, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_list), FALSE);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("The File Cannot Be Imported"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("Nothing was stored. Mend these places in the file and import "
                                     "it again."));
    }
  else
    {
      gtk_widget_set_visible (self->errors_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_list), TRUE);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Import Survey Answers?"));
      if (unsafe_cluster != NULL || unsafe_round != NULL)
        adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                     unsafe_cluster != NULL ? unsafe_cluster : unsafe_round);
      else
        adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                        _("This is what “%s” adds. Nothing is stored until you "
                                          "import it."),
                                        self->name);
    }

  clinics = join (sam_survey_import_get_clinics (self->import), 6);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clinics_row),
                                 sam_survey_import_get_clinics (self->import)->len == 1
                                 ? _("Clinic") : _("Clinics"));
  adw_action_row_set_subtitle (self->clinics_row, clinics);

  respondents = describe_respondents (self->import);
  adw_action_row_set_subtitle (self->respondents_row, respondents);

  answers = g_strdup_printf ("%u", sam_survey_import_get_n_answers (self->import));
  adw_action_row_set_subtitle (self->answers_row, answers);

  if (sam_survey_import_get_ignored_columns (self->import)->len > 0)
    {
      g_autofree char *ignored = join (sam_survey_import_get_ignored_columns (self->import), 8);

      adw_action_row_set_subtitle (self->ignored_row, ignored);
      gtk_widget_set_visible (GTK_WIDGET (self->ignored_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->ignored_row), FALSE);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", ok);
}

/* What a worker does with the file: reads it first (a national file takes 70–90 ms), and
 * stores the import, on a connection of its own (16,500 respondents take half a second).
 * The import is the worker's until it returns, then the dialog's again. */
typedef struct
{
  SamSurveyImport *import;
  char            *name;        /* reading: the file's */
  GBytes          *bytes;
  char            *round;
  char            *path;        /* storing: the database's */
  char            *cluster;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_clear_pointer (&work->import, sam_survey_import_free);
  g_free (work->name);
  g_clear_pointer (&work->bytes, g_bytes_unref);
  g_free (work->round);
  g_free (work->path);
  g_free (work->cluster);
  g_free (work);
}

/* Runs @work (taken) in a worker; the dialog lives until @callback has run. */
static void
run_work (SamImportDialog     *self,
          Work                *work,
          const char          *name,
          GTaskThreadFunc      func,
          GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, NULL);

  g_task_set_source_tag (task, run_work);
  g_task_set_name (task, name);
  g_task_set_task_data (task, work, work_free);
  sam_background_run (task, func);
}

static void
commit_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(SamStore) store = NULL;
  SamSurveyImportResult result;
  GError *error = NULL;

  store = sam_store_new (work->path, &error);
  if (store == NULL || !sam_survey_import_commit (work->import, store, work->cluster, &result,
                                                  &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, result);
}

static void
on_committed (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  SamImportDialog *self = SAM_IMPORT_DIALOG (source);
  Work *work = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  gssize result = g_task_propagate_int (G_TASK (res), &error);

  /* The import is the dialog's again, for the window to take for its undo. */
  g_clear_pointer (&self->import, sam_survey_import_free);
  self->import = g_steal_pointer (&work->import);
  self->importing = FALSE;
  /* The window's connection learns of the other's commit: every page shows it. */
  if (self->context != NULL)
    sam_store_check_other_writers (sam_context_get_store (self->context));
  if (error != NULL)
    {
      g_autofree char *errors = sam_survey_import_describe_errors (self->import);

      g_signal_emit (self, signals[IMPORTED], 0, NULL, *errors ? errors : error->message);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, self->import,
                 result == SAM_SURVEY_IMPORT_ALREADY ? "already" : NULL);
}

static void
on_response (SamImportDialog *self,
             const char      *response)
{
  Work *work;

  if (g_strcmp0 (response, "import") != 0 || self->import == NULL || self->importing)
    return;

  work = g_new0 (Work, 1);
  work->import = g_steal_pointer (&self->import);
  work->path = g_strdup (sam_store_get_path (sam_context_get_store (self->context)));
  work->cluster = g_strstrip (g_strdup (text_of (self->cluster_row)));
  self->importing = TRUE;
  run_work (self, work, "[samarbejde] import", commit_in_thread, on_committed);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;

  g_task_return_pointer (task, sam_survey_import_parse (work->name, work->bytes, work->round),
                         (GDestroyNotify) sam_survey_import_free);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SamImportDialog *self = SAM_IMPORT_DIALOG (source);
  Work *work = g_task_get_task_data (G_TASK (result));

  self->reading = FALSE;
  g_clear_pointer (&self->import, sam_survey_import_free);
  self->import = g_task_propagate_pointer (G_TASK (result), NULL);
  self->parsed_round = g_strdup (work->round);
  refresh (self);
}

static void
read_file (SamImportDialog *self)
{
  g_autofree char *round = g_strstrip (g_strdup (text_of (self->round_row)));
  Work *work = g_new0 (Work, 1);

  work->name = g_strdup (self->name);
  work->bytes = g_bytes_ref (self->bytes);
  work->round = *round && sam_name_is_safe (text_of (self->round_row))
                ? g_steal_pointer (&round) : NULL;
  self->reading = TRUE;
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self), _("Reading “%s”…"), self->name);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", FALSE);
  run_work (self, work, "[samarbejde] read survey", read_in_thread, on_read);
}

static void
sam_import_dialog_constructed (GObject *object)
{
  SamImportDialog *self = (SamImportDialog *) object;
  SamStore *store = sam_context_get_store (self->context);
  g_autoptr(GPtrArray) clusters = sam_store_list_clusters (store, NULL);
  g_autoptr(GPtrArray) rounds = sam_store_list_rounds (store, NULL);

  G_OBJECT_CLASS (sam_import_dialog_parent_class)->constructed (object);

  /* Offer what the database most likely means: its cluster and newest open round. The
   * fields' changes read nothing yet: the worker reads the file once, with them. */
  self->reading = TRUE;
  if (clusters != NULL && clusters->len == 1)
    gtk_editable_set_text (GTK_EDITABLE (self->cluster_row),
                           ((SamCluster *) g_ptr_array_index (clusters, 0))->name);
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      SamRound *round = g_ptr_array_index (rounds, i);

      if (!round->closed)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->round_row), round->label);
          break;
        }
    }

  read_file (self);
}

static void
sam_import_dialog_finalize (GObject *object)
{
  SamImportDialog *self = (SamImportDialog *) object;

  /* Given back by a worker after the dialog was closed. */
  g_clear_pointer (&self->import, sam_survey_import_free);

  G_OBJECT_CLASS (sam_import_dialog_parent_class)->finalize (object);
}

static void
sam_import_dialog_dispose (GObject *object)
{
  SamImportDialog *self = (SamImportDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->import, sam_survey_import_free);
  g_clear_pointer (&self->parsed_round, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (sam_import_dialog_parent_class)->dispose (object);
}

static void
sam_import_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SamImportDialog *self = SAM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_BYTES:
      self->bytes = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SamImportDialog *self = SAM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BYTES:
      g_value_set_boxed (value, self->bytes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_import_dialog_class_init (SamImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_import_dialog_constructed;
  object_class->dispose = sam_import_dialog_dispose;
  object_class->finalize = sam_import_dialog_finalize;
  object_class->get_property = sam_import_dialog_get_property;
  object_class->set_property = sam_import_dialog_set_property;

  properties[PROP_CONTEXT] = sam_context_param_spec ();
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES] =
    g_param_spec_boxed ("bytes", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamImportDialog::imported:
   * @import: (nullable): the committed import, for an undo; %NULL where it failed
   * @message: (nullable): "already" where the file was there before, or the error
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sam-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, cluster_row);
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, round_row);
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, summary_list);
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, clinics_row);
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, respondents_row);
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, answers_row);
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, ignored_row);
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, errors_box);
  gtk_widget_class_bind_template_child (widget_class, SamImportDialog, errors_list);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
sam_import_dialog_init (SamImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SamImportDialog *
sam_import_dialog_new (GtkWindow  *parent,
                       SamContext *context,
                       const char *name,
                       GBytes     *bytes)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (name != NULL && bytes != NULL, NULL);

  return g_object_new (SAM_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "context", context,
                       "name", name,
                       "bytes", bytes,
                       NULL);
}

/**
 * sam_import_dialog_get_import:
 *
 * Returns: (transfer none): the file as read with the dialog's current choices
 */
SamSurveyImport *
sam_import_dialog_get_import (SamImportDialog *self)
{
  g_return_val_if_fail (SAM_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/**
 * sam_import_dialog_steal_import:
 *
 * Returns: (transfer full) (nullable): the import, which the dialog no longer holds
 */
SamSurveyImport *
sam_import_dialog_steal_import (SamImportDialog *self)
{
  g_return_val_if_fail (SAM_IS_IMPORT_DIALOG (self), NULL);

  return g_steal_pointer (&self->import);
}

gboolean
sam_import_dialog_is_reading (SamImportDialog *self)
{
  g_return_val_if_fail (SAM_IS_IMPORT_DIALOG (self), FALSE);

  return self->reading;
}

gboolean
sam_import_dialog_has_errors (SamImportDialog *self)
{
  g_return_val_if_fail (SAM_IS_IMPORT_DIALOG (self), TRUE);

  return sam_survey_import_get_errors (self->import)->len > 0;
}
