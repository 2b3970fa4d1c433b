"""Sign-off in the editor in a real browser (issue 13, item 7): review and approve per text, the
state on every text, the word diff of a stale translation, and the "ready for print" filter."""

import calendar
import hashlib
import json
import re
import subprocess
import unicodedata

import pytest
from playwright.sync_api import expect

from conftest import CAPTIONS, screenshot, wait_until

WINTER = "barracks/first-winter.yml"
EPOCH = calendar.timegm((2026, 12, 3, 12, 0, 0))
DATE = "2026-12-03"


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    """The editor (started after this) and the command line date sign-offs 2026-12-03."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))


def fingerprint(text):
    """A text's fingerprint as the record keeps it: 8 hex digits of the SHA-256 of its NFC form."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:8]


KK_TITLE = f"    kk: {fingerprint('Первая зима')} {fingerprint('Алғашқы қыс')}"


def captions(*arguments):
    return subprocess.run([str(CAPTIONS), *map(str, arguments)], capture_output=True, text=True)


def fingerprint_line(editor, language):
    """The record line of the title in `language` in first-winter's file."""
    lines = [line for line in editor.read(WINTER).splitlines() if line.startswith(f"    {language}: ")]
    assert len(lines) == 1, editor.read(WINTER)
    return lines[0]


def test_review_then_approve_kazakh(editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    state = page.locator("#so-title-kk .signoff-state")
    expect(state).to_have_text("Translated, not reviewed yet")
    page.fill("#signer-box input[name=signer]", "AB")
    page.click("#so-title-kk button[name=review]")
    # In place: the state changes, the page stays.
    expect(state).to_have_text(f"Reviewed by AB on {DATE}")
    assert page.url.endswith("/exhibits/first-winter")
    expect(page.locator("#signer-box")).to_contain_text("Signing as AB")
    expect(page.locator("#so-title-kk")).to_contain_text("Title (kk): marked as reviewed by AB.")
    assert fingerprint_line(editor, "kk") == f"{KK_TITLE} reviewed {DATE} AB"
    screenshot(page, "20-signoff-reviewed")

    # Another name approves: the name is changed once, then kept.
    page.click("#signer-box summary")
    page.fill("#signer-box input[name=signer]", "Dana K.")
    page.click("#so-title-kk button[name=approve]")
    expect(state).to_have_text(f"Reviewed by AB on {DATE}Approved by Dana K. on {DATE}")
    expect(page.locator("#signer-box")).to_contain_text("Signing as Dana K.")
    # Initials end the sentence with their own full stop: not "Dana K..".
    expect(page.locator("#so-title-kk")).to_contain_text("Title (kk): approved for print by Dana K.")
    assert "Dana K.." not in page.text_content("#so-title-kk")
    assert fingerprint_line(editor, "kk") == f"{KK_TITLE} reviewed {DATE} AB; approved {DATE} Dana K."
    # The page's digests follow the file: a save after the sign-off is no conflict.
    page.locator("textarea[name='title.en']").fill("The First Winter")
    # A changed text cannot be signed before it is saved (the sign-off covers the saved text).
    expect(page.locator("#so-title-en button[name=review]")).to_be_disabled()
    expect(page.locator("#so-title-en button[name=review]")).to_have_attribute(
        "title", "Save the changed text before signing it.")
    # Said on the page too (a title shows only to a mouse), once however much is typed.
    page.locator("textarea[name='title.en']").type("!")
    expect(page.locator("#so-title-en .savefirst")).to_have_text("Save the changed text before signing it.")
    page.locator("textarea[name='title.en']").fill("The First Winter")
    page.click("button[value=save]")
    page.wait_for_url("**/exhibits/first-winter?saved=1&changed=title%3Aen")
    expect(page.locator("#so-title-kk .signoff-state")).to_have_text(
        f"Reviewed by AB on {DATE}Approved by Dana K. on {DATE}")
    screenshot(page, "21-signoff-approved")

    # `captions status`: one Kazakh text reviewed and approved (the source title is not approved).
    status = captions("status", editor.root)
    assert status.returncode == 0, status.stderr
    rows = {line.split()[0]: line.split() for line in status.stdout.splitlines()[2:]}
    assert rows["kk"][4:6] == ["1", "1"], status.stdout
    assert rows["en"][4:6] == ["0", "0"], status.stdout
    check = captions("check", editor.root)
    assert check.returncode == 0, check.stdout + check.stderr


def test_enter_in_the_name_box_signs_nothing(editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    before = editor.read(WINTER)
    name = page.locator("#signer-box input[name=signer]")
    name.fill("Dana K.")
    name.press("Enter")
    page.wait_for_timeout(700)
    # Nothing signed, nothing written, no message: the name waits for a button.
    assert editor.read(WINTER) == before
    expect(page.locator("#so-title-kk .signoff-state")).to_have_text("Translated, not reviewed yet")
    expect(page.locator("#signoff-status")).to_have_text("")
    assert page.url.endswith("/exhibits/first-winter")
    page.click("#so-title-kk button[name=review]")
    expect(page.locator("#so-title-kk .signoff-state")).to_have_text(f"Reviewed by Dana K. on {DATE}")


NAME_REQUIRED = {
    "kk": "Алдымен атыңызды немесе инициалдарыңызды жазыңыз: олар тексеру не бекітумен бірге жазылады.",
    "en": "Type your name or initials first: they are recorded with the review or approval.",
}


@pytest.mark.parametrize("language", ["kk", "en"])
def test_an_empty_name_is_said_in_the_interface_language(editor, browser, language):
    """Chromium (here in English) would say "Please fill out this field." in its own language; the
    box says it in the interface language, and once a name is typed the button signs."""
    locale = {"kk": "kk-KZ", "en": "en-US"}[language]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    page = context.new_page()
    try:
        page.goto(editor.url + "/exhibits/first-winter")
        assert page.get_attribute("html", "lang") == language
        before = editor.read(WINTER)
        name = page.locator("#signer-box input[name=signer]")
        page.click("#so-title-kk button[name=review]")
        expect(name).to_be_focused()
        assert name.evaluate("box => box.validationMessage") == NAME_REQUIRED[language]
        page.wait_for_timeout(300)
        assert editor.read(WINTER) == before
        assert page.url.endswith("/exhibits/first-winter")
        name.fill("AB")
        assert name.evaluate("box => box.validationMessage") == ""
        page.click("#so-title-kk button[name=review]")
        assert wait_until(lambda: f"\n{KK_TITLE} reviewed {DATE} AB\n" in editor.read(WINTER))
    finally:
        context.close()


def test_an_empty_name_without_javascript_is_stopped_by_the_browser(editor, browser):
    """Without the script, `required` alone: the browser stops the form in its own words."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False, locale="kk-KZ")
    page = context.new_page()
    try:
        page.goto(editor.url + "/exhibits/first-winter")
        before = editor.read(WINTER)
        page.click("#so-title-kk button[name=review]")
        name = page.locator("#signer-box input[name=signer]")
        expect(name).to_be_focused()
        assert name.evaluate("box => box.validity.valueMissing")
        assert name.evaluate("box => box.validationMessage") not in ("", NAME_REQUIRED["kk"])
        page.wait_for_timeout(300)
        assert editor.read(WINTER) == before
        assert page.url.endswith("/exhibits/first-winter")
    finally:
        context.close()


@pytest.fixture
def approved(collection):
    """first-winter reviewed and approved in every language from the command line."""
    for command in (["review"], ["approve"]):
        result = captions(*command, "first-winter", "--by", "AB", "--path", collection)
        assert result.returncode == 0, result.stdout + result.stderr
    return collection


def test_edit_after_approval_shows_the_demotion(approved, editor, page):
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#so-title-kk .signoff-state")).to_have_text(
        f"Reviewed by AB on {DATE}Approved by AB on {DATE}")
    # An edit in the editor: said while typing, before the save drops the sign-off of the text
    # it rewrites; the box names the warning for screen readers.
    page.locator("textarea[name='title.kk']").fill("Алғашқы қыс.")
    # A reviewed and approved translation: the save ends both, and the warning says both.
    expect(page.locator("#so-title-kk .signoff-ends")).to_have_text(
        "Saving this change ends the review and the approval: the text will need reviewing and approving again.")
    assert "se-t-title-kk" in page.get_attribute("textarea[name='title.kk']", "aria-describedby").split()
    expect(page.locator("#so-title-en .signoff-ends")).to_have_count(0)
    page.click("button[value=save]")
    # The address names no signer: the editor keeps them, the address has a token for them.
    page.wait_for_url(re.compile(r".*/exhibits/first-winter\?saved=1&changed=title%3Akk&ended=[0-9a-f]{64}$"))
    expect(page.locator("#so-title-kk .signoff-state")).to_have_text("Translated, not reviewed yet")
    # The page says which sign-off the save ended, and whose.
    expect(page.locator(".message.warning")).to_have_text(
        "This save ended the review by AB and the approval by AB of Title (kk): the changed text must be "
        "reviewed and approved again.")
    screenshot(page, "22a-signoff-ended-notice", full_page=False)
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "22b-phone-signoff-ended-notice", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})
    # Once: a reload says what was saved, not the notice again.
    page.reload()
    expect(page.locator(".message.ok")).to_have_text("Saved: Title (kk).")
    expect(page.locator(".message.warning")).to_have_count(0)
    # A link with names in it, as the editor once wrote them, shows no notice.
    page.goto(
        editor.url + "/exhibits/first-winter?saved=1&changed=title%3Akk&ended=title%3Akk"
        "&reviewby.title.kk=X&approvalby.title.kk=X%20was%20removed")
    expect(page.locator(".message.ok")).to_have_text("Saved: Title (kk).")
    expect(page.locator(".message.warning")).to_have_count(0)
    # A change of the source by hand: the approvals of its translations no longer count, and say why.
    editor.write(WINTER, editor.read(WINTER).replace("  ru: Первая зима\n", "  ru: Первая лагерная зима\n"))
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#so-title-en .signoff-outdated")).to_have_text(
        f"The approval by AB on {DATE} no longer counts: the source changed")
    expect(page.locator("#so-title-ru .signoff-outdated")).to_have_text(
        f"The approval by AB on {DATE} no longer counts: the text changed")
    screenshot(page, "22-signoff-demoted")


def stale_titles_in_git(collection, editor):
    """first-winter in a git repository, its translations recorded against the first Russian
    title, which a later commit changes: the Kazakh and English titles are stale."""
    def git(*arguments):
        subprocess.run(
            ["git", "-C", str(collection), "-c", "user.name=T", "-c", "user.email=t@example.org", *arguments],
            check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "first")
    assert captions("review", "first-winter", "--by", "AB", "--path", collection).returncode == 0
    git("commit", "-q", "-am", "reviewed")
    editor.write(WINTER, editor.read(WINTER).replace("  ru: Первая зима\n", "  ru: Первая лагерная зима\n"))
    git("commit", "-q", "-am", "second")


def expect_the_kazakh_title_word_diff(page):
    diff = page.locator("#stale-title-kk .diff-text")
    expect(diff).to_have_text("Первая лагерная зима")
    expect(diff.locator("ins")).to_have_text("лагерная ")
    assert diff.locator("del").count() == 0
    expect(page.locator("#stale-title-kk .word-diff .hint")).to_contain_text(
        "What changed in the source since this translation (git ")


@pytest.fixture
def four_eyes(collection):
    """first-winter reviewed by AB, in a collection whose approvals need a second person."""
    config = collection / "captions.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "checks:\n  not-approved: { severity: error, four-eyes: true }\n",
        encoding="utf-8")
    result = captions("review", "first-winter", "--field", "title", "--by", "AB", "--path", collection)
    assert result.returncode == 0, result.stdout + result.stderr
    return collection


def test_four_eyes_reviewer_is_not_offered_approve(four_eyes, editor, page, browser):
    page.goto(editor.url + "/exhibits/first-winter")
    cell = page.locator("#so-title-kk")
    expect(cell.locator(".signoff-state")).to_have_text(f"Reviewed by AB on {DATE}")
    # Before the session has a name the button is there; the reviewer's press is refused.
    page.fill("#signer-box input[name=signer]", "AB")
    page.click("#so-title-kk button[name=approve]")
    refusal = "Not signed: Title (kk) was reviewed by you, and another person must approve it."
    expect(cell).to_contain_text(refusal)
    assert " approved " not in fingerprint_line(editor, "kk")
    # From then on the reviewer's page says why, in the place of the button.
    line = "You reviewed this text, so another person must approve it (four eyes)."
    expect(cell.locator(".signoff-foureyes")).to_have_text(line)
    expect(cell.locator("button[name=approve]")).to_have_count(0)
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#signer-box")).to_contain_text("Signing as AB")
    expect(cell.locator(".signoff-foureyes")).to_have_text(line)
    expect(cell.locator("button")).to_have_count(0)
    expect(page.locator("#so-title-en .signoff-foureyes")).to_have_text(line)
    # The source text, which has no review, stays AB's to approve.
    expect(page.locator("#so-title-ru button[name=approve]")).to_have_count(1)
    screenshot(page, "27a-four-eyes-reviewer", full_page=False)
    page.set_viewport_size({"width": 390, "height": 844})
    cell.scroll_into_view_if_needed()
    screenshot(page, "27b-phone-four-eyes-reviewer", full_page=False)

    # Another person takes over this browser with the name alone, and is offered it.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.click("#signer-box summary")
    page.fill("#signer-box input[name=signer]", "EF")
    page.click("#signer-box button[name=signas]")
    expect(page.locator("#signer-box")).to_contain_text("Signing as EF")
    expect(page.locator("#so-title-kk button[name=approve]")).to_have_count(1)
    expect(page.locator(".signoff-foureyes")).to_have_count(0)
    assert " approved " not in fingerprint_line(editor, "kk")

    # Another person, in another browser, is offered it and approves.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    other = context.new_page()
    other.goto(editor.url + "/exhibits/first-winter")
    other.fill("#signer-box input[name=signer]", "Dana K.")
    other.click("#so-title-kk button[name=approve]")
    expect(other.locator("#so-title-kk .signoff-state")).to_have_text(
        f"Reviewed by AB on {DATE}Approved by Dana K. on {DATE}")
    assert fingerprint_line(editor, "kk").endswith(f"reviewed {DATE} AB; approved {DATE} Dana K.")
    expect(other.locator(".signoff-foureyes")).to_have_count(0)
    context.close()


def test_stale_text_shows_the_word_diff(collection, editor, page):
    stale_titles_in_git(collection, editor)
    page.goto(editor.url + "/exhibits/first-winter")
    expect(page.locator("#so-title-kk .signoff-state")).to_have_text(
        "Not reviewable until the translation is accepted (above)")
    expect_the_kazakh_title_word_diff(page)
    expect(page.locator("#so-title-kk button")).to_have_count(0)
    # The text box says it once: in the notice, with its check id, not again in its findings.
    cell = page.locator(".cell", has=page.locator("#t-title-kk"))

    def announced_once():
        expect(cell.locator("div.stale")).to_have_count(1)
        expect(cell.locator("code", has_text="stale-translation")).to_have_count(1)
        expect(cell.locator("#stale-title-kk code")).to_have_text("stale-translation")
        expect(cell.locator("#f-title-kk li", has_text="stale-translation")).to_have_count(0)
        text = cell.inner_text()
        assert text.count("stale-translation") == 1, text
        # Neither the finding's message nor the old state line ("Stale: translated from an earlier source").
        assert "translated from an earlier" not in text, text
        assert "captions accept" not in text, text

    announced_once()
    screenshot(page, "23-signoff-word-diff")
    # The notice at phone width, for a person to look at.
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#stale-title-kk").scroll_into_view_if_needed()
    screenshot(page, "26-phone-stale-notice", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})
    # After typing, the live check replaces the findings list: another finding appears, the
    # stale one does not come back.
    page.locator("textarea[name='title.kk']").fill("Алғашқы  қыс")
    expect(page.locator("#f-title-kk")).to_contain_text("whitespace")
    expect(page.locator("#live-status")).to_have_text("Unsaved changes")
    announced_once()
    cli = captions("diff", "first-winter", "--field", "title", "--lang", "kk", "--path", collection)
    assert "{+лагерная +}" in cli.stdout, cli.stdout + cli.stderr
    # The curator corrects the translation in its box and presses Accept: the correction is saved
    # with it (no "leave the page?" question, which would stop the navigation here), and the text
    # is no longer stale.
    page.locator("textarea[name='title.kk']").fill("Лагерьдегі алғашқы қыс")
    page.click("#stale-title-kk button")
    page.wait_for_url("**/exhibits/first-winter?saved=1&changed=title%3Akk&accepted=*")
    expect(page.locator("main")).to_contain_text("Saved: Title (kk).")
    expect(page.locator("main")).to_contain_text("Accepted: Title (kk)")
    expect(page.locator("#stale-title-kk")).to_have_count(0)
    assert "  kk: Лагерьдегі алғашқы қыс\n" in editor.read(WINTER)
    report = json.loads(captions("check", collection, "--format", "json").stdout)
    stale = [d["message"] for d in report["diagnostics"] if d.get("check") == "stale-translation"]
    # The English title went stale with the same source change and stays so; the Kazakh is current.
    assert len(stale) == 1 and "(en)" in stale[0], stale


def test_the_word_diff_stays_on_a_draft_shown_again(collection, editor, page):
    """A draft shown again by "Check without saving" or a refused save keeps the stale notice's
    word diff (it said only that the caption file does not keep the earlier source)."""
    stale_titles_in_git(collection, editor)
    page.goto(editor.url + "/exhibits/first-winter")
    page.locator("textarea[name='title.en']").fill("The first camp winter")
    page.click("button[value=check]")
    page.wait_for_load_state()
    expect(page.locator("#draft-note")).to_have_text("Checked on the unsaved draft; nothing is saved yet.")
    expect(page.locator("textarea[name='title.en']")).to_have_value("The first camp winter")
    expect_the_kazakh_title_word_diff(page)
    expect(page.locator("#stale-title-kk")).not_to_contain_text("not kept in the caption file.")
    # A save refused (a control character) shows the draft again, with the diff too.
    page.locator("textarea[name='title.en']").fill("The first\u0007 camp winter")
    page.click("button[value=save]")
    page.wait_for_load_state()
    expect(page.locator("#result")).to_contain_text("Not saved: Title (en) has an invisible control character")
    expect_the_kazakh_title_word_diff(page)


def test_ready_for_print_lists_exactly_the_approved(approved, editor, page):
    page.goto(editor.url + "/")
    page.check("input[name=ready]")
    page.click("form.filters button[type=submit]")
    expect(page.locator("#result-count")).to_have_text("Exhibits: 1")
    links = page.locator("table.exhibits tbody a")
    expect(links).to_have_count(1)
    expect(links).to_have_text("first-winter")
    screenshot(page, "24-ready-for-print")


def test_review_without_javascript(editor, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False, locale="en-US")
    page = context.new_page()
    try:
        page.goto(editor.url + "/exhibits/first-winter")
        page.fill("#signer-box input[name=signer]", "AB")
        page.click("#so-title-kk button[name=review]")
        page.wait_for_url("**/exhibits/first-winter?review=title.kk")
        expect(page.locator("main")).to_contain_text("Title (kk): marked as reviewed by AB.")
        expect(page.locator("#so-title-kk .signoff-state")).to_have_text(f"Reviewed by AB on {DATE}")
        assert fingerprint_line(editor, "kk") == f"{KK_TITLE} reviewed {DATE} AB"
        screenshot(page, "25-signoff-no-javascript")
        # The file changes after the page was shown: the approval is a conflict, shown on the page.
        editor.write(WINTER, editor.read(WINTER).replace("  kk: Алғашқы қыс\n", "  kk: Бірінші қыс\n"))
        before = editor.read(WINTER)
        page.click("#so-title-kk button[name=approve]")
        expect(page.locator("main")).to_contain_text("so nothing was signed")
        expect(page.locator("textarea[name='title.kk']")).to_have_value("Бірінші қыс")
        assert editor.read(WINTER) == before
    finally:
        context.close()



NAME_BOX = {
    "en-US": ("Signing as {}", "Change the name", "Your name or initials (for reviews and approvals)",
              "Sign with this name"),
    "ru-RU": ("Подписывает: {}", "Изменить имя", "Ваше имя или инициалы (для проверки и утверждения)",
              "Подписывать этим именем"),
}


@pytest.mark.parametrize("locale", sorted(NAME_BOX))
def test_name_box_at_phone_width(editor, browser, locale):
    """The name box opened at a phone's width: "Change the name" shows the name in its box and
    "Sign with this name", all within the window, the box under its label (not squeezed beside
    the label's last line, as in Russian); the screenshots are for a person to look at."""
    signing_as, change, label, use_name = NAME_BOX[locale]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
    page = context.new_page()
    try:
        page.goto(editor.url + "/exhibits/first-winter")
        box = page.locator("#signer-box")
        box.locator("input[name=signer]").fill("Dana K.")
        box.locator("button[name=signas]").click()
        expect(box.locator(".signer")).to_have_text(signing_as.format("Dana K."))
        # Closed: the name alone, and the summary that opens the box.
        summary = box.locator("details summary")
        expect(summary).to_have_text(change)
        name = box.locator("input[name=signer]")
        expect(name).to_be_hidden()
        summary.click()
        expect(box.locator("details")).to_have_attribute("open", "")
        expect(box.locator("label")).to_have_text(label)
        expect(name).to_be_visible()
        expect(name).to_have_value("Dana K.")
        sign_as = box.locator("button[name=signas]")
        expect(sign_as).to_have_text(use_name)
        expect(sign_as).to_be_visible()
        # Nothing of the box runs past the window's right edge, and the page does not scroll sideways.
        for part in [box.locator(".signer"), summary, box.locator("label"), name, sign_as]:
            bounds = part.bounding_box()
            assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= 390, (part, bounds)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # The box starts a line of its own, at the label's left edge, below the label's text.
        label_box, name_box = box.locator("label").bounding_box(), name.bounding_box()
        assert name_box["x"] == label_box["x"], (label_box, name_box)
        assert name_box["y"] > label_box["y"] + 10, (label_box, name_box)
        box.scroll_into_view_if_needed()
        screenshot(page, f"28-phone-name-box-{locale}", full_page=False)
        # The box gives another name alone: nothing is signed.
        before = editor.read(WINTER)
        name.fill("EF")
        sign_as.click()
        expect(box.locator(".signer")).to_have_text(signing_as.format("EF"))
        assert editor.read(WINTER) == before
    finally:
        context.close()


@pytest.fixture
def id_not_a_slug(collection):
    """first-winter's file with the id 'First Winter', which is not a slug."""
    path = collection / WINTER
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: first-winter\n", "id: First Winter\n"), encoding="utf-8")
    return collection


def test_an_exhibit_whose_id_is_not_a_slug_says_why_and_offers_no_sign_off(id_not_a_slug, editor, page, browser):
    page.goto(editor.url + "/exhibits/First%20Winter")
    notice = page.locator(".signoff-signer .signoff-id")
    expect(notice).to_have_text(
        "The texts of this exhibit cannot be reviewed or approved: its id 'First Winter' is not a slug "
        "(lowercase Latin letters, digits and hyphens), and texts are signed off by exhibit id. "
        "Make it 'id: first-winter' in its file.")
    expect(notice).to_be_visible()
    # The states are shown, no button signs.
    expect(page.locator("#so-title-kk .signoff-state")).to_have_text("Translated, not reviewed yet")
    expect(page.locator("button[name=review], button[name=approve]")).to_have_count(0)
    # Nor is a name asked for.
    expect(page.locator("#signer-box, #signoff-form")).to_have_count(0)
    screenshot(page, "29a-signoff-id-not-a-slug")
    # At a phone's width the notice wraps within the page.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU")
    small = phone.new_page()
    small.goto(editor.url + "/exhibits/First%20Winter")
    small_notice = small.locator(".signoff-signer .signoff-id")
    expect(small_notice).to_contain_text("его id «First Winter» — не слаг")
    box = small_notice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert small.evaluate("document.documentElement.scrollWidth") <= 390
    small_notice.scroll_into_view_if_needed()
    screenshot(small, "29b-phone-signoff-id-not-a-slug", full_page=False)
    phone.close()
