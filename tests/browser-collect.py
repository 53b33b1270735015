#!/usr/bin/python3
# browser-collect.py
#
# Copyright 2026 The Samarbejde authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Answering on phones in a real browser: `samarbejde --collect-answers` serves the round,
# and Debian's Chromium, headless at a phone's size (390 x 844) and in Danish, answers the
# whole questionnaire by tapping, one question a page with the page's script, keeps a draft
# over a reload, and gets the thanks; then a second phone with JavaScript off answers the
# one-page form. The database then holds both, exactly as tapped. Screenshots of the pages
# are left in the test's build folder (phone-*.png) to be looked at.
#
# Needs chromium, chromium-driver and python3-selenium (build-aux/packages.txt). It skips
# (77) only where Chromium itself is not installed; anything else missing is a failure.

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run(exe, *args, env):
    result = subprocess.run([exe, *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {result.stderr}")
    return result


class Phone:
    """One phone: a headless Chromium at a phone's size, in Danish."""

    def __init__(self, chromium, profile, log, javascript=True):
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
            "--lang=da",
            f"--user-data-dir={profile}",
        ):
            options.add_argument(argument)
        # Desktop Chromium keeps a window at least 500 pixels wide; a phone's screen, its
        # touch and its viewport come from the driver's mobile emulation.
        options.add_experimental_option(
            "mobileEmulation",
            {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2.0, "touch": True}},
        )
        prefs = {"intl.accept_languages": "da,da-DK"}
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
        path = os.path.join(folder, f"phone-{name}.png")
        self.driver.save_screenshot(path)
        return path


def choose(phone, fieldset, index):
    """Taps the option at @index of an item and returns (item, code)."""
    labels = phone.find_all("label.option", fieldset)
    label = labels[index % len(labels)]
    radio = phone.find_all("input", label)[0]
    phone.tap(label)
    assert radio.is_selected(), f"tapping {radio.get_attribute('name')} chose nothing"
    return radio.get_attribute("name"), int(radio.get_attribute("value"))


def answer_with_script(phone, address, shots):
    """The whole partner questionnaire, one question a page, by tapping."""
    answers = {}
    phone.driver.get(address)
    assert phone.driver.execute_script("return document.documentElement.lang") == "da"
    privacy = phone.find(".privacy")
    roles = phone.find(".roles")
    assert privacy.location["y"] < roles.location["y"], "the privacy notice comes first"
    assert "uden dit navn" in privacy.text, privacy.text
    assert phone.find(".privacy .js-only").is_displayed()
    # A phone's width, and nothing wider than its screen.
    assert phone.driver.execute_script("return window.innerWidth") == 390
    assert phone.driver.execute_script("return document.documentElement.scrollWidth") <= 390
    phone.shot(shots, "role")

    role = [link for link in phone.find_all("a.choice") if "Læge i kompagniskab" in link.text][0]
    assert role.size["height"] >= 48, "a role is a large target"
    phone.tap(role)
    phone.wait_for(".pager")
    progress = phone.find(".progress")
    assert progress.text == "Spørgsmål 1 af 10", progress.text
    phone.shot(shots, "question-1")

    page = 0
    reloaded = False
    while True:
        sections = [s for s in phone.find_all("section.question") if s.is_displayed()]
        assert len(sections) == 1, "one question a page"
        section = sections[0]
        smallest = phone.driver.execute_script(
            "return Math.min(...Array.from(arguments[0].querySelectorAll('label.option'))"
            ".map(l => l.getBoundingClientRect().height))", section)
        assert smallest >= 48, f"options are large targets, not {smallest} px"
        for i, fieldset in enumerate(phone.find_all("fieldset.item", section)):
            # Not applicable where the item has it, on every other item.
            na = phone.find_all("label.option.na", fieldset)
            if na and i % 2 == 0:
                item, code = choose(phone, fieldset, len(phone.find_all("label.option", fieldset)) - 1)
            else:
                item, code = choose(phone, fieldset, page + i)
            answers[item] = code
        if page == 1:
            phone.shot(shots, "question-2")

        # Half-way, the page is reloaded: the draft on the phone brings it all back.
        if page == 3 and not reloaded:
            reloaded = True
            phone.driver.refresh()
            phone.wait_for(".pager")
            assert phone.find(".progress").text == "Spørgsmål 4 af 10", phone.find(".progress").text
            for item, code in answers.items():
                radio = phone.find(f"input[name='{item}'][value='{code}']")
                assert radio.is_selected(), f"the draft lost {item}"

        submit = phone.find(".pager button.submit")
        if submit.is_displayed():
            assert submit.text == "Indsend", submit.text
            phone.shot(shots, "last-question")
            phone.tap(submit)
            break
        following = phone.find(".pager button.next")
        assert following.text == "Næste", following.text
        phone.tap(following)
        page += 1
        phone.wait_for(f"section.question:nth-of-type({page + 1})")
        assert phone.find(".progress").text == f"Spørgsmål {page + 1} af 10"

    heading = phone.wait_for(".thanks h1")
    assert heading.text == "Tak", heading.text
    phone.shot(shots, "thanks")
    left = phone.driver.execute_script(
        "return Object.keys(localStorage).filter(k => k.startsWith('samarbejde-draft:')).length"
    )
    assert left == 0, "the draft is gone once the answers are in"
    assert page == 9, f"ten questions for a partner, not {page + 1}"
    return answers


def answer_without_script(phone, address, shots):
    """Staff, with JavaScript off: every question on one page, and Submit at its end."""
    answers = {}
    phone.driver.get(address + "?role=staff")
    sections = phone.find_all("section.question")
    assert len(sections) == 3 and all(s.is_displayed() for s in sections), "one form with every question"
    assert not phone.find_all(".pager"), "no script ran"
    phone.shot(shots, "no-script")
    for i, fieldset in enumerate(phone.find_all("fieldset.item")):
        if i == 2:
            continue  # one left out, as anyone may
        item, code = choose(phone, fieldset, i)
        answers[item] = code
    submit = phone.find(".send button")
    assert submit.text == "Indsend", submit.text
    phone.tap(submit)
    assert phone.wait_for(".thanks h1").text == "Tak"
    return answers


def stored(db, role):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT a.item, a.code FROM answers a JOIN respondents r ON r.id = a.respondent_id "
            "WHERE r.source = 'app' AND r.role = ?",
            (role,),
        ).fetchall()
        count = connection.execute(
            "SELECT count(*) FROM respondents WHERE source = 'app' AND role = ?", (role,)
        ).fetchone()[0]
    finally:
        connection.close()
    return count, dict(rows)


def main():
    if len(sys.argv) != 2:
        print("usage: browser-collect.py SAMARBEJDE", file=sys.stderr)
        return 2
    exe = sys.argv[1]
    chromium = find_chromium()
    if chromium is None:
        print("SKIP: Chromium is not installed (apt-get install chromium chromium-driver python3-selenium)")
        return SKIP
    # From here on, something missing is a failure: CI installs all three.
    if not os.path.exists("/usr/bin/chromedriver"):
        print("FAIL: /usr/bin/chromedriver is missing (chromium-driver)", file=sys.stderr)
        return 1
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("FAIL: python3-selenium is missing", file=sys.stderr)
        return 1

    shots = os.environ.get("G_TEST_BUILDDIR") or tempfile.gettempdir()
    with tempfile.TemporaryDirectory(prefix="samarbejde-browser-") as tmp:
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        env["XDG_DATA_HOME"] = tmp
        env["LANGUAGE"] = "en"
        db = os.path.join(tmp, "samarbejde.db")
        csv = os.path.join(tmp, "survey.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("clinic;role;q1\nKlinik 1;partner;1\n")
        run(exe, "--database", db, "--import-survey", csv, "--round", "Baseline 2026",
            "--cluster", "Klynge Syd", env=env)

        server = subprocess.Popen(
            [exe, "--database", db, "--collect-answers", "Baseline 2026", "--clinic", "Klinik 1",
             "--listen", "127.0.0.1"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        phones = []
        try:
            address = server.stdout.readline().strip()
            assert address.startswith("http://127.0.0.1:"), address
            print(f"# serving at {address}")

            started = time.monotonic()
            phone = Phone(chromium, os.path.join(tmp, "profile-1"), os.path.join(tmp, "driver-1.log"))
            phones.append(phone)
            print(f"# Chromium {phone.driver.capabilities.get('browserVersion')} up in "
                  f"{time.monotonic() - started:.1f} s")
            partner = answer_with_script(phone, address, shots)

            plain = Phone(chromium, os.path.join(tmp, "profile-2"), os.path.join(tmp, "driver-2.log"),
                          javascript=False)
            phones.append(plain)
            staff = answer_without_script(plain, address, shots)
        finally:
            for phone in phones:
                phone.quit()
            server.send_signal(signal.SIGTERM)
            try:
                out, err = server.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                out, err = server.communicate()

        assert server.returncode == 0, f"exit {server.returncode}: {err}"
        assert out.strip().splitlines()[-1] == "2 people answered", out

        count, answers = stored(db, "partner")
        assert count == 1, f"{count} partners from phones"
        assert answers == partner, f"stored {answers}, tapped {partner}"
        assert len(partner) == 31
        assert any(code == 9 for code in partner.values()), "not applicable was tapped"
        count, answers = stored(db, "staff")
        assert count == 1, f"{count} staff from phones"
        assert answers == staff, f"stored {answers}, tapped {staff}"

    print(f"# screenshots in {shots}/phone-*.png")
    print("ok: a partner with the script and a staff member without it answered by tapping, in Danish")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as error:
        import traceback

        traceback.print_exc()
        print(f"FAIL: {error}", file=sys.stderr)
        sys.exit(1)
