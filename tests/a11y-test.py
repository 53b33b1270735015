#!/usr/bin/python3
# Copyright 2026 The Samarbejde authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a screen reader finds in the real window, through AT-SPI: the app, its sections by
# name, a welcome whose buttons can be pressed and open what they say, and, on the demo,
# the Results section's charts as images that say in words what they show.
# Exits 77 (skipped) without a display or a session bus.

import os
import shutil
import subprocess
import sys
import tempfile
import time

if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    print("1..0 # SKIP no display or session bus")
    sys.exit(77)

import pyatspi  # noqa: E402

exe = sys.argv[1]
tmp = tempfile.mkdtemp()
env = dict(os.environ, XDG_DATA_HOME=tmp, GSETTINGS_BACKEND="memory", LANGUAGE="en")
env.pop("GTK_A11Y", None)
results = []


def check(name, ok):
    results.append((name, ok))
    print(("ok %d " if ok else "not ok %d ") % len(results) + name)


def find_app(process):
    for _ in range(100):
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == "samarbejde" and app.get_process_id() == process.pid:
                return app
        time.sleep(0.1)
    return None


def wait_for(predicate, seconds=5):
    end = time.time() + seconds
    while time.time() < end:
        found = predicate()
        if found:
            return found
        time.sleep(0.1)
    return None


app_process = subprocess.Popen([exe, "--database", os.path.join(tmp, "empty.db")], env=env)
try:
    print("1..7")
    app = find_app(app_process)
    check("the app is on the accessibility bus", app is not None)
    if app is None:
        sys.exit(1)

    items = pyatspi.findAllDescendants(app, lambda x: x.getRole() == pyatspi.ROLE_LIST_ITEM)
    check("the sections are named for a screen reader",
          {"Overview", "Questionnaire", "Results", "Support", "Plan", "Reflection"}
          <= {i.name for i in items})

    button = pyatspi.findDescendant(app, lambda x: x.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                                    "Start a First Round" in (x.name or ""))
    check("the welcome offers a first round as a button", button is not None)

    if button is not None:
        button.queryAction().doAction(0)
    dialog = wait_for(lambda: pyatspi.findDescendant(app, lambda x: (x.name or "") == "New Round"))
    check("pressing it opens the new round dialog", dialog is not None)
finally:
    app_process.terminate()
    app_process.wait(timeout=10)


def chart_images(app):
    images = pyatspi.findAllDescendants(app, lambda x: x.getRole() == pyatspi.ROLE_IMAGE and
                                        (x.name or "").startswith("Question"))
    return images if len(images) >= 20 else None


demo_process = subprocess.Popen([exe, "--demo"], env=env)
try:
    app = find_app(demo_process)
    check("the demo is on the accessibility bus", app is not None)
    if app is None:
        sys.exit(1)
    # Results is made when it is first shown: go there as a person would, from the sidebar.
    row = wait_for(lambda: pyatspi.findDescendant(app, lambda x: x.getRole() == pyatspi.ROLE_LIST_ITEM and
                                                  x.name == "Results"))
    if row is not None:
        row.parent.querySelection().selectChild(row.getIndexInParent())
    # Two charts a question: its items against the cluster, and the spread of the answers.
    images = wait_for(lambda: chart_images(app), 10) or []
    check("every question's charts are images named by the question", len(images) >= 20)
    described = [i for i in images if "Demoklyngen" in i.description and any(c.isdigit() for c in i.description)]
    check("each chart tells a screen reader its figures", images and len(described) == len(images))
finally:
    demo_process.terminate()
    demo_process.wait(timeout=10)
    shutil.rmtree(tmp, ignore_errors=True)

sys.exit(0 if all(ok for _, ok in results) else 1)
