/* sam-collect.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-collect"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "sam-catalog.h"
#include "sam-collect-private.h"
#include "sam-collect-form.h"
#include "sam-content.h"
#include "sam-meeting-store.h"
#include "sam-meeting-template.h"

/* The server knows one round and one clinic, and gives out three kinds of pages under a
 * secret path: the role to choose, the form of a role, and thanks. Everything else is 404.
 * Made with sam_collect_new_meeting() it is instead a meeting's room for one step: the
 * same secret, limits and tokens ("note.NONCE.MAC"), one page, the note form, and each
 * note posted stored as an unsorted note of the step (handle_room()).
 *
 * The secret (128 bits from the kernel's cryptographic source, base64url) is all that
 * keeps someone on the same network who has not seen the QR code out; its comparison takes
 * the same time whatever it holds. A form carries a token, "ROLE.NONCE.MAC": the role it
 * was made for, a fresh random nonce and an HMAC of both under a key of this run, so a
 * token cannot be made up or given another role, and needs no memory until it is used.
 * A used nonce is remembered for the run: the same form posted again is thanked and
 * stores nothing more.
 *
 * A form is checked as it arrives (sam_collect_form_decode(), the same checks the store
 * makes) and then waits, its phone with it, for a turn of the main loop below the window's
 * drawing and input (run_jobs()), where it is stored as the window stores an answer.
 *
 * Nothing about a phone is kept: no address, agent or time is stored or logged, and the
 * rate limit is one for all phones together, so it needs to know none of them. */

G_DEFINE_FINAL_TYPE (SamCollect, sam_collect, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_ANSWERED,
  PROP_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Requests */

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SamCollect *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  gsize secret_length = strlen (self->secret);
  const char *segment_end;
  const char *rest;
  Language language;

  _sam_collect_set_common_headers (msg);

  /* Everything outside the secret path does not exist. */
  if (path == NULL || path[0] != '/')
    {
      _sam_collect_respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      return;
    }
  segment_end = strchr (path + 1, '/');
  if (segment_end == NULL)
    segment_end = path + strlen (path);
  if (!_sam_collect_equal_in_constant_time (path + 1, segment_end - path - 1, self->secret,
                                            secret_length))
    {
      _sam_collect_respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      return;
    }
  rest = segment_end;

  if (g_object_get_data (G_OBJECT (msg), "sam-too-large") != NULL)
    {
      language = _sam_collect_choose_language (msg, NULL);
      _sam_collect_refuse (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                           T (language, N_("Nothing was stored.")),
                           self->meeting_id > 0 ? T (language,
                                                     N_("The note is more than a form can hold."))
                                                : T (language, N_("The answers are more than a "
                                                                  "form can hold.")));
      return;
    }

  if (*rest == '\0')
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, self->prefix);
      return;
    }

  if (g_str_equal (rest, "/phone.css") || g_str_equal (rest, "/phone.js"))
    {
      g_autoptr(GBytes) bytes = NULL;

      if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                        "GET, HEAD");
          _sam_collect_respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
          return;
        }
      bytes = sam_content_lookup (g_str_equal (rest, "/phone.css") ? "phone/phone.css"
                                                                   : "phone/phone.js", NULL);
      if (bytes == NULL)
        _sam_collect_respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      else
        _sam_collect_respond_bytes (msg,
                                    g_str_equal (rest, "/phone.css") ? "text/css; charset=utf-8"
                                    : "text/javascript; charset=utf-8", bytes);
      return;
    }
  if (!g_str_equal (rest, "/"))
    {
      _sam_collect_respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      return;
    }

  language = _sam_collect_choose_language (msg, query);
  if (self->meeting_id > 0)
    _sam_collect_handle_room (self, msg, method, language);
  else
    _sam_collect_handle_survey (self, msg, method, query, language);
}

void
_sam_collect_notify_answered (SamCollect *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);
}

/* A body larger than a form can be is read, not kept: the phone gets its 413 only once
 * it has sent everything, and memory holds none of it. */
static void
mark_too_large (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  g_object_set_data (G_OBJECT (msg), "sam-too-large", GINT_TO_POINTER (1));
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
}

static void
on_got_headers (SoupServerMessage *msg,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > SAM_COLLECT_FORM_MAX_SIZE)
    mark_too_large (msg);
}

static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (g_object_get_data (G_OBJECT (msg), "sam-too-large") == NULL &&
      body->length > SAM_COLLECT_FORM_MAX_SIZE)
    mark_too_large (msg);
}

static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), NULL);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), NULL);
}

/* Addresses */

static gboolean
is_local_network (GInetAddress *address)
{
  const guint8 *bytes = g_inet_address_to_bytes (address);

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    return bytes[0] == 10 ||
           (bytes[0] == 172 && (bytes[1] & 0xf0) == 16) ||
           (bytes[0] == 192 && bytes[1] == 168);
  /* Unique local (fc00::/7) and link-local (fe80::/10). */
  return (bytes[0] & 0xfe) == 0xfc || (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80);
}

/* Which address to show: the one a phone on the clinic's Wi-Fi most likely reaches. */
static int
address_rank (GInetSocketAddress *socket_address)
{
  GInetAddress *address = g_inet_socket_address_get_address (socket_address);
  const guint8 *bytes = g_inet_address_to_bytes (address);
  const char *interface = g_object_get_data (G_OBJECT (socket_address), "sam-interface");
  int rank;

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    rank = bytes[0] == 192 ? 0 : bytes[0] == 10 ? 1 : 2;
  else
    rank = (bytes[0] & 0xfe) == 0xfc ? 3 : 9;
  /* Bridges of containers and virtual machines are on this computer only. */
  if (interface != NULL &&
      (g_str_has_prefix (interface, "docker") || g_str_has_prefix (interface, "br-") ||
       g_str_has_prefix (interface, "veth") || g_str_has_prefix (interface, "virbr")))
    rank += 10;
  return rank;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  return address_rank (*(GInetSocketAddress **) a) - address_rank (*(GInetSocketAddress **) b);
}

/**
 * sam_collect_list_local_addresses:
 *
 * This computer's addresses on a local network: private IPv4 (10/8, 172.16/12,
 * 192.168/16) and IPv6 unique local and link-local ones, of interfaces that are up and
 * not loopback, the likeliest to reach phones first.
 *
 * Returns: (transfer container) (element-type GInetSocketAddress): the addresses, port 0
 */
GPtrArray *
sam_collect_list_local_addresses (void)
{
  GPtrArray *addresses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct ifaddrs *list = NULL;

  if (getifaddrs (&list) != 0)
    return addresses;
  for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next)
    {
      g_autoptr(GSocketAddress) native = NULL;
      GInetAddress *address;
      char *text;
      gsize size;

      if (ifa->ifa_addr == NULL || !(ifa->ifa_flags & IFF_UP) || (ifa->ifa_flags & IFF_LOOPBACK))
        continue;
      if (ifa->ifa_addr->sa_family == AF_INET)
        size = sizeof (struct sockaddr_in);
      else if (ifa->ifa_addr->sa_family == AF_INET6)
        size = sizeof (struct sockaddr_in6);
      else
        continue;
      native = g_socket_address_new_from_native (ifa->ifa_addr, size);
      if (native == NULL || !G_IS_INET_SOCKET_ADDRESS (native))
        continue;
      address = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (native));
      if (!is_local_network (address))
        continue;
      text = g_inet_address_to_string (address);
      if (!g_hash_table_add (seen, text))
        continue;
      g_object_set_data_full (G_OBJECT (native), "sam-interface", g_strdup (ifa->ifa_name), g_free);
      g_ptr_array_add (addresses, g_steal_pointer (&native));
    }
  freeifaddrs (list);
  g_ptr_array_sort (addresses, compare_rank);
  return addresses;
}

static GSocketAddress *
with_port (GInetSocketAddress *address,
           guint               port)
{
  GInetAddress *inet = g_inet_socket_address_get_address (address);

  if (g_inet_address_get_family (inet) != G_SOCKET_FAMILY_IPV6)
    return g_inet_socket_address_new (inet, port);
  /* A link-local address needs its interface. */
  return g_object_new (G_TYPE_INET_SOCKET_ADDRESS,
                       "address", inet,
                       "port", port,
                       "flowinfo", g_inet_socket_address_get_flowinfo (address),
                       "scope-id", g_inet_socket_address_get_scope_id (address),
                       NULL);
}

static guint
bound_port (SoupServer *server)
{
  GSList *uris = soup_server_get_uris (server);
  guint port = 0;

  if (uris != NULL)
    port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return port;
}

static char *
host_for_url (GInetAddress *address)
{
  g_autofree char *text = g_inet_address_to_string (address);

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("[%s]", text);
  return g_steal_pointer (&text);
}

/* Life cycle */

static void
sam_collect_dispose (GObject *object)
{
  SamCollect *self = (SamCollect *) object;

  sam_collect_stop (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_collect_parent_class)->dispose (object);
}

static void
sam_collect_finalize (GObject *object)
{
  SamCollect *self = (SamCollect *) object;

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      g_clear_pointer (&self->catalogs[i], sam_catalog_free);
      g_clear_object (&self->instruments[i]);
    }
  g_clear_pointer (&self->page_template, g_bytes_unref);
  g_clear_pointer (&self->used, g_hash_table_unref);
  g_queue_free (self->jobs);
  g_free (self->step_id);
  g_free (self->secret);
  g_free (self->prefix);
  g_free (self->address);
  memset (self->key, 0, sizeof self->key);

  G_OBJECT_CLASS (sam_collect_parent_class)->finalize (object);
}

static void
sam_collect_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SamCollect *self = SAM_COLLECT (object);

  switch (prop_id)
    {
    case PROP_N_ANSWERED:
      g_value_set_uint (value, self->n_answered);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_collect_class_init (SamCollectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_collect_dispose;
  object_class->finalize = sam_collect_finalize;
  object_class->get_property = sam_collect_get_property;

  /**
   * SamCollect:n-answered:
   *
   * How many have answered since the server started: a count, never what or who.
   */
  properties[PROP_N_ANSWERED] =
    g_param_spec_uint ("n-answered", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_collect_init (SamCollect *self)
{
  self->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->jobs = g_queue_new ();
  _sam_collect_bucket_init (&self->posts, POST_BURST, POST_PER_MINUTE);
  _sam_collect_bucket_init (&self->gets, GET_BURST, GET_PER_MINUTE);
}

SamCollect *
sam_collect_new (SamStore *store,
                 gint64    round_id,
                 gint64    clinic_id)
{
  SamCollect *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  self = g_object_new (SAM_TYPE_COLLECT, NULL);
  self->store = g_object_ref (store);
  self->round_id = round_id;
  self->clinic_id = clinic_id;
  return self;
}

/**
 * sam_collect_new_meeting:
 * @meeting_id: a meeting being held
 * @step_id: the step of its template whose green and red notes phones post
 *
 * A meeting's room (README, "Notes from phones in a meeting"): the same server, under the
 * same kind of secret path and limits, serves a note form and stores each note posted as
 * an unsorted note of the step, as the facilitator's typed note is. It knows nothing of a
 * round and gives out no answers and no notes.
 *
 * Returns: (transfer full): the room, not yet started
 */
SamCollect *
sam_collect_new_meeting (SamStore   *store,
                         gint64      meeting_id,
                         const char *step_id)
{
  SamCollect *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id > 0, NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  self = g_object_new (SAM_TYPE_COLLECT, NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;
  self->step_id = g_strdup (step_id);
  return self;
}

/* A socket of our own rather than soup_server_listen()'s, for a queue of waiting
 * connections long enough for a whole clinic pressing Submit at once (GLib's default is
 * 10, and connections beyond it are reset). */
static gboolean
listen_socket (SoupServer      *server,
               GSocketAddress  *address,
               GError         **error)
{
  g_autoptr(GSocket) socket = g_socket_new (g_socket_address_get_family (address),
                                            G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, 256);
  return g_socket_bind (socket, address, TRUE, error) &&
         g_socket_listen (socket, error) &&
         soup_server_listen_socket (server, socket, 0, error);
}

/* Listens on @addresses (at @port, or a free one the first of them gets); an address
 * that cannot be had is left out, as long as one can. */
static gboolean
listen_on (SamCollect  *self,
           GPtrArray   *addresses,
           guint        port,
           GError     **error)
{
  g_autoptr(GError) first_error = NULL;
  GInetSocketAddress *shown = NULL;
  g_autofree char *host = NULL;

  for (guint i = 0; i < addresses->len; i++)
    {
      GInetSocketAddress *address = g_ptr_array_index (addresses, i);
      g_autoptr(GSocketAddress) socket_address = with_port (address, port);
      g_autoptr(GError) local_error = NULL;

      if (!listen_socket (self->server, socket_address, &local_error))
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }
      if (port == 0)
        port = bound_port (self->server);
      if (shown == NULL)
        shown = address;
    }
  if (shown == NULL)
    {
      g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_ADDRESS,
                   _("Could not listen for phones: %s"),
                   first_error != NULL ? first_error->message : _("no address"));
      return FALSE;
    }

  /* Listening on every address, the one to show is this computer's on the network. */
  if (g_inet_address_get_is_any (g_inet_socket_address_get_address (shown)))
    {
      g_autoptr(GPtrArray) local = sam_collect_list_local_addresses ();

      host = local->len > 0
             ? host_for_url (g_inet_socket_address_get_address (g_ptr_array_index (local, 0)))
             : g_strdup (g_inet_address_get_family (g_inet_socket_address_get_address (shown))
                         == G_SOCKET_FAMILY_IPV6 ? "[::1]" : "127.0.0.1");
    }
  else
    host = host_for_url (g_inet_socket_address_get_address (shown));
  self->address = g_strdup_printf ("http://%s:%u%s", host, port, self->prefix);
  return TRUE;
}

/**
 * sam_collect_start:
 * @listen_address: (nullable): an IP address to listen on, or %NULL for this computer's
 *   addresses on the local network (never every address unless this says so: "0.0.0.0"
 *   or "::")
 * @port: the port, or 0 for a free one
 *
 * Starts serving the round's questionnaire, after checking that the round is open and
 * the clinic is there. The address to open is then sam_collect_get_address().
 *
 * Returns: %TRUE once it listens
 */
gboolean
sam_collect_start (SamCollect  *self,
                   const char  *listen_address,
                   guint        port,
                   GError     **error)
{
  g_autoptr(GPtrArray) addresses = NULL;
  g_autoptr(SamRound) round = NULL;
  g_autofree char *clinic_code = NULL;
  guint8 secret[SECRET_BYTES];

  g_return_val_if_fail (SAM_IS_COLLECT (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);
  g_return_val_if_fail (port <= 65535, FALSE);

  if (self->meeting_id > 0)
    {
      const SamMeetingStep *step;

      if (!_sam_collect_lookup_meeting_step (self, &step, error))
        return FALSE;
    }
  else if (!_sam_collect_lookup_round (self, &round, &clinic_code, error))
    return FALSE;
  if (round != NULL && round->closed)
    {
      g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_CLOSED,
                   _("Round “%s” is closed: it takes no more answers"), round->label);
      return FALSE;
    }
  if (!_sam_collect_load_languages (self, error))
    return FALSE;

  if (listen_address != NULL)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (listen_address);

      if (address == NULL)
        {
          g_set_error (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_ADDRESS,
                       _("“%s” is not an IP address"), listen_address);
          return FALSE;
        }
      addresses = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (addresses, g_inet_socket_address_new (address, 0));
    }
  else
    {
      addresses = sam_collect_list_local_addresses ();
      if (addresses->len == 0)
        {
          g_set_error_literal (error, SAM_COLLECT_ERROR, SAM_COLLECT_ERROR_NO_ADDRESS,
                               _("This computer has no address on a local network that phones "
                                 "could reach"));
          return FALSE;
        }
    }

  if (!_sam_collect_crypto_random (secret, sizeof secret, error) ||
      !_sam_collect_crypto_random (self->key, sizeof self->key, error))
    return FALSE;
  g_clear_pointer (&self->secret, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->address, g_free);
  self->secret = _sam_collect_base64url (secret, sizeof secret);
  self->prefix = g_strconcat ("/", self->secret, "/", NULL);
  memset (secret, 0, sizeof secret);
  g_hash_table_remove_all (self->used);

  self->server = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);
  g_signal_connect (self->server, "request-started", G_CALLBACK (on_request_started), self);
  if (!listen_on (self, addresses, port, error))
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
      return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
  return TRUE;
}

/* Stops listening; connections still open are closed. */
void
sam_collect_stop (SamCollect *self)
{
  g_return_if_fail (SAM_IS_COLLECT (self));

  if (self->server == NULL)
    return;
  /* Forms still waiting are not stored; their phones lose the connection and can send
   * them again to the next server. */
  g_clear_handle_id (&self->jobs_source, g_source_remove);
  g_queue_free_full (g_steal_pointer (&self->jobs), _sam_collect_job_free);
  self->jobs = g_queue_new ();
  g_signal_handlers_disconnect_by_data (self->server, self);
  soup_server_remove_handler (self->server, NULL);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
}

gboolean
sam_collect_is_running (SamCollect *self)
{
  g_return_val_if_fail (SAM_IS_COLLECT (self), FALSE);

  return self->server != NULL;
}

/**
 * sam_collect_get_address:
 *
 * Returns: (nullable): the address phones open, "http://HOST:PORT/SECRET/", once started
 */
const char *
sam_collect_get_address (SamCollect *self)
{
  g_return_val_if_fail (SAM_IS_COLLECT (self), NULL);

  return self->address;
}

guint
sam_collect_get_n_answered (SamCollect *self)
{
  g_return_val_if_fail (SAM_IS_COLLECT (self), 0);

  return self->n_answered;
}

/**
 * sam_collect_set_rate_limit:
 * @burst: how many submissions may arrive at once
 * @per_minute: how many more a minute after that
 *
 * The limit is for all phones together (none of them is told apart from another).
 */
void
sam_collect_set_rate_limit (SamCollect *self,
                            guint       burst,
                            guint       per_minute)
{
  g_return_if_fail (SAM_IS_COLLECT (self));

  _sam_collect_bucket_init (&self->posts, burst, per_minute);
}
