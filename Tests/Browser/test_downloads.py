"""The translators page's glossary and translation memory downloads in a real browser: the files
saved are the bytes the command line's exports write."""

import subprocess

from playwright.sync_api import expect

from conftest import CAPTIONS, screenshot


def cli_export(editor, tmp_path, *arguments):
    """Runs `captions export ...` on the editor's collection into a folder of its own; the folder."""
    out = tmp_path / "cli"
    subprocess.run([str(CAPTIONS), "export", *arguments, str(editor.root), "--out", str(out)],
                   capture_output=True, text=True, check=True)
    return out


def saved_download(page, start, tmp_path):
    """Saves the file that `start()` makes the page download; its name and bytes."""
    with page.expect_download() as download_info:
        start()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    return download.suggested_filename, saved.read_bytes()


def test_glossary_and_memory_downloads_are_the_cli_exports(editor, page, tmp_path):
    page.goto(editor.url + "/translators")
    screenshot(page, "17-translators-downloads")
    glossary = page.locator("section", has=page.locator("h2#h-glossary"))
    language = glossary.get_by_label("Target language (OmegaT only)")
    button = glossary.get_by_role("button", name="Download the glossary")
    # TBX is the default format; the language menu is OmegaT's only.
    assert glossary.get_by_label("TBX: every language in one file (glossary.tbx)").is_checked()
    language.select_option("en")
    name, data = saved_download(page, button.click, tmp_path)
    assert name == "glossary.tbx"
    assert data == (cli_export(editor, tmp_path / "tbx", "glossary") / name).read_bytes()

    # By keyboard: OmegaT for Kazakh.
    glossary.get_by_label("OmegaT: one file for the language chosen below (.utf8)").focus()
    page.keyboard.press("Space")
    language.select_option("kk")
    button.focus()
    name, data = saved_download(page, lambda: page.keyboard.press("Enter"), tmp_path)
    assert name == "ru-kk.utf8"
    out = cli_export(editor, tmp_path / "omegat", "glossary", "--format", "omegat", "--to", "kk")
    assert data == (out / name).read_bytes()

    memory = page.locator("section", has=page.locator("h2#h-memory"))
    memory.get_by_label("Target language").select_option("kk")
    name, data = saved_download(
        page, memory.get_by_role("button", name="Download the translation memory (TMX)").click, tmp_path)
    assert name == "ru-kk.tmx"
    assert data == (cli_export(editor, tmp_path / "tmx", "tmx", "--to", "kk") / name).read_bytes()


def test_translators_page_at_phone_width(editor, browser):
    context = browser.new_context(viewport={"width": 320, "height": 800}, locale="ru-RU", is_mobile=True)
    page = context.new_page()
    page.goto(editor.url + "/translators")
    assert page.text_content("h2#h-glossary") == "Глоссарий терминов"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the translators page is {width} px wide at 320 px"
    screenshot(page, "18-translators-phone")
    context.close()


def test_proof_sheet_download_is_the_cli_export(editor, browser, tmp_path):
    """The proof sheet offered in the interface language (Kazakh here), saved as text/html under
    the command's file name, byte for byte what `captions export signage --format html` writes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="kk-KZ", accept_downloads=True)
    page = context.new_page()
    page.goto(editor.url + "/translators")
    proof = page.locator("section", has=page.locator("h2#h-proof"))
    expect(proof.locator("h2")).to_have_text("Жазулардың тексеру парағы")
    button = proof.get_by_role("button", name="Тексеру парағын жүктеп алу (HTML)")
    name, data = saved_download(page, button.click, tmp_path)
    assert name == "proof.html"
    # The address the form went to, asked again in the same session: served as HTML.
    response = page.request.get(editor.url + "/translators/proof?gallery=")
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="proof.html"'
    assert response.body() == data
    out = cli_export(editor, tmp_path / "signage", "signage", "--format", "html", "--allow-incomplete")
    assert data == (out / name).read_bytes()
    # One gallery: the sheet `--only` with each of its exhibits writes.
    proof.get_by_label("Галерея").select_option("barracks")
    name, data = saved_download(page, button.click, tmp_path)
    assert name == "proof-barracks.html"
    ids = sorted(path.stem for path in (editor.root / "barracks").glob("*.yml"))
    only = [argument for exhibit in ids for argument in ("--only", exhibit)]
    out = cli_export(editor, tmp_path / "gallery", "signage", "--format", "html", "--allow-incomplete", *only)
    assert data == (out / "proof.html").read_bytes()
    context.close()
