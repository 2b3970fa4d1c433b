"""The signage proof sheet (`captions export signage --format html`) in a laptop's window: its
labels on 300 mm panels fit the window, drawn smaller with the same lines and proportions, by CSS
alone (the sheet has no script); at actual size and in print every panel has its physical width."""

import subprocess

import pytest

from conftest import CAPTIONS, REPO, screenshot

PX_PER_MM = 96 / 25.4  # CSS pixels per millimetre
PX_PER_PT = 96 / 72
WIDTH_MM = 300  # every panel of the bundled collection (Captions/captions.yml)
TEXT_SIZE_PT = 24  # the object panel's type size

# Each label on panels: its id and, per language block, each panel's rendered width, type size,
# leading and lines (text, height).
LABELS = """() => Array.from(document.querySelectorAll('article.label.panels')).map(label => ({
  id: label.id,
  blocks: Array.from(label.querySelectorAll('.block')).map(block => Array.from(block.querySelectorAll('.panel'))
    .map(panel => {
      const style = getComputedStyle(panel);
      return {
        field: Array.from(panel.classList).find(name => name.startsWith('field-')),
        width: panel.getBoundingClientRect().width,
        size: parseFloat(style.fontSize), leading: parseFloat(style.lineHeight),
        lines: Array.from(panel.querySelectorAll('.line')).map(line => ({
          text: line.textContent, height: line.getBoundingClientRect().height }))
      };
    }))
}))"""


@pytest.fixture(scope="module")
def signage(tmp_path_factory):
    """The bundled collection's text files and proof sheet."""
    out = tmp_path_factory.mktemp("signage")
    result = subprocess.run(
        [str(CAPTIONS), "export", "signage", str(REPO / "Captions"), "--out", str(out), "--format", "txt",
         "--format", "html"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture
def laptop(browser, signage):
    """The proof sheet in a laptop's window, without JavaScript."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto((signage / "proof.html").as_uri())
    page.wait_for_load_state("load")
    yield page
    context.close()


def text_file_blocks(signage, exhibit):
    """The language blocks of an exhibit's text file, each its lines (a blank line between fields
    and between paragraphs)."""
    [path] = signage.glob(f"**/{exhibit}.txt")
    return [block.split("\n") for block in path.read_text(encoding="utf-8").rstrip("\n").split("\n\n\n")]


def sheet_blocks(label):
    """The lines of a label's language blocks as the sheet draws them, fields joined by a blank line."""
    blocks = []
    for panels in label["blocks"]:
        lines = []
        for index, panel in enumerate(panels):
            if index > 0:
                lines.append("")
            lines += ["" if line["text"] == " " else line["text"] for line in panel["lines"]]
        blocks.append(lines)
    return blocks


def scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_labels_fit_a_laptop_window_with_the_same_lines(laptop, signage):
    page = laptop
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    assert scroll_width(page) <= 1280, "the sheet scrolls sideways"
    labels = page.evaluate(LABELS)
    assert len(labels) == 20
    for label in labels:
        # The lines of the text files, one line each (never wrapped by the browser).
        assert sheet_blocks(label) == text_file_blocks(signage, label["id"]), label["id"]
        for panels in label["blocks"]:
            for panel in panels:
                assert all(abs(line["height"] - panel["leading"]) < 0.5 for line in panel["lines"]), label["id"]
                # Smaller than printed, all in the same proportion.
                assert panel["width"] < WIDTH_MM * PX_PER_MM - 100
                assert panel["width"] <= 1280 - 2 * 24 - 106
        text = next(panel for panel in label["blocks"][0] if panel["field"] == "field-text")
        scale = text["width"] / (WIDTH_MM * PX_PER_MM)
        assert abs(text["size"] / (TEXT_SIZE_PT * PX_PER_PT) - scale) < 0.005, (label["id"], text, scale)
        assert abs(text["leading"] / (30 * PX_PER_PT) - scale) < 0.005, (label["id"], text, scale)
    assert page.get_by_text("On screen, a label wider than the window is drawn smaller").is_visible()
    screenshot(page, "30-proof-sheet-laptop", full_page=False)


def physical(page, signage):
    """Every panel has its physical width, type size and leading, and the text files' lines."""
    for label in page.evaluate(LABELS):
        assert sheet_blocks(label) == text_file_blocks(signage, label["id"]), label["id"]
        for panels in label["blocks"]:
            for panel in panels:
                assert abs(panel["width"] - WIDTH_MM * PX_PER_MM) < 0.5, (label["id"], panel["width"])
        text = next(panel for panel in label["blocks"][0] if panel["field"] == "field-text")
        assert abs(text["size"] - TEXT_SIZE_PT * PX_PER_PT) < 0.01, text["size"]
        assert abs(text["leading"] - 30 * PX_PER_PT) < 0.01, text["leading"]


def test_actual_size_on_screen_and_in_print(laptop, signage):
    page = laptop
    page.get_by_label("Show the panels at actual size").check()
    physical(page, signage)
    assert scroll_width(page) > 1280  # a 300 mm panel is wider than the window
    screenshot(page, "31-proof-sheet-actual-size", full_page=False)
    page.get_by_label("Show the panels at actual size").uncheck()
    assert scroll_width(page) <= 1280
    page.emulate_media(media="print")
    physical(page, signage)
    assert not page.get_by_text("On screen, a label wider than the window").is_visible()
