"""Accessibility and usability of the editor in a real browser (headless Chromium): the defects of
the accessibility review, each checked as a keyboard or screen-reader user meets it."""

import subprocess

import pytest
from playwright.sync_api import expect

from conftest import CAPTIONS, screenshot, wait_until

# How much of the focused element the sticky Save bar covers (0 when none, or the bar holds it).
COVERED_BY_BAR = """() => {
  const bar = document.querySelector('.actions');
  const focused = document.activeElement;
  if (!bar || !focused || focused === document.body || bar.contains(focused)) { return 0; }
  const b = bar.getBoundingClientRect(), r = focused.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) { return 0; }
  return Math.max(0, Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top));
}"""


def context(browser, width, height, locale="en-US"):
    return browser.new_context(viewport={"width": width, "height": height}, locale=locale)


@pytest.mark.parametrize("size", [(1280, 900), (390, 844), (320, 225)])
def test_save_bar_never_hides_the_focused_control(editor, browser, size):
    width, height = size
    opened = context(browser, width, height)
    page = opened.new_page()
    page.goto(editor.url + "/exhibits/guard-and-child")
    hidden = []
    for _ in range(70):
        page.keyboard.press("Tab")
        covered = page.evaluate(COVERED_BY_BAR)
        if covered > 2:
            hidden.append((page.evaluate("document.activeElement.id || document.activeElement.textContent"), covered))
    # Typing in a box: the box stays in sight (400% zoom of a laptop is 320 by 225).
    page.focus("#t-text-kk")
    page.keyboard.type("x")
    assert page.evaluate(COVERED_BY_BAR) <= 2
    screenshot(page, f"a11y-typing-{width}x{height}", full_page=False)
    opened.close()
    assert hidden == []


FOCUSED_CELL = "document.activeElement.closest('.signoff') ? document.activeElement.closest('.signoff').id : ''"


def test_signoff_keeps_focus_in_the_cell_and_says_it_once(editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("input[name=signer]", "A. Curator")
    page.focus("button[name=review][value='title.kk']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#so-title-kk .signoff-result")
    # Focus stays in the cell, on the next step: Approve for print.
    assert page.evaluate(FOCUSED_CELL) == "so-title-kk"
    assert page.evaluate("document.activeElement.name") == "approve"
    said = page.text_content("#so-title-kk .signoff-result")
    assert "marked as reviewed by A. Curator" in said
    # Announced once: by the live region, the message in the cell is no live region of its own.
    assert page.text_content("#signoff-status").strip() == said.strip()
    assert page.locator("#so-title-kk [role=status], #so-title-kk [role=alert], #so-title-kk [aria-live]").count() == 0
    # Approved: no button left, the message has focus and the live region says nothing more.
    page.keyboard.press("Enter")
    page.wait_for_selector("#so-title-kk .signoff-state.approved")
    wait_until(lambda: page.evaluate("document.activeElement.className") == "signoff-result")
    assert page.evaluate(FOCUSED_CELL) == "so-title-kk"
    assert page.text_content("#signoff-status") == ""
    assert "approved for print" in page.text_content("#so-title-kk .signoff-result")


def test_a_refused_signoff_is_said_by_its_button(editor, browser):
    opened = context(browser, 640, 450, locale="ru-RU")
    page = opened.new_page()
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("input[name=signer]", "A;B")
    page.focus("button[name=approve][value='text.ru']")
    page.keyboard.press("Enter")
    alert = page.locator("#so-text-ru [role=alert]")
    expect(alert).to_contain_text("Это имя нельзя записать")
    # Beside the button, which keeps focus, in sight at 200% zoom.
    assert page.evaluate(FOCUSED_CELL) == "so-text-ru"
    assert page.evaluate("document.activeElement.value") == "text.ru"
    assert alert.is_visible()
    box = alert.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 450
    # The reason is said in Russian too, with nothing in English.
    expect(alert).to_contain_text(
        "Это имя нельзя записать (в имени есть знак «;», которым в записи разделяются подписи): A;B"
    )
    assert alert.locator("[lang=en]").count() == 0
    assert page.text_content("#signoff-status") == ""
    screenshot(page, "a11y-signoff-refused-640", full_page=False)
    opened.close()


RECORD_LIVE = """() => {
  window.said = [];
  for (const id of ['live-status', 'live-counts']) {
    const region = document.getElementById(id);
    new MutationObserver(() => window.said.push([id, region.textContent]))
      .observe(region, {childList: true, subtree: true, characterData: true});
  }
}"""


def test_live_check_says_one_sentence_when_the_counts_change(editor, page):
    page.goto(editor.url + "/exhibits/guard-and-child")
    page.evaluate(RECORD_LIVE)
    page.focus("#t-title-en")
    page.keyboard.press("End")
    for word in ["o", "n", "e"]:
        page.keyboard.type(word)
        page.wait_for_timeout(700)
    # Typing with pauses: "Unsaved changes" once, no "Checking…", no counts (they did not change).
    assert page.evaluate("window.said") == [["live-status", "Unsaved changes"]]
    page.keyboard.type("  two  spaces")
    expect(page.locator("#f-title-en")).to_contain_text("whitespace")
    wait_until(lambda: len(page.evaluate("window.said")) > 1)
    said = page.evaluate("window.said")
    assert len(said) == 2, said
    assert said[1][0] == "live-counts"
    assert said[1][1].startswith("Draft checked. Errors: ") and ", warnings: " in said[1][1]
    assert "Checking" not in str(said)


def focused_text(page):
    return page.evaluate("document.activeElement.id + ': ' + document.activeElement.textContent.trim()")


def test_after_save_check_and_conflict_focus_is_on_the_result(editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("#t-title-en", "The first winter, 1938")
    page.focus("button[value=save]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert wait_until(lambda: focused_text(page).startswith("result: Saved: Title (en).")), focused_text(page)
    # Check without saving: focus on the note saying these are the draft's findings.
    page.fill("#t-title-en", "The  first winter")
    page.focus("button[value=check]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert wait_until(lambda: focused_text(page).startswith("draft-note: ")), focused_text(page)
    # A conflict: focus on its heading.
    page.goto(editor.url + "/exhibits/first-winter")
    editor.write("barracks/first-winter.yml", editor.read("barracks/first-winter.yml").replace(
        "  en: The first winter, 1938\n", "  en: The first winter in the camp\n"))
    page.fill("#t-title-en", "The first camp winter")
    page.focus("button[value=save]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert wait_until(lambda: page.evaluate("document.activeElement.tagName") == "H1"), focused_text(page)


PAGE_WIDTH = "document.documentElement.scrollWidth"


def test_no_sideways_scrolling_of_the_page_at_320px(editor, browser, tmp_path):
    opened = context(browser, 320, 640, locale="kk-KZ")
    page = opened.new_page()
    widths = {}
    page.goto(editor.url + "/translators")
    widths["translators"] = page.evaluate(PAGE_WIDTH)
    screenshot(page, "a11y-320-translators")
    subprocess.run(
        [str(CAPTIONS), "export", "xliff", str(editor.root), "--to", "en", "--out", str(tmp_path)],
        capture_output=True, check=True)
    xliff = next(tmp_path.glob("*.xlf"))
    page.set_input_files("input[name=xliff]", str(xliff))
    with page.expect_navigation():
        page.click("form[action='/translators/review'] button[type=submit]")
    widths["review"] = page.evaluate(PAGE_WIDTH)
    screenshot(page, "a11y-320-import-review")
    with page.expect_navigation():
        page.click("form[action='/translators/apply'] button[type=submit]")
    widths["applied"] = page.evaluate(PAGE_WIDTH)
    # A conflict: the same text changed in the file and in the draft.
    page.goto(editor.url + "/exhibits/first-winter")
    editor.write("barracks/first-winter.yml", editor.read("barracks/first-winter.yml").replace(
        "  en: The first winter\n", "  en: The first winter in the camp\n"))
    page.fill("#t-title-en", "The first camp winter")
    with page.expect_navigation():
        page.click("button[value=save]")
    assert page.locator("table.conflict").count() == 1
    widths["conflict"] = page.evaluate(PAGE_WIDTH)
    screenshot(page, "a11y-320-conflict")
    opened.close()
    assert widths == {"translators": 320, "review": 320, "applied": 320, "conflict": 320}


# The WCAG contrast ratio of two CSS colours (rgb()/rgba() as computed), in the page.
CONTRAST = """([a, b]) => {
  const parse = (c) => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
  const lum = (c) => { const [r, g, b] = parse(c).map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}"""


def test_focus_ring_borders_disabled_buttons_and_small_type_are_readable(editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    page.focus("#t-title-en")
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
      return [s.outlineColor, s.borderTopColor]; }""")
    paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
    paper = "rgb(251, 250, 247)" if paper == "rgba(0, 0, 0, 0)" else paper
    assert page.evaluate(CONTRAST, [style[0], paper]) >= 3
    assert page.evaluate(CONTRAST, [style[0], "rgb(255, 255, 255)"]) >= 3
    assert page.evaluate(CONTRAST, [style[0], "rgb(35, 49, 58)"]) >= 3  # the dark header
    border = page.evaluate("getComputedStyle(document.querySelector('#t-credit-en')).borderTopColor")
    assert page.evaluate(CONTRAST, [border, "rgb(255, 255, 255)"]) >= 3
    # A sign-off button greyed out after typing: solid colours, readable.
    page.keyboard.type("x")
    button = page.locator("#so-title-en button").first
    expect(button).to_be_disabled()
    look = button.evaluate("""(b) => { const s = getComputedStyle(b);
      return [s.opacity, s.color, s.backgroundColor]; }""")
    assert look[0] == "1"
    assert page.evaluate(CONTRAST, [look[1], look[2]]) >= 4.5
    # No text smaller than about .85rem (13.6 px), the label preview drawn to scale aside.
    small = page.evaluate("""() => Array.from(document.querySelectorAll('main *')).filter((e) =>
        e.offsetParent !== null && !e.closest('.visually-hidden, .label-field') &&
        Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim()) &&
        parseFloat(getComputedStyle(e).fontSize) < 13.5).map((e) => e.className + ': ' + e.textContent.trim())""")
    assert small == []


def test_discarding_a_draft_names_its_texts_asks_first_and_moves_focus(editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("#t-title-en", "A draft nobody wants")
    page.fill("#t-text-ru", "Черновик")
    page.context.clear_cookies()
    page.click("button[value=save]")
    page.click("#back-to-exhibit")
    expect(page.locator("#draft-texts")).to_have_text("Texts it changed: Title (en), Text (ru)")
    page.focus("#draft-discard-button")
    page.keyboard.press("Enter")
    # Asked first: nothing discarded yet, and focus stays on the button.
    expect(page.locator("#draft-discard-confirm")).to_be_visible()
    expect(page.locator("#draft-restore")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "draft-discard-button"
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('captions-draft:')).length") == 1
    screenshot(page, "a11y-draft-discard-asks", full_page=False)
    page.keyboard.press("Enter")
    expect(page.locator("#draft-restore")).to_be_hidden()
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('captions-draft:')).length") == 0
