"""The curator's editor in a real browser (headless Chromium): the scenarios of issue 12."""

import difflib
import hashlib
import re
import subprocess

import pytest
from playwright.sync_api import expect

from conftest import CAPTIONS, SCREENSHOTS, screenshot, wait_until

KURT = "museum-second-floor/kurt-story.yml"
WINTER = "barracks/first-winter.yml"


@pytest.fixture
def missing_kk(collection):
    """The bundled collection with the Kazakh title of kurt-story emptied (before the editor starts)."""
    path = collection / KURT
    text = path.read_text(encoding="utf-8")
    assert "  kk: Тас емес, құрт\n" in text
    path.write_text(text.replace("  kk: Тас емес, құрт\n", '  kk: ""\n'), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def changed_lines(before, after):
    """The lines removed and added between two texts."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_curator_fills_missing_kazakh(missing_kk, editor, page):
    page.goto(editor.url + "/")
    screenshot(page, "01-collection")
    page.select_option("select[name=missing]", "kk")
    page.click("form.filters button[type=submit]")
    assert page.text_content("#result-count") == "Exhibits: 1"
    page.click("text=kurt-story")
    assert page.url.endswith("/exhibits/kurt-story")
    box = page.locator("textarea[name='title.kk']")
    assert box.get_attribute("lang") == "kk"
    assert "0 of 3 lines on the panel · 0 characters" in page.text_content("#c-title-kk")
    assert "empty-text" in page.text_content("#f-title-kk")
    screenshot(page, "02-exhibit-missing-kk")

    box.fill("Тас емес, құрт")
    # Before saving: the live check updates the counter and clears the finding.
    expect(page.locator("#c-title-kk")).to_have_text("1 of 3 lines on the panel · 14 characters")
    expect(page.locator("#f-title-kk")).not_to_contain_text("empty-text")
    assert "No findings" in page.text_content("#findings-general")
    expect(page.locator("#label-preview .label-block[lang=kk] .title")).to_have_text("Тас емес, құрт")
    assert editor.read(KURT) == missing_kk  # nothing written yet
    screenshot(page, "03-exhibit-live-check")

    page.click("button[value=save]")
    page.wait_for_url("**/exhibits/kurt-story?saved=1&changed=title%3Akk")
    assert "Saved: Title (kk)." in page.text_content("main")
    after = editor.read(KURT)
    fingerprint = re.search(r"title: \{ kk: ([0-9a-f]+) \}", after).group(1)
    assert changed_lines(missing_kk, after) == [
        '-  kk: ""',
        "+  kk: Тас емес, құрт",
        "+translations:  # machine-owned: source fingerprints of translations; do not edit",
        f"+  title: {{ kk: {fingerprint} }}",
    ]
    check = subprocess.run([str(CAPTIONS), "check", str(editor.root)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_field_the_file_lacks_is_added_on_save(editor, page):
    before = editor.read(WINTER)
    assert "credit:" not in before
    page.goto(editor.url + "/exhibits/first-winter")
    assert "saving a text here adds it" in page.text_content("main")
    page.locator("textarea[name='credit.en']").fill("Museum collection")
    expect(page.locator("#c-credit-en")).to_have_text("1 of 2 lines on the panel · 17 characters")
    assert editor.read(WINTER) == before  # nothing written yet
    page.click("button[value=save]")
    page.wait_for_url("**/exhibits/first-winter?saved=1&changed=credit%3Aen")
    assert changed_lines(before, editor.read(WINTER)) == ["+credit:", "+  en: Museum collection"]
    assert editor.read(WINTER).index("credit:") < editor.read(WINTER).index("notes:")
    expect(page.locator("textarea[name='credit.en']")).to_have_value("Museum collection")


def two_tabs_after_a_save(editor, browser, box, text):
    """A browser context with two tabs on first-winter; the first has saved `text` in `box`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    first = context.new_page()
    second = context.new_page()
    first.goto(editor.url + "/exhibits/first-winter")
    second.goto(editor.url + "/exhibits/first-winter")
    first.fill(f"textarea[name='{box}']", text)
    first.click("button[value=save]")
    first.wait_for_url("**saved=1&changed=" + box.replace(".", "%3A"))
    return context, second


def a_conflict(editor, browser, theirs, mine):
    """Two tabs on first-winter: the first saves `theirs` (box, text), then the second saves
    `mine` over it and is shown the conflict page. The context and the second tab."""
    context, second = two_tabs_after_a_save(editor, browser, *theirs)
    second.fill(f"textarea[name='{mine[0]}']", mine[1])
    second.click("button[value=save]")
    second.wait_for_load_state()
    assert second.text_content("h1") == "Conflict"
    return context, second


def test_two_tabs_conflict(editor, browser):
    context, second = a_conflict(
        editor, browser, ("title.en", "The first winter, 1938"), ("title.en", "The first camp winter"))
    assert second.text_content("tr.differs td.draft") == "The first camp winter"
    assert second.text_content("tr.differs td.current") == "The first winter, 1938"
    assert "  en: The first winter, 1938\n" in editor.read(WINTER)
    screenshot(second, "04-conflict")
    # Nothing is lost: the draft can still be saved over the file.
    second.click("text=Save my draft over the file")
    second.wait_for_url("**saved=1&changed=title%3Aen")
    assert "  en: The first camp winter\n" in editor.read(WINTER)
    context.close()


def test_a_conflict_resolved_by_hand_saves_against_the_current_file(editor, browser):
    """The curator's way out of a conflict: open the file's current version, restore the draft,
    see the file's text under the box, combine the two and save. That save is no second conflict."""
    context, second = a_conflict(
        editor, browser, ("title.en", "The first winter, 1938"), ("title.en", "The first camp winter"))
    second.click("text=Open the file's current version")
    second.wait_for_load_state()
    # The address names the version the conflict page showed, and is used once: a reload or
    # the history restores as any page does.
    expect(second).to_have_url(editor.url + "/exhibits/first-winter")
    expect(second.locator("textarea[name='title.en']")).to_have_value("The first winter, 1938")
    expect(second.locator("#draft-restore")).to_be_visible()
    second.click("#draft-restore-button")
    expect(second.locator("textarea[name='title.en']")).to_have_value("The first camp winter")
    # The file's text stands under the restored box, to combine with the draft.
    expect(second.locator("#ft-t-title-en")).to_have_text(
        "The file has this text now (your draft is in the box above); combine the two and save:"
        "The first winter, 1938")
    assert second.get_attribute("#ft-t-title-en .file-text-body", "lang") == "en"
    # A text the draft did not change gets no such note.
    expect(second.locator("#ft-t-title-kk")).to_have_count(0)
    screenshot(second, "04c-conflict-restored-onto-current", full_page=False)
    second.fill("textarea[name='title.en']", "The first camp winter, 1938")
    second.click("button[value=save]")
    second.wait_for_url("**saved=1&changed=title%3Aen")
    expect(second.locator("main .message.ok")).to_have_text("Saved: Title (en).")
    assert "  en: The first camp winter, 1938\n" in editor.read(WINTER)
    second.goto(editor.url + "/exhibits/first-winter")
    expect(second.locator("#draft-restore")).to_be_hidden()
    context.close()


def test_a_restored_draft_never_overwrites_a_save_made_after_the_conflict(editor, browser):
    """Someone saves again after the conflict page was shown: opening "the file's current version"
    then shows a newer file than the conflict page did, so the restored draft merges as any draft
    does, and the save is a conflict again, never an overwrite of that newer save."""
    context, second = a_conflict(
        editor, browser, ("title.en", "The first winter, 1938"), ("title.en", "The first camp winter"))
    third = context.new_page()
    third.goto(editor.url + "/exhibits/first-winter")
    third.fill("textarea[name='title.en']", "The first winter in the steppe")
    third.click("button[value=save]")
    third.wait_for_url("**saved=1&changed=title%3Aen")
    second.click("text=Open the file's current version")
    second.wait_for_load_state()
    expect(second.locator("textarea[name='title.en']")).to_have_value("The first winter in the steppe")
    second.click("#draft-restore-button")
    expect(second.locator("textarea[name='title.en']")).to_have_value("The first camp winter")
    # Not the conflict page's version: no file text to combine with, the draft's own page.
    expect(second.locator("#ft-t-title-en")).to_have_count(0)
    second.click("button[value=save]")
    second.wait_for_load_state()
    assert second.text_content("h1") == "Conflict"
    assert second.text_content("tr.differs td.current") == "The first winter in the steppe"
    assert "  en: The first winter in the steppe\n" in editor.read(WINTER)
    context.close()


def test_a_conflict_names_a_translation_whose_source_changed(editor, browser):
    context, second = a_conflict(
        editor, browser, ("title.ru", "Первая лагерная зима"), ("title.kk", "Лагерьдегі алғашқы қыс"))
    rows = second.locator("tr.differs th")
    expect(rows).to_have_text([
        "Title (kk) (changed by you, and its source, Russian (ru), changed in the file: saved, the translation"
        " is recorded as made from the earlier source you saw, and reported stale)",
        "Title (ru) (changed in the file, not by you)"])
    context.close()


def source_fingerprint(text):
    """The fingerprint a `translations:` record holds for a source text (already NFC)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def restore_kazakh_onto_a_changed_russian(editor, browser):
    """A colleague changes the Russian title while I translate it into Kazakh: after the conflict,
    my draft restored onto the current version. The context, the tab and the earlier-source note
    under the Kazakh box, which says so."""
    context, second = a_conflict(
        editor, browser, ("title.ru", "Первая лагерная зима"), ("title.kk", "Лагерьдегі алғашқы қыс"))
    second.click("text=Open the file's current version")
    second.wait_for_load_state()
    second.click("#draft-restore-button")
    return context, second, expect_earlier_russian_note(second)


def expect_earlier_russian_note(page):
    """The Kazakh title restored, and the note under it naming the Russian it was written beside,
    its box not ticked: the note."""
    expect(page.locator("textarea[name='title.kk']")).to_have_value("Лагерьдегі алғашқы қыс")
    note = page.locator("#fs-t-title-kk")
    # The earlier Russian beside the file's, and what to do on the page: no command to type.
    expect(note).to_contain_text(
        "You wrote this translation beside an earlier Russian (ru) text: «Первая зима». The file has this text "
        "now: «Первая лагерная зима». Compare the translation with it, correct it if needed, and tick the box "
        "below. Saved without the tick, it is recorded as translated from the earlier text and marked stale "
        "until it is checked against the new one.")
    expect(note.get_by_label("I have checked it against the Russian (ru) text the file has now")).not_to_be_checked()
    return note


def save_kazakh_and_check(editor, page):
    """Saves the page's Kazakh title; the Russian fingerprint its `translations:` record holds, and
    whether `captions check` reports it stale."""
    page.click("button[value=save]")
    page.wait_for_url("**saved=1&changed=title%3Akk")
    text = editor.read(WINTER)
    assert "  kk: Лагерьдегі алғашқы қыс\n" in text, text
    fingerprint = re.search(r"title: \{[^}]*\bkk: ([0-9a-f]{8})\b", text).group(1)
    check = subprocess.run([str(CAPTIONS), "check", str(editor.root)], capture_output=True, text=True)
    stale = [line for line in check.stdout.splitlines()
             if "title (kk) of first-winter was translated from an earlier ru text" in line]
    assert all("stale-translation" in line for line in stale), check.stdout
    return fingerprint, len(stale) == 1


@pytest.mark.parametrize("confirmed", [False, True])
def test_a_translation_restored_onto_a_changed_source_is_recorded_as_made_from_the_old(
        editor, browser, confirmed):
    """My Kazakh restored onto the current version is recorded as made from the Russian I saw, so
    the check reports it stale; unless I tick that I checked it against the Russian it has now."""
    context, second, note = restore_kazakh_onto_a_changed_russian(editor, browser)
    if confirmed:
        note.get_by_label("I have checked it against the Russian (ru) text the file has now").check()
    made_from = "Первая лагерная зима" if confirmed else "Первая зима"
    assert save_kazakh_and_check(editor, second) == (source_fingerprint(made_from), not confirmed)
    context.close()


def test_a_translation_restored_onto_a_changed_source_keeps_it_across_a_reload(editor, browser):
    """Restored onto the current version, then the page reloaded before the save: the kept draft
    remembers the earlier Russian it was restored with, so restoring it again says so under the box
    and the save records the Kazakh as made from that Russian (stale), not from the file's."""
    context, second, _ = restore_kazakh_onto_a_changed_russian(editor, browser)
    second.reload()
    expect(second.locator("textarea[name='title.kk']")).to_have_value("Алғашқы қыс")
    expect(second.locator("#fs-t-title-kk")).to_have_count(0)
    second.click("#draft-restore-button")
    expect_earlier_russian_note(second)
    # The file's text is the page's own now: no "the file has this text" note.
    expect(second.locator("#ft-t-title-kk")).to_have_count(0)
    # The live check has answered for the restored text (counted, not the file's 11 characters).
    expect(second.locator("#c-title-kk")).to_contain_text("22")
    screenshot(second, "04d-restored-earlier-source-after-reload")
    assert save_kazakh_and_check(editor, second) == (source_fingerprint("Первая зима"), True)
    # Saved: nothing is offered any more.
    second.goto(editor.url + "/exhibits/first-winter")
    expect(second.locator("#draft-restore")).to_be_hidden()
    context.close()


def test_two_tabs_editing_different_texts_both_save(editor, browser):
    context, second = two_tabs_after_a_save(editor, browser, "title.kk", "Лагерьдегі алғашқы қыс")
    # The second tab changed another text: its save is no conflict and undoes nothing.
    second.fill("textarea[name='title.en']", "The first camp winter")
    second.click("button[value=save]")
    second.wait_for_url("**saved=1&changed=title%3Aen&merged=1")
    expect(second.locator("main .message.ok")).to_have_text(
        "Saved: Title (en). Meanwhile other texts had changed in the file; those changes are kept.")
    text = editor.read(WINTER)
    assert "  kk: Лагерьдегі алғашқы қыс\n" in text and "  en: The first camp winter\n" in text, text
    expect(second.locator("textarea[name='title.kk']")).to_have_value("Лагерьдегі алғашқы қыс")
    context.close()


def test_a_draft_outlives_its_session(editor, page):
    """The editor restarted (the session is gone) while a curator typed: the refused save writes
    nothing, the browser kept the draft, and restoring it saves it merged with a colleague's change."""
    before = editor.read(WINTER)
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#draft-restore")).to_be_hidden()
    page.fill("textarea[name='title.en']", "The first camp winter")
    page.context.clear_cookies()  # what a restart does to the session
    page.click("button[value=save]")
    page.wait_for_load_state()
    expect(page.locator("#draft-kept")).to_have_text(
        "Your unsaved texts are kept in this browser: open the exhibit again and choose “Restore my draft”.")
    assert editor.read(WINTER) == before
    # Meanwhile a colleague saves another text of the exhibit.
    editor.write(WINTER, before.replace("  kk: Алғашқы қыс\n", "  kk: Лагерьдегі алғашқы қыс\n"))
    page.click("#back-to-exhibit")
    expect(page.locator("#draft-restore")).to_be_visible()
    expect(page.locator("#draft-restore p").first).to_contain_text(
        "This browser kept a draft of this exhibit that was not saved. (")
    screenshot(page, "04b-draft-kept", full_page=False)
    expect(page.locator("textarea[name='title.en']")).to_have_value("The first winter")
    page.click("#draft-restore-button")
    expect(page.locator("#draft-restore")).to_be_hidden()
    expect(page.locator("textarea[name='title.en']")).to_have_value("The first camp winter")
    # The colleague's text stays on the page: only the curator's own change came back.
    expect(page.locator("textarea[name='title.kk']")).to_have_value("Лагерьдегі алғашқы қыс")
    expect(page.locator("#c-title-en")).to_have_text("1 of 3 lines on the panel · 21 characters")
    page.click("button[value=save]")
    page.wait_for_url("**saved=1&changed=title%3Aen&merged=1")
    changed = changed_lines(before, editor.read(WINTER))
    assert changed[:4] == [
        "-  kk: Алғашқы қыс", "+  kk: Лагерьдегі алғашқы қыс", "-  en: The first winter",
        "+  en: The first camp winter"], changed
    # The English title is recorded as made from the Russian title.
    assert changed[4] == "+translations:  # machine-owned: source fingerprints of translations; do not edit"
    assert re.fullmatch(r"\+  title: \{ en: [0-9a-f]{8} \}", changed[5]) and len(changed) == 6, changed
    # Saved: nothing is offered any more.
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#draft-restore")).to_be_hidden()


def test_a_kept_draft_can_be_discarded(editor, page):
    before = editor.read(WINTER)
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("textarea[name='title.en']", "A draft nobody wants")
    page.context.clear_cookies()
    page.click("button[value=save]")
    page.click("#back-to-exhibit")
    page.click("#draft-discard-button")  # asks first
    page.click("#draft-discard-button")
    expect(page.locator("#draft-restore")).to_be_hidden()
    page.reload()
    expect(page.locator("#draft-restore")).to_be_hidden()
    expect(page.locator("textarea[name='title.en']")).to_have_value("The first winter")
    assert editor.read(WINTER) == before


def test_two_tabs_keep_their_own_drafts(editor, page):
    """Two tabs of one exhibit: one saves, the other is closed unsaved. Its draft is still offered
    (a single draft per exhibit was overwritten by the other tab's typing and forgotten by its save)."""
    before = editor.read(WINTER)
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("textarea[name='title.en']", "The first camp winter")
    other = page.context.new_page()
    other.goto(editor.url + "/exhibits/first-winter")
    # The first tab's draft is not saved yet: this tab offers it, and the curator types on.
    expect(other.locator("#draft-restore")).to_be_visible()
    other.fill("textarea[name='title.kk']", "Лагерьдегі алғашқы қыс")
    page.click("button[value=save]")
    page.wait_for_url("**saved=1&changed=title%3Aen*")
    assert changed_lines(before, editor.read(WINTER))[:2] == [
        "-  en: The first winter", "+  en: The first camp winter"]
    other.close()  # closed without saving
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#draft-restore")).to_be_visible()
    page.click("#draft-restore-button")
    expect(page.locator("textarea[name='title.kk']")).to_have_value("Лагерьдегі алғашқы қыс")
    expect(page.locator("textarea[name='title.en']")).to_have_value("The first camp winter")
    page.click("button[value=save]")
    page.wait_for_url("**saved=1&changed=title%3Akk*")
    after = editor.read(WINTER)
    assert "  kk: Лагерьдегі алғашқы қыс\n" in after and "  en: The first camp winter\n" in after
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#draft-restore")).to_be_hidden()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('captions-draft:'))") == []


def test_drafts_older_than_30_days_are_forgotten(editor, page):
    page.goto(editor.url + "/")
    day = 24 * 3600 * 1000
    # Two drafts kept by this browser, with changes the pages do not show: one 31 days old, one 29.
    page.evaluate("""day => {
      const draft = (title, age) => JSON.stringify({ at: Date.now() - age * day,
        texts: { 'title.en': title }, page: { '_base.title.en': 'as the page showed it' } });
      localStorage.setItem('captions-draft:/exhibits/first-winter', draft('Too old to offer', 31));
      localStorage.setItem('captions-draft:/exhibits/guard-and-child', draft('Recent enough', 29));
      localStorage.setItem('unrelated', 'kept');
    }""", day)
    page.goto(editor.url + "/status")
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert keys == ["captions-draft:/exhibits/guard-and-child", "unrelated"]
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#draft-restore")).to_be_hidden()
    page.goto(editor.url + "/exhibits/guard-and-child")
    expect(page.locator("#draft-restore")).to_be_visible()
    page.click("#draft-restore-button")
    expect(page.locator("textarea[name='title.en']")).to_have_value("Recent enough")


def test_script_in_caption_is_text(editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("textarea[name='title.en']", "<script>alert(1)</script>")
    expect(page.locator("#c-title-en")).to_have_text("1 of 3 lines on the panel · 25 characters")
    page.click("button[value=save]")
    page.wait_for_url("**saved=1&changed=title%3Aen")
    assert page.input_value("textarea[name='title.en']") == "<script>alert(1)</script>"
    page.goto(editor.url + "/?q=alert")
    assert page.text_content("#result-count") == "Exhibits: 1"
    page.goto(editor.url + "/exhibits/first-winter")
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.dialogs == []


def test_xliff_round_trip(missing_kk, editor, page, tmp_path):
    page.goto(editor.url + "/translators")
    page.select_option("select[name=lang]", "kk")
    page.check("input[name=needed]")
    screenshot(page, "05-translators")
    with page.expect_download() as download_info:
        page.click("text=Download XLIFF >> nth=-1")
    download = download_info.value
    assert download.suggested_filename == "ru-kk.xlf"
    xliff = tmp_path / "ru-kk.xlf"
    download.save_as(xliff)
    exported = subprocess.run(
        [str(CAPTIONS), "export", "xliff", str(editor.root), "--to", "kk", "--needed", "--out", str(tmp_path / "cli")],
        capture_output=True, text=True, check=True)
    assert exported.returncode == 0
    assert xliff.read_bytes() == (tmp_path / "cli" / "ru-kk.xlf").read_bytes()

    # The translator's tool, scripted: fill the one empty target.
    text = xliff.read_text(encoding="utf-8")
    assert text.count('<target state="needs-translation"></target>') == 1
    # The translator leaves a question on the unit, as Weblate saves a comment.
    note = "Is «құрт» the cheese here, or the name of the exhibit?"
    text = text.replace(
        '<target state="needs-translation"></target>',
        f'<target>Тас емес, құрт</target><note from="translator">{note}</note>')
    xliff.write_text(text, encoding="utf-8")

    page.set_input_files("input[name=xliff]", str(xliff))
    page.click("text=Preview the import (writes nothing)")
    page.wait_for_load_state()
    assert page.text_content("h1") == "Preview of the import: nothing is written yet"
    assert page.text_content("table.report tbody tr td") == "1"
    # The text the import would write, under its exhibit, field and language, and its file.
    changes = page.locator(".import-changes")
    expect(changes.locator("h2")).to_have_text("Texts this import would change: 1")
    expect(changes.locator("li h3")).to_have_text("kurt-story, Title (kk)")
    expect(changes.locator("li ins")).to_have_text("Тас емес, құрт")
    assert changes.locator("li .diff-text").get_attribute("lang") == "kk"
    expect(page.locator("ul.files li")).to_have_text(KURT)
    assert editor.read(KURT) == missing_kk
    screenshot(page, "06-xliff-review")
    # The note comes back among the questions for the translator, with its text.
    questions = page.locator("ul.questions li")
    expect(questions).to_have_count(1)
    expect(questions).to_contain_text(f'has a note from the translator: "{note}"')
    expect(questions.locator("code")).to_have_text("translator-note")
    page.set_viewport_size({"width": 390, "height": 844})
    questions.scroll_into_view_if_needed()
    screenshot(page, "06b-phone-translator-note", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.click("text=Apply these translations")
    page.wait_for_load_state()
    assert page.text_content("h1") == "Translations applied"
    assert "  kk: Тас емес, құрт\n" in editor.read(KURT)


def test_interface_switches_to_kazakh_and_back(editor, page):
    page.goto(editor.url + "/status")
    assert page.text_content("h1") == "Translation status"
    page.click("form.switch button[value=kk]")
    page.wait_for_load_state()
    assert page.text_content("h1") == "Аудармалардың жай-күйі"
    assert page.get_attribute("html", "lang") == "kk"
    screenshot(page, "07-status-kazakh")
    page.goto(editor.url + "/exhibits/kurt-story")
    assert page.text_content("button[value=save]") == "Сақтау"
    screenshot(page, "08-exhibit-kazakh")
    page.click("form.switch button[value=en]")
    page.wait_for_load_state()
    assert page.text_content("button[value=save]") == "Save"
    assert page.get_attribute("html", "lang") == "en"


def test_phone_width_without_javascript(editor, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, locale="ru-RU", is_mobile=True)
    page = context.new_page()
    page.goto(editor.url + "/")
    assert page.text_content("h1") == "Экспонаты"
    # The search box takes the phone's width, not the few pixels a flexible row left it.
    box = page.locator("form.filters input[type=search]").bounding_box()
    assert box["width"] >= 300, box
    screenshot(page, "09-phone-collection")
    page.click("text=first-winter")
    # Measured once the page and its stylesheet have loaded (unstyled, it is wider).
    page.wait_for_url("**/exhibits/first-winter")
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the exhibit page is {width} px wide at a phone's 390 px"
    page.fill("textarea[name='title.en']", "The first winter (phone)")
    page.click("button[value=check]")
    page.wait_for_load_state()
    assert "Проверено по несохранённому черновику" in page.text_content("main")
    assert page.input_value("textarea[name='title.en']") == "The first winter (phone)"
    page.click("button[value=save]")
    page.wait_for_url("**saved=1&changed=title%3Aen")
    screenshot(page, "10-phone-exhibit-saved")
    assert "  en: The first winter (phone)\n" in editor.read(WINTER)
    context.close()


LINE_WIDTHS = """() => {
  // Each line of each field on a panel: [language, panel, font family, line width / panel
  // width, and for a paragraph's lines but the last, the same of the line with the next
  // line's first word (up to a space) after a space].
  const lines = [];
  const canvas = document.createElement('canvas').getContext('2d');
  for (const field of document.querySelectorAll('#label-preview .label-field[data-panel]')) {
    const panel = field.getBoundingClientRect().width - 1;  // its right edge is a 1 px line
    const style = getComputedStyle(field);
    canvas.font = `${style.fontSize} "${style.fontFamily}"`;
    for (const paragraph of field.querySelectorAll('p')) {
      const texts = [...paragraph.childNodes].map(node => node.nodeType === Node.TEXT_NODE ? node : node.firstChild)
        .filter(text => text && text.nodeType === Node.TEXT_NODE);
      texts.forEach((text, index) => {
        const range = document.createRange();
        range.selectNodeContents(text);
        const next = texts[index + 1];
        const withNext = next ? canvas.measureText(text.data + ' ' + next.data.split(' ')[0]).width / panel : null;
        lines.push([field.closest('.label-block').lang, field.dataset.panel, style.fontFamily,
                    range.getBoundingClientRect().width / panel, withNext]);
      });
    }
  }
  return lines;
}"""


def test_label_preview_is_drawn_in_the_panel_fonts(editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    page.evaluate("document.fonts.ready")
    # PT Sans and PT Sans Bold, served by the editor, loaded (the exhibit has no credit: the
    # Italic is not needed).
    families = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).sort()")
    assert families == ["captions-panel-1", "captions-panel-3"]
    lines = page.evaluate(LINE_WIDTHS)
    fonts = {(language, panel): family for language, panel, family, _, _ in lines}
    assert fonts == {(language, panel): f"captions-panel-{number}"
                     for language in ["kk", "ru", "en"] for panel, number in [("title", 3), ("object", 1)]}
    # The export broke the body text with PT Sans at the panel's width. Drawn in PT Sans to
    # scale, every line fits the panel and the next line's first word would not have: in
    # another font lines would run past the edge or leave room for that word.
    body = [(ratio, with_next) for _, panel, _, ratio, with_next in lines if panel == "object"]
    assert len(body) == 12, body
    assert all(ratio <= 1.0 and (with_next is None or with_next > 0.995) for ratio, with_next in body), body
    # A draft's preview, from the live check, is drawn the same way.
    page.fill("textarea[name='text.ru']", "Очень длинное слово " * 40)
    expect(page.locator("#label-preview .label-block[lang=ru] .text p")).to_contain_text("Очень длинное слово")
    draft = [(ratio, with_next) for language, panel, _, ratio, with_next in page.evaluate(LINE_WIDTHS)
             if language == "ru" and panel == "object"]
    assert len(draft) > 4, draft
    assert all(ratio <= 1.0 and (with_next is None or with_next > 0.995) for ratio, with_next in draft), draft
    page.locator("#label-preview").screenshot(path=str(SCREENSHOTS / "11-label-preview-panel-fonts.png"))


def test_a_control_character_is_the_error_save_makes_of_it(editor, page):
    """The live check and Save agree: a control character is an error that blocks saving, and
    both say where it is (it shows as a box, or not at all, in the text box)."""
    before = editor.read(WINTER)
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("textarea[name='title.en']", "The first\u0007 winter")
    place = page.locator("#f-title-en li.control-place")
    expect(place).to_have_text(
        "Save refuses this text: it has an invisible control character (U+0007) at character 10, shown here "
        "as ␇: “The first␇ winter”. Delete it.")
    expect(page.locator("#f-title-en li.error .severity")).to_have_text("error")
    expect(page.locator("#f-title-en li.warning")).to_have_count(0)
    assert page.get_attribute("#t-title-en", "aria-invalid") == "true"
    page.click("button[value=save]")
    page.wait_for_load_state()
    expect(page.locator("#result")).to_have_text(
        "Not saved: Title (en) has an invisible control character (U+0007) at character 10, shown here as ␇: "
        "“The first␇ winter”. It can be neither printed nor sent to translators: delete it and save again. "
        "Your draft is still in the boxes.")
    expect(page.locator("#result")).to_be_focused()
    # Save was pressed: the page does not say the draft was only checked.
    expect(page.locator("#draft-note")).to_have_count(0)
    expect(page.locator("textarea[name='title.en']")).to_have_value("The first\u0007 winter")
    assert editor.read(WINTER) == before
    # Deleted, the text saves.
    page.fill("textarea[name='title.en']", "The first winter!")
    expect(place).to_have_count(0)
    page.click("button[value=save]")
    page.wait_for_url("**saved=1&changed=title%3Aen")
    assert "  en: The first winter!\n" in editor.read(WINTER)


HUGE_RUSSIAN = "Первые узницы строили жилища сами. " * 7543  # 264,005 characters


def test_a_huge_paste_says_the_limit_at_its_box_and_keeps_the_page(editor, page):
    before = editor.read(WINTER)
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("textarea[name='text.ru']", HUGE_RUSSIAN)
    message = (
        "Too long to save: 264,005 characters in this box, and the editor takes at most 1 MB from one page "
        "(about 170,000 Cyrillic or 1,000,000 Latin characters in all its boxes together). Shorten the text; "
        "your draft is kept in this browser.")
    # The counter says it, not the numbers of the text before the paste.
    expect(page.locator("#c-text-ru")).to_have_text(message)
    expect(page.locator("#live-status")).to_have_text(message)
    page.click("button[value=save]")
    expect(page.locator("textarea[name='text.ru']")).to_be_focused()
    assert page.url == editor.url + "/exhibits/first-winter"
    assert editor.read(WINTER) == before
    # Shortened: the counter counts again, and the text saves.
    page.fill("textarea[name='text.ru']", "Первые узницы строили жилища сами.")
    expect(page.locator("#c-text-ru")).to_have_text("1 of 12 lines on the panel · 34 characters")
    page.click("button[value=save]")
    page.wait_for_url("**saved=1&changed=text%3Aru")


def test_a_paste_that_fits_only_without_its_line_breaks_is_not_sent(editor, page):
    """The browser sends each line break of a form as CR LF (%0D%0A), three bytes more than the
    page's own request counts: a text 30 KB under the 1 MB limit as counted that way, with 20,000
    line breaks, is 30 KB over it as sent. The page counts it as sent, and keeps the draft instead
    of leading to the server's refusal."""
    before = editor.read(WINTER)
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("textarea[name='text.en']", "")
    # The rest of the form, as the page's request encodes it.
    rest = page.evaluate(
        "() => { const form = document.getElementById('exhibit-form');"
        " return [Number(form.getAttribute('data-limit')),"
        " new URLSearchParams(new FormData(form)).toString().length]; }")
    limit, others = rest
    breaks = 20000
    letters = limit - 64 - others - 30000 - 3 * breaks
    # Set at once (typing 20,000 line breaks one by one is what no curator does).
    page.evaluate(
        "([letters, breaks]) => { const box = document.querySelector(\"textarea[name='text.en']\");"
        " box.value = 'a'.repeat(letters) + '\\n'.repeat(breaks);"
        " box.dispatchEvent(new Event('input', { bubbles: true })); }",
        [letters, breaks])
    expect(page.locator("#c-text-en")).to_have_class("counter over too-long")
    page.click("button[value=save]")
    expect(page.locator("textarea[name='text.en']")).to_be_focused()
    assert page.url == editor.url + "/exhibits/first-winter"
    assert editor.read(WINTER) == before


def test_a_huge_paste_without_javascript_leads_back_to_the_exhibit(editor, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    before = editor.read(WINTER)
    page.goto(editor.url + "/exhibits/first-winter")
    page.fill("textarea[name='text.ru']", HUGE_RUSSIAN)
    page.click("button[value=save]")
    page.wait_for_load_state()
    expect(page.locator("main .message.error")).to_have_text(
        "Слишком много текста для одного сохранения: редактор принимает с одной страницы не больше 1 МБ, это "
        "примерно 170\u00a0000 кириллических или 1\u00a0000\u00a0000 латинских символов во всех полях страницы "
        "вместе (текст подписи гораздо короче). Ничего не сохранено.")
    expect(page.locator("#back-to-exhibit")).to_have_attribute("href", "/exhibits/first-winter")
    # Without the page's script no draft was kept, and the page does not say one was.
    expect(page.locator("#draft-kept")).to_be_hidden()
    assert editor.read(WINTER) == before
    context.close()


def test_the_save_notice_names_the_texts_it_changed(editor, browser):
    """A curator sees that what they meant to change, and only that, was saved: the notice names
    each text, a field's languages together, in the interface language."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="kk-KZ")
    page = context.new_page()
    try:
        page.goto(editor.url + "/exhibits/first-winter")
        page.fill("textarea[name='title.kk']", "Лагерьдегі алғашқы қыс")
        page.fill("textarea[name='title.en']", "The first camp winter")
        page.locator("textarea[name='text.kk']").evaluate(
            "box => { box.value += ' Қосымша сөйлем.'; box.dispatchEvent(new Event('input', { bubbles: true })); }")
        # A box typed in and put back as it was is no change, and is not named.
        page.fill("textarea[name='title.ru']", "Первая зима!")
        page.fill("textarea[name='title.ru']", "Первая зима")
        page.click("button[value=save]")
        page.wait_for_url("**/exhibits/first-winter?saved=3&changed=title%3Akk%2Ctitle%3Aen%2Ctext%3Akk")
        expect(page.locator("main .message.ok")).to_have_text("Сақталды: Тақырып (kk, en), Мәтін (kk).")
        screenshot(page, "05-saved-names-the-texts", full_page=False)
    finally:
        context.close()


def validation_message(page, selector):
    return page.locator(selector).evaluate("box => box.validationMessage")


def test_required_boxes_speak_the_interface_language(editor, browser):
    """Chromium (here in English) says "Please fill out this field." in its own language; the
    editor's required boxes say it in the interface language, and a box filled in submits."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    try:
        page.goto(editor.url + "/new")
        page.click("button.primary")
        expect(page.locator("input[name=id]")).to_be_focused()
        assert validation_message(page, "input[name=id]") == "Введите id нового экспоната."
        page.fill("input[name=id]", "Bad Id")
        page.click("button.primary")
        assert validation_message(page, "input[name=id]") == (
            "В id могут быть только строчные латинские буквы, цифры и одиночные дефисы, например stalin-wagon.")
        page.fill("input[name=id]", "new-wagon")
        page.fill("input[name=newGallery]", "New Hall")
        page.click("button.primary")
        expect(page.locator("input[name=newGallery]")).to_be_focused()
        assert validation_message(page, "input[name=newGallery]") == (
            "В названии галереи могут быть только строчные латинские буквы, цифры и одиночные дефисы, "
            "например barracks.")
        assert page.url.endswith("/new")
        page.fill("input[name=newGallery]", "")
        page.click("button.primary")
        page.wait_for_url("**/exhibits/new-wagon")

        page.goto(editor.url + "/translators")
        upload = "form[action='/translators/review']"
        page.click(f"{upload} button[type=submit]")
        assert validation_message(page, f"{upload} input[type=file]") == (
            "Выберите файл XLIFF, который прислал переводчик.")
        assert page.url.endswith("/translators")
    finally:
        context.close()



@pytest.fixture
def kurt_upper(collection):
    """The bundled collection with an exhibit saved as barracks/kurt.YML (before the editor starts)."""
    (collection / "barracks" / "kurt.YML").write_text("id: kurt\n", encoding="utf-8")


def test_a_file_not_read_is_named_on_the_status_page(kurt_upper, editor, page):
    # The exhibit list says that a file is not read; its link leads to the status page's list.
    page.goto(editor.url + "/")
    notice = page.locator("p.message.warning")
    expect(notice).to_contain_text("Files in the collection folder that are not read, although they may hold captions: 1.")
    notice.locator("a").click()
    page.wait_for_load_state()
    assert page.url == editor.url + "/status#skipped-files"
    item = page.locator("#skipped-files li")
    expect(item).to_have_text(
        "barracks/kurt.YML: kurt.YML is not read: only names ending in .yml or .yaml, in lower case, are. "
        "Rename it to kurt.yml. skipped-file")
    expect(item).to_be_in_viewport()
    screenshot(page, "32-status-skipped-file")


@pytest.fixture
def tab_in_kenesary(collection):
    """The bundled collection with a tab before `  ru:` of kenesary-mail-shirt.yml: invalid YAML."""
    path = collection / "museum-first-floor" / "kenesary-mail-shirt.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n  ru:", "\n\t  ru:", 1), encoding="utf-8")
    return path


def test_a_file_that_cannot_be_read_says_why_in_its_row(tab_in_kenesary, editor, browser):
    message = (f"{tab_in_kenesary}:4:1: error: invalid YAML: tabs cannot indent YAML; use spaces (found a tab "
               "character that violates indentation) [invalid-yaml]")
    for width, locale, name in [(1280, "ru-RU", "33-unreadable-file"), (390, "ru-RU", "33b-phone-unreadable-file")]:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
        page = context.new_page()
        try:
            page.goto(editor.url + "/?gallery=museum-first-floor")
            row = page.locator("table.exhibits tr", has_text="kenesary-mail-shirt.yml")
            expect(row.locator(".badge.unreadable")).to_have_text("Файл не читается")
            expect(row.locator("code.load-error")).to_have_text(message)
            expect(row.locator(".badge.missing")).to_have_count(0)
            # The long message wraps: the page is no wider than the window.
            width_used = page.evaluate("document.documentElement.scrollWidth")
            assert width_used <= width, f"the list is {width_used} px wide at {width} px"
            screenshot(page, name)
        finally:
            context.close()
