import CaptionKit
import Foundation

extension Pages {
    /// The translators page's glossary section: the sentence saying which programs read which
    /// format, and a form downloading it (`GET /translators/glossary?format=…&lang=…`); without a
    /// glossary, one sentence saying so and no form.
    static func glossarySection(_ page: PageContext, config: CollectionConfig, hasGlossary: Bool) -> HTML {
        let words = page.words
        guard hasGlossary else {
            return """
                <section aria-labelledby="h-glossary"><h2 id="h-glossary">\(words("translators.glossary"))</h2>
                <p class="no-glossary">\(words("translators.noglossary"))</p></section>
                """
        }
        let formats = HTML.join(
            [("tbx", "translators.tbx"), ("omegat", "translators.omegat"), ("csv", "translators.csv")].map {
                format, key in
                """
                <label><input type="radio" name="format" value="\(format)"\(checked(format == "tbx"))> \
                \(words(key))</label>
                """
            })
        return """
            <section aria-labelledby="h-glossary"><h2 id="h-glossary">\(words("translators.glossary"))</h2>
            <p>\(words("translators.glossaryintro"))</p>
            <form method="get" action="/translators/glossary" class="stack">
            <fieldset class="formats"><legend>\(words("translators.format"))</legend>\(formats)</fieldset>
            <label>\(words("translators.glossarylanguage")) <select name="lang">\(languageOptions(config, words))</select></label>
            <button type="submit">\(words("translators.downloadglossary"))</button>
            </form></section>
            """
    }

    /// The translators page's translation memory section: which programs read TMX, and a form
    /// downloading it for one target language (`GET /translators/tmx?lang=…`).
    static func memorySection(_ page: PageContext, config: CollectionConfig) -> HTML {
        let words = page.words
        return """
            <section aria-labelledby="h-memory"><h2 id="h-memory">\(words("translators.memory"))</h2>
            <p>\(words("translators.memoryintro"))</p>
            <form method="get" action="/translators/tmx" class="stack">
            <label>\(words("translators.language")) <select name="lang">\(languageOptions(config, words))</select></label>
            <button type="submit">\(words("translators.downloadmemory"))</button>
            </form></section>
            """
    }

    /// The translators page's proof sheet section: what the sheet is, what it does with texts
    /// not ready for print, and a form downloading it (`GET /translators/proof`, with
    /// `gallery=…` for one of `galleries`).
    static func proofSheetSection(_ page: PageContext, galleries: [String]) -> HTML {
        let words = page.words
        // The first choice sends an empty gallery: the whole collection.
        let options = HTML.join(galleries.map { option($0, $0, selected: false) })
        let menu: HTML =
            galleries.isEmpty
            ? ""
            : """
            <label>\(words("translators.proofgallery")) <select name="gallery">\
            \(option("", words("translators.proofall"), selected: true))\(options)</select></label>
            """
        return """
            <section aria-labelledby="h-proof"><h2 id="h-proof">\(words("translators.proof"))</h2>
            <p>\(words("translators.proofintro"))</p>
            <p>\(words("translators.proofheldback"))</p>
            <form method="get" action="/translators/proof" class="stack">
            \(menu)<button type="submit">\(words("translators.downloadproof"))</button>
            </form></section>
            """
    }

    /// What an export left out (a caption file per warning, then each file it did not read,
    /// named from the collection folder `root` on), said before the download under `sentence`:
    /// with `downloadLink`, a link (`linkText`) to download the file without them.
    static func leftOutFiles(
        _ warnings: [Diagnostic], skipped: [SkippedFile] = [], sentence: String, root: String, words: Localizer,
        downloadLink: (url: String, text: String)?
    ) -> HTML {
        let anyway: HTML = downloadLink.map { "<p><a href=\"\($0.url)\" download>\($0.text)</a></p>" } ?? ""
        // Each caption file first (the message names the file it collides with, not its own).
        let items = HTML.join(
            warnings.map { warning in
                """
                <li class="\(warning.severity.rawValue)"><code\(words.englishAttribute)>\(relativePath(warning.location.path, in: root))</code>: \
                \(findingMessage(warning, words: words)) <code>\(warning.checkID)</code></li>
                """
            })
        return """
            <div class="message warning"><p>\(sentence)</p>
            <ul class="problems">\(items)\(skippedFileItems(skipped, root: root, words: words))</ul>\(anyway)</div>
            """
    }

    /// A list item per file not read (named from the collection folder `root` on): why, in the
    /// interface language (`skipped.<reason>`), and the check that reports it.
    static func skippedFileItems(_ files: [SkippedFile], root: String, words: Localizer) -> HTML {
        HTML.join(
            files.map { file in
                // File names are Latin letters: read as English on a kk or ru page.
                let reason = words.html(
                    "skipped." + file.reason.rawValue.replacingOccurrences(of: "-", with: ""),
                    [
                        "name": "<code\(words.englishAttribute)>\(file.name)</code>",
                        "rename": "<code\(words.englishAttribute)>\(file.readableName ?? "")</code>",
                    ])
                return """
                    <li class="\(file.severity.rawValue)"><code\(words.englishAttribute)>\(relativePath(file.path, in: root))</code>: \
                    \(reason) <code>skipped-file</code></li>
                    """
            })
    }

    /// The files not read, named with their reasons under a sentence saying what that means, in
    /// the element `skipped-files` (the collection page's notice links to it); nothing when there are none.
    static func skippedFilesNotice(_ files: [SkippedFile], root: String, words: Localizer) -> HTML {
        guard !files.isEmpty else { return "" }
        return """
            <div class="message warning" id="skipped-files"><p>\(words("skipped.intro"))</p>
            <ul class="problems">\(skippedFileItems(files, root: root, words: words))</ul></div>

            """
    }

    /// The target languages as options of a language menu, none selected.
    private static func languageOptions(_ config: CollectionConfig, _ words: Localizer) -> HTML {
        HTML.join(config.targetLanguages.map { option($0, words.languageLabel($0), selected: false) })
    }
}
