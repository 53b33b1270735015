/* sam-date-row.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-date-row.h"
#include "sam-dates.h"

/* The one date control of the app: a row with the date typed as the interface's language
 * types it ("04-05-2026" in Danish; ISO and the English forms are read too, see
 * sam_date_parse), a button that opens a calendar, and below the title what the date is
 * in words ("4. maj 2026"), or why what was typed is not one. What was typed stays as it
 * was typed: the calendar writes a date only when a day is chosen in it. */

struct _SamDateRow
{
  AdwActionRow    parent_instance;

  GtkEntry       *entry;
  GtkMenuButton  *calendar_button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;

  char           *date;          /* ISO, or NULL */
  char           *message;       /* why the text is no date, or NULL */
  gboolean        optional;
  gboolean        syncing;       /* the calendar is being set, not chosen in */
};

G_DEFINE_FINAL_TYPE (SamDateRow, sam_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_VALID,
  PROP_OPTIONAL,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Reads the entry, and shows the outcome. */
static void
update (SamDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *subtitle = NULL;
  gboolean was_valid = self->message == NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_clear_pointer (&self->message, g_free);
  if (sam_date_parse (text, &date, &error))
    {
      char buffer[16];

      g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
      iso = g_strdup (buffer);
      subtitle = sam_date_format_long (&date);
    }
  else if (!(self->optional && g_error_matches (error, SAM_DATE_ERROR, SAM_DATE_ERROR_EMPTY)))
    self->message = g_strdup (error->message);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               self->message != NULL ? self->message
                               : subtitle != NULL ? subtitle : "");
  if (self->message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self), "date-error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "date-error");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->message != NULL ? self->message
                                  : subtitle != NULL ? subtitle : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               self->message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                     : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  if (g_strcmp0 (iso, self->date) != 0)
    {
      g_free (self->date);
      self->date = g_steal_pointer (&iso);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
  if (was_valid != (self->message == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
on_entry_changed (SamDateRow *self)
{
  update (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The calendar opens on the date typed, or on today. */
static void
on_popover_show (SamDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (self->date != NULL && sam_date_parse_iso (self->date, &date))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 12, 0, 0);
  else
    day = g_date_time_new_now_local ();
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->syncing = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
on_day_selected (SamDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (self->syncing)
    return;
  day = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  text = sam_date_format_short (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Escape closes the calendar and gives the keys back to the text, which is as typed. */
static gboolean
on_popover_key_pressed (SamDateRow      *self,
                        guint            keyval,
                        guint            keycode,
                        GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return TRUE;
}

/* Alt+Down in the text opens the calendar, as in a combo box. */
static gboolean
on_entry_key_pressed (SamDateRow      *self,
                      guint            keyval,
                      guint            keycode,
                      GdkModifierType  state)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && (state & GDK_ALT_MASK))
    {
      gtk_menu_button_popup (self->calendar_button);
      return TRUE;
    }
  return FALSE;
}

static void
sam_date_row_dispose (GObject *object)
{
  SamDateRow *self = SAM_DATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_DATE_ROW);
  G_OBJECT_CLASS (sam_date_row_parent_class)->dispose (object);
}

static void
sam_date_row_finalize (GObject *object)
{
  SamDateRow *self = SAM_DATE_ROW (object);

  g_free (self->date);
  g_free (self->message);
  G_OBJECT_CLASS (sam_date_row_parent_class)->finalize (object);
}

static void
sam_date_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SamDateRow *self = SAM_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, sam_date_row_get_valid (self));
      break;
    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_date_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SamDateRow *self = SAM_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      sam_date_row_set_date (self, g_value_get_string (value));
      break;
    case PROP_OPTIONAL:
      sam_date_row_set_optional (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_date_row_class_init (SamDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_date_row_dispose;
  object_class->finalize = sam_date_row_finalize;
  object_class->get_property = sam_date_row_get_property;
  object_class->set_property = sam_date_row_set_property;

  /* The date as YYYY-MM-DD, or %NULL while the text is none. */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the text is a date, or empty where that is allowed. */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the row may be left empty. */
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamDateRow::changed:
   *
   * The text changed, by typing or by the calendar.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SamDateRow, entry);
  gtk_widget_class_bind_template_child (widget_class, SamDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, SamDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, SamDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
}

static void
sam_date_row_init (SamDateRow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_popover_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->popover), keys);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  gtk_entry_set_placeholder_text (self->entry, sam_date_get_hint ());
  update (self);
}

GtkWidget *
sam_date_row_new (void)
{
  return g_object_new (SAM_TYPE_DATE_ROW, NULL);
}

/**
 * sam_date_row_get_date:
 *
 * Returns: (nullable): the date typed, as YYYY-MM-DD, or %NULL where the text is no date
 */
const char *
sam_date_row_get_date (SamDateRow *self)
{
  g_return_val_if_fail (SAM_IS_DATE_ROW (self), NULL);

  return self->date;
}

/**
 * sam_date_row_set_date:
 * @iso: (nullable): YYYY-MM-DD, or %NULL to empty the row
 *
 * Shows @iso as the interface's language types it.
 */
void
sam_date_row_set_date (SamDateRow *self,
                       const char *iso)
{
  g_autofree char *text = NULL;
  GDate date;

  g_return_if_fail (SAM_IS_DATE_ROW (self));

  g_date_clear (&date, 1);
  if (iso != NULL && sam_date_parse_iso (iso, &date))
    text = sam_date_format_short (&date);
  else
    text = g_strdup (iso != NULL ? iso : "");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

/* Whether the text is a date, or empty where the row is optional. */
gboolean
sam_date_row_get_valid (SamDateRow *self)
{
  g_return_val_if_fail (SAM_IS_DATE_ROW (self), FALSE);

  return self->message == NULL;
}

/**
 * sam_date_row_get_message:
 *
 * Returns: (nullable): why the text is not a date, in words, or %NULL where it is fine
 */
const char *
sam_date_row_get_message (SamDateRow *self)
{
  g_return_val_if_fail (SAM_IS_DATE_ROW (self), NULL);

  return self->message;
}

gboolean
sam_date_row_get_optional (SamDateRow *self)
{
  g_return_val_if_fail (SAM_IS_DATE_ROW (self), FALSE);

  return self->optional;
}

void
sam_date_row_set_optional (SamDateRow *self,
                           gboolean    optional)
{
  g_return_if_fail (SAM_IS_DATE_ROW (self));

  optional = !!optional;
  if (self->optional == optional)
    return;
  self->optional = optional;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONAL]);
}

/* Enter in the text activates the window's default widget (a dialog's Start). */
void
sam_date_row_set_activates_default (SamDateRow *self,
                                    gboolean    activates)
{
  g_return_if_fail (SAM_IS_DATE_ROW (self));

  gtk_entry_set_activates_default (self->entry, activates);
}

/**
 * sam_date_row_get_entry:
 *
 * Returns: (transfer none): where the date is typed
 */
GtkEditable *
sam_date_row_get_entry (SamDateRow *self)
{
  g_return_val_if_fail (SAM_IS_DATE_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/**
 * sam_date_row_get_calendar_button:
 *
 * Returns: (transfer none): the button that opens the calendar
 */
GtkMenuButton *
sam_date_row_get_calendar_button (SamDateRow *self)
{
  g_return_val_if_fail (SAM_IS_DATE_ROW (self), NULL);

  return self->calendar_button;
}
