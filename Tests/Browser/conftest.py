"""Fixtures of the browser tests: a captions-editor on a copy of the bundled collection, and
Debian's Chromium driven by Playwright (headless; no browser download)."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
EDITOR = Path(os.environ.get("CAPTIONS_EDITOR_BIN", REPO / ".build" / "debug" / "captions-editor"))
CAPTIONS = Path(os.environ.get("CAPTIONS_BIN", REPO / ".build" / "debug" / "captions"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS", REPO / "test-output" / "browser-screenshots"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Editor:
    """A running editor: its collection folder and address."""

    def __init__(self, root, url, process):
        self.root = root
        self.url = url
        self.process = process

    def file(self, relative):
        return self.root / relative

    def read(self, relative):
        return self.file(relative).read_text(encoding="utf-8")

    def write(self, relative, text):
        self.file(relative).write_text(text, encoding="utf-8")


@pytest.fixture
def collection(tmp_path):
    """A copy of the bundled Captions/ that the test may prepare before the editor starts, the
    files of UNTRACKED without their records."""
    root = tmp_path / "Captions"
    shutil.copytree(REPO / "Captions", root)
    for relative in UNTRACKED:
        remove_record(root / relative)
    return root


# The files the tests find without a `translations:` record, as typed by hand and never
# accepted: the tests of saving and sign-off look at the record the editor writes.
UNTRACKED = ["barracks/first-winter.yml", "museum-second-floor/kurt-story.yml"]


def remove_record(path):
    """Removes the `translations:` record (the source fingerprints) from a caption file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("translations:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    path.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")


@pytest.fixture
def editor(collection):
    port = free_port()
    process = subprocess.Popen(
        [str(EDITOR), str(collection), "--port", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = process.stdout.readline()
    if "ready in" not in line:
        process.kill()
        raise RuntimeError(f"captions-editor did not start: {line}{process.stdout.read()}")
    try:
        yield Editor(collection, f"http://127.0.0.1:{port}", process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    opened = context.new_page()
    dialogs = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def screenshot(page, name, full_page=True):
    """Saves a screenshot (of the full page, or of what the window shows) for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def wait_until(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
