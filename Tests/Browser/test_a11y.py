"""Accessibility and usability of the editor in a real browser (headless Chromium): the defects of
the accessibility review, each checked as a keyboard or screen-reader user meets it."""

import pytest
from playwright.sync_api import expect

from conftest import screenshot, wait_until

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
