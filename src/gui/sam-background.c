/* sam-background.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-background"

#include "config.h"

#include <errno.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "sam-background.h"

/* Lowers the calling thread's priority below the window's, once a thread. On Linux a
 * thread has a niceness of its own; elsewhere the thread keeps the process's. */
void
sam_background_lower_priority (void)
{
#ifdef __linux__
  static GPrivate lowered;

  if (g_private_get (&lowered) != NULL)
    return;
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10) != 0)
    g_debug ("A background thread keeps its priority: %s", g_strerror (errno));
  g_private_set (&lowered, GINT_TO_POINTER (1));
#endif
}

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} Item;

static void
run_item (gpointer data,
          gpointer user_data)
{
  Item *item = data;

  sam_background_lower_priority ();
  item->func (item->task, g_task_get_source_object (item->task), g_task_get_task_data (item->task),
              g_task_get_cancellable (item->task));
  g_object_unref (item->task);
  g_free (item);
}

/**
 * sam_background_run:
 *
 * Runs @func for @task in one of the background threads, as g_task_run_in_thread() does
 * in GLib's: @func returns the task's result, and its callback runs on the task's main
 * context.
 */
void
sam_background_run (GTask           *task,
                    GTaskThreadFunc  func)
{
  static GThreadPool *pool;
  Item *item;

  g_return_if_fail (G_IS_TASK (task));

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (run_item, NULL, 2, FALSE, NULL));
  item = g_new (Item, 1);
  item->task = g_object_ref (task);
  item->func = func;
  g_thread_pool_push (pool, item, NULL);
}
