/* sam-instrument.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_INSTRUMENT_ERROR (sam_instrument_error_quark ())

typedef enum
{
  SAM_INSTRUMENT_ERROR_PARSE,
  SAM_INSTRUMENT_ERROR_INVALID,
  SAM_INSTRUMENT_ERROR_UNKNOWN_ITEM,
  SAM_INSTRUMENT_ERROR_NOT_ASKED,
  SAM_INSTRUMENT_ERROR_BAD_ANSWER,
} SamInstrumentError;

typedef struct _SamDomain   SamDomain;
typedef struct _SamScale    SamScale;
typedef struct _SamQuestion SamQuestion;
typedef struct _SamItem     SamItem;

/* The structures are owned by the instrument and read-only for everyone else. */
typedef struct
{
  int       code;
  int       score;
  gboolean  favourable;
  char     *label;
} SamOption;

struct _SamScale
{
  char      *id;
  gboolean   has_favourable;
  GPtrArray *options;            /* SamOption, in code order */
};

struct _SamDomain
{
  char      *id;
  char      *title;
  GPtrArray *know;               /* char *, paragraphs of "Hvad ved vi?" */
};

struct _SamQuestion
{
  int        number;
  SamDomain *domain;
  SamScale  *scale;
  char      *text;
  GPtrArray *items;              /* SamItem */
};

struct _SamItem
{
  char        *id;
  guint        index;            /* position among all items, 0..30 */
  SamQuestion *question;
  char        *text;             /* NULL where the question is the item */
  guint        roles;            /* SAM_ROLE_MASK bits */
  char        *not_applicable;   /* NULL where "not applicable" is not allowed */
};

/* Gives the translation of a source string (the instrument's English). */
typedef const char *(*SamTranslateFunc) (const char *source,
                                         gpointer    user_data);

#define SAM_TYPE_INSTRUMENT (sam_instrument_get_type ())
G_DECLARE_FINAL_TYPE (SamInstrument, sam_instrument, SAM, INSTRUMENT, GObject)

GQuark           sam_instrument_error_quark         (void);

SamInstrument   *sam_instrument_get_default         (void);
SamInstrument   *sam_instrument_new_from_bytes      (GBytes         *bytes,
                                                     GError        **error);
SamInstrument   *sam_instrument_new_translated      (GBytes         *bytes,
                                                     SamTranslateFunc translate,
                                                     gpointer        translate_data,
                                                     GError        **error);

guint            sam_instrument_get_n_items         (SamInstrument  *self);
const SamItem   *sam_instrument_get_item            (SamInstrument  *self,
                                                     guint           index);
const SamItem   *sam_instrument_lookup_item         (SamInstrument  *self,
                                                     const char     *id);
guint            sam_instrument_get_n_questions     (SamInstrument  *self);
const SamQuestion *sam_instrument_get_question      (SamInstrument  *self,
                                                     guint           index);
guint            sam_instrument_get_n_domains       (SamInstrument  *self);
const SamDomain *sam_instrument_get_domain          (SamInstrument  *self,
                                                     guint           index);
const SamDomain *sam_instrument_lookup_domain       (SamInstrument  *self,
                                                     const char     *id);
const SamScale  *sam_instrument_lookup_scale        (SamInstrument  *self,
                                                     const char     *id);
const char      *sam_instrument_get_role_label      (SamInstrument  *self,
                                                     SamRole         role);
const char      *sam_instrument_get_role_description (SamInstrument *self,
                                                     SamRole         role);
guint            sam_instrument_count_items_for_role (SamInstrument *self,
                                                     SamRole         role);
const char      *sam_instrument_get_not_applicable_label (SamInstrument *self,
                                                          const char    *id);

gboolean         sam_instrument_parse_role          (SamInstrument  *self,
                                                     const char     *text,
                                                     SamRole        *role);
gboolean         sam_instrument_parse_answer        (SamInstrument  *self,
                                                     const SamItem  *item,
                                                     const char     *text,
                                                     int            *code);

gboolean         sam_item_is_asked                  (const SamItem  *item,
                                                     SamRole         role);
const char      *sam_item_get_words                 (const SamItem  *item);
char            *sam_item_dup_full_words            (const SamItem  *item);
const SamOption *sam_item_lookup_option             (const SamItem  *item,
                                                     int             code);
gboolean         sam_instrument_check_answer        (SamInstrument  *self,
                                                     const char     *item_id,
                                                     SamRole         role,
                                                     int             code,
                                                     GError        **error);

G_END_DECLS
