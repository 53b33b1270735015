#!/usr/bin/python3
# browser-meeting.py
#
# Copyright 2026 The Samarbejde authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Notes from phones in a meeting, in a real browser: collect-meeting-room opens a clinic
# well-being meeting's notes step to phones as the runner's "Open for Phones" does, and
# Debian's Chromium, headless at a phone's size (390 x 844), posts a red note by tapping in
# Danish with the page's script and a green note in English without it. The database then
# holds both as unsorted notes of the step. Then each phone votes by tapping on the step
# that picks red notes to work on (the Danish one for the note it posted), and the Danish
# phone answers a cluster well-being session's two anonymous questions: the database holds
# two ballots and the counts, and the answers. Screenshots are left in the test's build
# folder (phone-meeting-*.png) to be looked at.
#
# Needs chromium, chromium-driver and python3-selenium; skips (77) only where Chromium is
# not installed.

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Phone:
    """One phone: a headless Chromium at a phone's size."""

    def __init__(self, chromium, profile, log, javascript=True, language="da"):
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service

        options = Options()
        options.binary_location = chromium
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--window-size=390,844",
            f"--lang={language}",
            f"--user-data-dir={profile}",
        ):
            options.add_argument(argument)
        # Desktop Chromium keeps a window at least 500 pixels wide; a phone's screen, its
        # touch and its viewport come from the driver's mobile emulation.
        options.add_experimental_option(
            "mobileEmulation",
            {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2.0, "touch": True}},
        )
        prefs = {"intl.accept_languages": language}
        if not javascript:
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        # The Debian driver, named: nothing is looked up or downloaded.
        service = Service(executable_path="/usr/bin/chromedriver", log_path=log)
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(20)

    def quit(self):
        self.driver.quit()

    def find(self, selector):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector, within=None):
        from selenium.webdriver.common.by import By

        return (within or self.driver).find_elements(By.CSS_SELECTOR, selector)

    def wait_for(self, selector):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, 15).until(
            expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, selector))
        )

    def tap(self, element):
        """A finger on the element: touch pointer events, as a phone sends them."""
        from selenium.webdriver.common.actions import interaction
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        from selenium.webdriver.common.actions.pointer_input import PointerInput

        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        actions = ActionBuilder(self.driver, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
        actions.pointer_action.move_to(element).pointer_down().pointer_up()
        actions.perform()

    def shot(self, folder, name):
        path = os.path.join(folder, f"phone-meeting-{name}.png")
        self.driver.save_screenshot(path)
        return path


def post_note(phone, address, shots, name, colour, text):
    phone.driver.get(address)
    form = phone.wait_for("form.meeting-note")
    phone.shot(shots, f"{name}-form")
    label = phone.find(f"label.note-{colour}")
    phone.tap(label)
    assert phone.find(f"label.note-{colour} input").is_selected(), f"tapping {colour} chose nothing"
    area = phone.find("textarea[name=text]")
    phone.tap(area)
    area.send_keys(text)
    phone.shot(shots, f"{name}-typed")
    phone.tap(phone.find("form.meeting-note button[type=submit]"))
    phone.wait_for("section.thanks")
    phone.shot(shots, f"{name}-thanks")
    return form


def vote(phone, address, shots, name, text):
    """Ticks the red note with @text on the vote form and sends the vote."""
    phone.driver.get(address)
    phone.wait_for("form.meeting-vote")
    phone.shot(shots, f"{name}-vote-form")
    labels = [label for label in phone.find_all("form.meeting-vote label.option") if label.text.strip() == text]
    assert len(labels) == 1, f"no red note {text!r} to vote for"
    phone.tap(labels[0])
    assert labels[0].find_element("css selector", "input").is_selected(), "tapping the note ticked nothing"
    phone.shot(shots, f"{name}-vote-ticked")
    phone.tap(phone.find("form.meeting-vote button[type=submit]"))
    phone.wait_for("section.thanks")
    phone.shot(shots, f"{name}-vote-thanks")


def answer(phone, address, shots, name, texts):
    """Writes an answer to each of the anonymous questions and sends them."""
    phone.driver.get(address)
    phone.wait_for("form.meeting-answers")
    areas = phone.find_all("form.meeting-answers textarea")
    assert len(areas) == len(texts), f"{len(areas)} questions"
    for area, text in zip(areas, texts):
        phone.tap(area)
        area.send_keys(text)
    phone.shot(shots, f"{name}-answers-typed")
    phone.tap(phone.find("form.meeting-answers button[type=submit]"))
    phone.wait_for("section.thanks")
    phone.shot(shots, f"{name}-answers-thanks")


def main():
    if len(sys.argv) != 2:
        print("usage: browser-meeting.py COLLECT-MEETING-ROOM", file=sys.stderr)
        return 2
    helper = sys.argv[1]
    chromium = find_chromium()
    if chromium is None:
        print("SKIP: Chromium is not installed (apt-get install chromium chromium-driver python3-selenium)")
        return SKIP
    if not os.path.exists("/usr/bin/chromedriver"):
        print("FAIL: /usr/bin/chromedriver is missing (chromium-driver)", file=sys.stderr)
        return 1
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("FAIL: python3-selenium is missing", file=sys.stderr)
        return 1

    shots = os.environ.get("G_TEST_BUILDDIR") or tempfile.gettempdir()
    with tempfile.TemporaryDirectory(prefix="samarbejde-meeting-") as tmp:
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        db = os.path.join(tmp, "samarbejde.db")
        room = subprocess.Popen([helper, db], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        phones = []
        try:
            address = room.stdout.readline().strip()
            votes_address = room.stdout.readline().strip()
            questions_address = room.stdout.readline().strip()
            for a in (address, votes_address, questions_address):
                assert a.startswith("http://127.0.0.1:"), a
            print(f"# rooms at {address}, {votes_address} and {questions_address}")
            danish = Phone(chromium, os.path.join(tmp, "profile-1"), os.path.join(tmp, "driver-1.log"))
            phones.append(danish)
            post_note(danish, address, shots, "da", "red", "For mange afbrydelser om formiddagen")
            english = Phone(chromium, os.path.join(tmp, "profile-2"), os.path.join(tmp, "driver-2.log"),
                            javascript=False, language="en")
            phones.append(english)
            post_note(english, address, shots, "en", "green", "Kind words at the front desk")
            vote(danish, votes_address, shots, "da", "For mange afbrydelser om formiddagen")
            vote(english, votes_address, shots, "en", "For mange afbrydelser om formiddagen")
            answer(danish, questions_address, shots, "da", ["Tid til hinanden", "Flere inspirationsdage"])
        finally:
            for phone in phones:
                phone.quit()
            room.send_signal(signal.SIGTERM)
            try:
                out, err = room.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                room.kill()
                out, err = room.communicate()

        assert room.returncode == 0, f"exit {room.returncode}: {err}"
        assert out.strip().splitlines()[-3:] == ["2 notes", "2 votes", "1 answers"], out
        with sqlite3.connect(db) as connection:
            rows = connection.execute(
                "SELECT step, colour, text, category FROM meeting_cards ORDER BY id").fetchall()
        assert len(rows) == 2, rows
        assert rows[0][0] == "notes" and rows[0][2] == "For mange afbrydelser om formiddagen", rows
        assert rows[1][2] == "Kind words at the front desk", rows
        assert rows[0][1] != rows[1][1], f"one red and one green: {rows}"
        assert rows[0][3] is None and rows[1][3] is None, "notes from phones arrive unsorted"
        with sqlite3.connect(db) as connection:
            ballots = connection.execute("SELECT step, ballots FROM meeting_ballots").fetchall()
            votes = connection.execute(
                "SELECT c.text, v.step, v.votes FROM meeting_votes v JOIN meeting_cards c ON c.id = v.card_id").fetchall()
            answers = connection.execute(
                "SELECT step, question, text, count FROM meeting_answers ORDER BY question").fetchall()
        assert ballots == [("decide", 2)], ballots
        assert votes == [("For mange afbrydelser om formiddagen", "decide", 2)], votes
        assert answers == [("closing", 1, "Tid til hinanden", 1), ("closing", 2, "Flere inspirationsdage", 1)], answers

    print(f"# screenshots in {shots}/phone-meeting-*.png")
    print("ok: a red note in Danish with the script and a green one in English without it, a vote from each, "
          "and answers to the two anonymous questions, by tapping")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as error:
        import traceback

        traceback.print_exc()
        print(f"FAIL: {error}", file=sys.stderr)
        sys.exit(1)
