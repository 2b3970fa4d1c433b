import CaptionKit
import Foundation

/// What every page needs to know about the request it answers.
struct PageContext: Sendable {
    /// The interface words.
    var words: Localizer
    /// The session's CSRF token, put into every form.
    var csrfToken: String
    /// The path and query of this page (where the language switch comes back to).
    var path: String
    /// Whether the user is signed in (the menu is shown).
    var signedIn: Bool = true
    /// Whether the menu offers to sign out (signed in with a password).
    var canSignOut: Bool = false

    /// The hidden CSRF field of a form.
    var csrfField: HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrfToken)\">" }
}

/// Builds the editor's pages. Every text goes through ``HTML`` interpolation, so it is escaped.
enum Pages {
    /// The page frame: header, menu, language switch, then `body`.
    static func layout(_ page: PageContext, title: String, body: HTML, stylesheets: [String] = []) -> HTML {
        let words = page.words
        let links = HTML.join(stylesheets.map { "\n<link rel=\"stylesheet\" href=\"\($0)\">" })
        let signOut: HTML =
            page.canSignOut
            ? """
            <form method="post" action="/logout" class="signout">\(page.csrfField)\
            <button>\(words("nav.signout"))</button></form>
            """
            : .empty
        let menu: HTML =
            page.signedIn
            ? """
            <nav class="menu" aria-label="\(words("app.title"))">\
            <a href="/">\(words("nav.collection"))</a>\
            <a href="/status">\(words("nav.status"))</a>\
            <a href="/translators">\(words("nav.translators"))</a>\
            <a href="/new">\(words("nav.new"))</a>\(signOut)</nav>
            """ : .empty
        let languages = HTML.join(
            InterfaceStrings.languages.map { language in
                let current: HTML = language == words.language ? " aria-pressed=\"true\"" : ""
                return """
                    <button name="lang" value="\(language)"\(current) lang="\(language)">\
                    \(words("lang." + language))</button>
                    """
            })
        return """
            <!doctype html>
            <html lang="\(words.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf-token" content="\(page.csrfToken)">
            <title>\(title) · \(words("app.title"))</title>
            <link rel="stylesheet" href="/assets/editor.css">\(links)
            <script src="/assets/editor.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">\(words("nav.skip"))</a>
            <header class="top">
            <a class="brand" href="/">\(words("app.title"))</a>
            \(menu)
            <form class="switch" method="post" action="/language" aria-label="\(words("lang.switch"))">\
            \(page.csrfField)<input type="hidden" name="back" value="\(page.path)">\(languages)</form>
            </header>
            <main id="main" tabindex="-1">
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// An error page: a heading and one sentence.
    /// With `exhibitPage` (a save refused because the session ended), a link back to the exhibit,
    /// where the browser offers the draft it kept: said only where the page's script runs, which
    /// is what keeps drafts (without it, nothing was kept). Else with `backLink`, a link to that page.
    static func error(
        _ page: PageContext, title: String, message: String, exhibitPage: String? = nil,
        backLink: (path: String, label: String)? = nil
    ) -> HTML {
        let back: HTML =
            exhibitPage.map {
                """
                <p class="message" id="draft-kept" hidden>\(page.words("error.draftkept"))</p>
                <p><a href="\($0)" id="back-to-exhibit">\(page.words("error.backexhibit"))</a></p>
                """
            } ?? backLink.map { "<p><a href=\"\($0.path)\" id=\"back-link\">\($0.label)</a></p>" } ?? ""
        return layout(
            page, title: title,
            body: """
                <h1>\(title)</h1>
                <p class="message error">\(message)</p>
                \(back)
                <p><a href="/">\(page.words("error.back"))</a></p>
                """)
    }

    /// The sign-in page; signing in goes on to `next` (a path on this site). `wrong`: after a
    /// wrong password; `waitSeconds`: an attempt refused because it came too soon after one.
    static func login(_ page: PageContext, wrong: Bool, waitSeconds: Int? = nil, next: String = "/") -> HTML {
        let words = page.words
        let problem: String? =
            waitSeconds.map { words("login.wait", count: $0) } ?? (wrong ? words("login.wrong") : nil)
        // The refusal is read with the password box, which has focus.
        let notice: HTML =
            problem.map { "<p class=\"message error\" id=\"login-problem\" role=\"alert\">\($0)</p>" } ?? ""
        let invalid: HTML =
            problem == nil
            ? "" : "\(wrong ? HTML(trusted: " aria-invalid=\"true\"") : .empty) aria-describedby=\"login-problem\""
        return layout(
            page, title: words("login.title"),
            body: """
                <h1>\(words("login.title"))</h1>
                \(notice)
                <form method="post" action="/login" class="narrow">\(page.csrfField)
                <input type="hidden" name="next" value="\(next)">
                <label>\(words("login.password")) <input type="password" name="password" \
                autocomplete="current-password" required data-required="\(words("login.passwordrequired"))" \
                autofocus\(invalid)></label>
                <button type="submit">\(words("login.submit"))</button>
                </form>
                """)
    }

    // MARK: Collection

    /// The filters of the collection page.
    struct Filter: Sendable {
        var query = ""
        var missing = ""
        var stale = false
        var errors = false
        var gallery = ""
        /// Only exhibits ready for print (every text approved).
        var ready = false
        var page = 1

        /// The filters of the address's query `form`; a language in any case (`missing=KK`) is
        /// the collection's (`kk`).
        init(_ form: FormData, config: CollectionConfig) {
            query = form["q"] ?? ""
            missing = config.spelledAsConfigured(form["missing"] ?? "")
            stale = form["stale"] == "1"
            errors = form["errors"] == "1"
            gallery = form["gallery"] ?? ""
            ready = form["ready"] == "1"
            page = max(1, Int(form["page"] ?? "") ?? 1)
        }

        /// The query string for page `number` with these filters.
        func query(page number: Int) -> String {
            var parts: [String] = []
            if !query.isEmpty { parts.append("q=" + urlEncode(query)) }
            if !missing.isEmpty { parts.append("missing=" + urlEncode(missing)) }
            if stale { parts.append("stale=1") }
            if errors { parts.append("errors=1") }
            if !gallery.isEmpty { parts.append("gallery=" + urlEncode(gallery)) }
            if ready { parts.append("ready=1") }
            if number > 1 { parts.append("page=\(number)") }
            return parts.isEmpty ? "/" : "/?" + parts.joined(separator: "&")
        }
    }

    /// Exhibits shown per page of the collection.
    static let pageSize = 50

    /// The positions of the exhibits that pass `filter`.
    static func matching(_ snapshot: Snapshot, _ filter: Filter) -> [Int] {
        let needles = SearchFold.foldedWords(filter.query)
        var result: [Int] = []
        let exhibits = snapshot.collection.exhibits
        let onlyErrors = filter.errors ? snapshot.counts ?? [:] : [:]
        let searchTexts = needles.isEmpty ? nil : snapshot.searchTexts
        let ready = filter.ready ? ReadyForPrint.flags(of: snapshot) : nil
        // By index: an exhibit is read in place only when a filter needs it.
        for position in exhibits.indices {
            let summary = snapshot.summaries[position]
            if !filter.gallery.isEmpty, exhibits[position].gallery != filter.gallery { continue }
            if filter.missing == "*" {
                if summary.missing.values.allSatisfy({ $0 == 0 }) { continue }
            } else if !filter.missing.isEmpty, (summary.missing[filter.missing] ?? 0) == 0 {
                continue
            }
            if filter.stale, summary.stale.values.allSatisfy({ $0 == 0 }) { continue }
            if filter.errors, (onlyErrors[exhibits[position].path]?.errors ?? 0) == 0 { continue }
            if let ready, !ready[position] { continue }
            if !needles.isEmpty {
                // The folded texts built in the background, else folded now (the first seconds after start-up).
                let text = searchTexts?[position] ?? ExhibitSummary.searchText(exhibits[position])
                if !needles.allSatisfy({ SearchFold.contains(text, $0) }) { continue }
            }
            result.append(position)
        }
        return result
    }

    /// The collection page: the number of files not read (a link to the status page, which
    /// names them), filters, then a page of exhibits with their badges.
    static func collection(_ page: PageContext, _ snapshot: Snapshot, filter: Filter) -> HTML {
        let words = page.words
        let config = snapshot.config
        let positions = matching(snapshot, filter)
        let pages = max(1, (positions.count + pageSize - 1) / pageSize)
        let number = min(filter.page, pages)
        let shown = positions.dropFirst((number - 1) * pageSize).prefix(pageSize)
        let languageOptions = HTML.join(
            [
                option("", "—", selected: filter.missing.isEmpty),
                option("*", words("filter.any"), selected: filter.missing == "*"),
            ]
                + config.languages.map { option($0, words.languageLabel($0), selected: filter.missing == $0) })
        let galleryOptions = HTML.join(
            [option("", words("filter.allgalleries"), selected: filter.gallery.isEmpty)]
                + snapshot.galleries.map { option($0, $0.isEmpty ? "/" : $0, selected: filter.gallery == $0) })
        let rows = HTML.join(
            shown.map { position in
                row(snapshot, position: position, words: words)
            })
        let table: HTML =
            shown.isEmpty
            ? "<p class=\"message\">\(words("collection.none"))</p>"
            : """
            <table class="exhibits">
            <thead><tr><th>\(words("col.exhibit"))</th><th>\(words("col.gallery"))</th>\
            <th>\(words("col.languages"))</th><th>\(words("col.findings"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            """
        let previous: HTML =
            number > 1
            ? "<a rel=\"prev\" href=\"\(filter.query(page: number - 1))\">← \(words("page.previous"))</a>" : ""
        let next: HTML =
            number < pages
            ? "<a rel=\"next\" href=\"\(filter.query(page: number + 1))\">\(words("page.next")) →</a>" : ""
        let pageLine = words("page.of", ["page": String(number), "pages": String(pages)])
        // The files not read, counted; the status page names them.
        let skippedCount = LibraryBridge.skippedFiles(of: snapshot.collection).count
        let skipped: HTML =
            skippedCount == 0
            ? ""
            : """
            <p class="message warning">\(words("collection.skipped", count: skippedCount)) \
            <a href="/status#skipped-files">\(words("collection.skippedlink"))</a></p>

            """
        return layout(
            page, title: words("collection.title"),
            body: """
                <h1>\(words("collection.title"))</h1>
                \(skipped)                <form class="filters" method="get" action="/" role="search">
                <label class="search">\(words("filter.search")) \
                <input type="search" name="q" value="\(filter.query)"></label>
                <label>\(words("filter.missing")) <select name="missing">\(languageOptions)</select></label>
                <label><input type="checkbox" name="stale" value="1"\(checked(filter.stale))> \
                \(words("filter.stale"))</label>
                <label><input type="checkbox" name="errors" value="1"\(checked(filter.errors))> \
                \(words("filter.errors"))</label>
                <label><input type="checkbox" name="ready" value="1"\(checked(filter.ready))> \
                \(words("filter.ready"))</label>
                <label>\(words("filter.gallery")) <select name="gallery">\(galleryOptions)</select></label>
                <button type="submit">\(words("filter.show"))</button> <a href="/">\(words("filter.clear"))</a>
                </form>
                <p class="count" id="result-count">\(words("collection.count", count: positions.count))</p>
                \(table)
                <nav class="pages" aria-label="\(pageLine)">\(previous) <span>\(pageLine)</span> \(next)</nav>
                """)
    }

    /// One exhibit's row of the collection table.
    static func row(_ snapshot: Snapshot, position: Int, words: Localizer) -> HTML {
        let exhibit = snapshot.collection.exhibits[position]
        let summary = snapshot.summaries[position]
        // A file that cannot be read has no texts to count: it says so, with what `captions
        // check` prints about it (file:line:column), so the curator can find and fix it.
        let badges: HTML =
            exhibit.isReadable
            ? HTML.join(
                snapshot.config.languages.map { language in
                    badge(
                        language: language, missing: summary.missing[language] ?? 0,
                        stale: summary.stale[language] ?? 0, words)
                })
            : unreadable(exhibit, words: words)
        let findings: HTML
        if let count = snapshot.counts?[exhibit.path] {
            let errors: HTML =
                count.errors > 0 ? "<span class=\"errors\">\(words("count.errors", count: count.errors))</span> " : ""
            let warnings: HTML =
                count.warnings > 0
                ? "<span class=\"warnings\">\(words("count.warnings", count: count.warnings))</span>" : ""
            findings = count.errors + count.warnings == 0 ? "—" : "\(errors)\(warnings)"
        } else {
            findings = snapshot.counts == nil ? "<span class=\"pending\">\(words("count.pending"))</span>" : "—"
        }
        let name: HTML =
            snapshot.hasPage(position)
            ? "<a href=\"/exhibits/\(urlEncode(exhibit.displayID))\">\(exhibit.displayID)</a>"
            : "\(exhibit.relativePath)"
        // The first field (the title) under the id, in the interface language, else the source's:
        // curators know exhibits by their titles.
        var heading: HTML = ""
        if let field = snapshot.config.fields.first.flatMap({ exhibit.field($0.name) }) {
            for language in [words.language, snapshot.config.source] {
                guard let text = field.translation(language)?.text, !text.isEmpty else { continue }
                let line = String(text.prefix { $0 != "\n" })
                heading = "<br><span class=\"exhibit-title\" lang=\"\(language)\">\(line)</span>"
                break
            }
        }
        return
            "<tr><td>\(name)\(heading)</td><td>\(exhibit.gallery)</td><td>\(badges)</td><td>\(findings)</td></tr>\n"
    }

    /// The row's note of a file that cannot be read: a badge saying so, and each of the
    /// loader's findings as `captions check` prints it.
    static func unreadable(_ exhibit: Exhibit, words: Localizer) -> HTML {
        let messages = HTML.join(
            exhibit.loadFindings.map { "<code class=\"load-error\" lang=\"en\">\($0.formatted)</code>" })
        return "<span class=\"badge unreadable\">\(words("collection.unreadable"))</span>\(messages)"
    }

    /// A language's completeness badge.
    static func badge(language: String, missing: Int, stale: Int, _ words: Localizer) -> HTML {
        if missing == 0 && stale == 0 {
            return "<span class=\"badge complete\" title=\"\(words("badge.complete"))\">\(language) ✓</span>"
        }
        var parts: [String] = []
        if missing > 0 { parts.append(words("badge.missing", count: missing)) }
        if stale > 0 { parts.append(words("badge.stale", count: stale)) }
        let kind = missing > 0 ? "missing" : "stale"
        return "<span class=\"badge \(kind)\">\(language) · \(parts.joined(separator: ", "))</span>"
    }

    static func option(_ value: String, _ label: String, selected: Bool) -> HTML {
        "<option value=\"\(value)\"\(selected ? HTML(trusted: " selected") : .empty)>\(label)</option>"
    }

    static func checked(_ on: Bool) -> HTML { on ? " checked" : "" }

    // MARK: Exhibit

    /// What the exhibit page shows besides the exhibit.
    struct ExhibitView: Sendable {
        var exhibit: Exhibit
        var position: Int
        /// The texts in the boxes: the draft when re-shown after a check or a refused save.
        var texts: ExhibitTexts
        var digest: String
        var findings: [Diagnostic]
        var lengths: [TextLength]
        var message: HTML = .empty
        /// Whether `findings` and `lengths` are of an unsaved draft.
        var isDraft = false
        /// Whether the draft is shown because Save refused it (`message` says why), not after
        /// **Check without saving**.
        var isRefusedSave = false
        /// The label as the signage export typesets it (of the draft when `isDraft`).
        var preview: LabelPreview?
        /// The sign-off states, diffs and form (of the saved texts), when shown.
        var signOff: SignOffPanel?
        /// The word diff of each stale translation's source (keyed `field.language`), when not
        /// in `signOff` (a draft shown again after a check or a refused save has no sign-off).
        var sourceDiffs: [String: SourceDiff] = [:]
        /// The texts as the page was first shown (the file's when `digest` was taken): sent back
        /// with the draft, so a save over a changed file knows which texts the curator changed.
        var base: ExhibitTexts
        /// The source texts translations of the draft were written beside, where the file's
        /// source is another now (`_from.<field>.<lang>`, see ``DraftMerge/translatedFrom``):
        /// sent back with the draft, so its save records them as made from those.
        var translatedFrom: ExhibitTexts = [:]
    }

    /// The label preview: each language block with its fields' lines as the export wraps them.
    static func labelPreview(_ preview: LabelPreview?, words: Localizer) -> HTML {
        guard let preview else { return "" }
        let reasons = HTML.join(
            preview.holdBackReasons.map { reason in
                let message: HTML =
                    words.holdBackSummary(reason).map {
                        // The English detail (which text, which language) as a sentence of its own.
                        "<span class=\"summary\">\($0)</span> <span lang=\"en\">\(sentence(reason.message))</span>"
                    } ?? "\(reason.message)"
                return "<li class=\"error\">\(message)</li>"
            }
                + preview.warnings.map { "<li class=\"warning\">\($0.message)</li>" })
        var overflows = false
        let blocks = HTML.join(
            preview.blocks.map { block in
                let fields = HTML.join(
                    block.fields.map { field in
                        // Lines past the panel's last one are marked; the panel counts a blank
                        // line between paragraphs, as `overflows-panel` does.
                        var number = -1
                        let paragraphs = HTML.join(
                            field.paragraphs.map { lines in
                                number += 1
                                let broken = lines.enumerated().map { line -> HTML in
                                    number += 1
                                    let text: HTML =
                                        number > field.maxLines ?? .max
                                        ? "<span class=\"over\">\(line.element)<span class=\"visually-hidden\"> \(words("exhibit.overline"))</span></span>"
                                        : "\(line.element)"
                                    return line.offset == 0 ? text : "<br>\(text)"
                                }
                                return "<p>\(HTML.join(broken))</p>"
                            })
                        if number > field.maxLines ?? .max { overflows = true }
                        let panel: HTML = field.panel.map { " data-panel=\"\($0)\"" } ?? ""
                        return "<div class=\"label-field \(field.name)\"\(panel)>\(paragraphs)</div>"
                    })
                let provisional: HTML = block.isProvisional ? " <span class=\"hint\">*</span>" : ""
                return """
                    <div class="label-block" lang="\(block.language)"><p class="label-lang">\(block.language)\
                    \(provisional)</p>\(fields)</div>
                    """
            })
        let overflowNote: HTML = overflows ? "<p class=\"hint over-note\">\(words("exhibit.previewover"))</p>" : ""
        let held: HTML =
            preview.holdBackReasons.isEmpty ? "" : "<p class=\"held-back\">\(words("exhibit.previewheld"))</p>\n"
        return """
            \(held)<ul class="findings">\(reasons)</ul>
            \(overflowNote)<div class="label">\(blocks)</div>
            """
    }

    /// The exhibit page: one row per field, one column per language in sign order.
    static func exhibit(_ page: PageContext, _ snapshot: Snapshot, _ view: ExhibitView) -> HTML {
        let words = page.words
        let config = snapshot.config
        let exhibit = view.exhibit
        let id = exhibit.id ?? exhibit.displayID
        var located = locateFindings(view.findings, of: exhibit, config: config)
        located.controls = ControlCharacter.keyed(in: view.texts, config: config)
        let unreadable: HTML =
            exhibit.isReadable && exhibit.loadFindings.isEmpty
            ? "" : "<p class=\"message error\">\(words("exhibit.unreadable"))</p>"
        var sections: [HTML] = []
        for spec in config.fields {
            var cells: [HTML] = []
            for language in config.languages {
                cells.append(
                    cell(
                        field: spec.name, language: language, exhibit: exhibit, view: view, config: config,
                        located: located, words: words))
            }
            sections.append(
                """
                <section class="field" aria-labelledby="h-\(spec.name)">
                <h2 id="h-\(spec.name)">\(words.fieldName(spec.name))</h2>
                <div class="languages">\(cells)</div>
                </section>

                """)
        }
        // Empty notes (`notes: ""`, as captions new writes them) are no box.
        let notes: HTML =
            exhibit.notes.flatMap { $0.text.allSatisfy(\.isWhitespace) ? nil : $0 }.map {
                "<aside class=\"notes\"><h2>\(words("exhibit.notes"))</h2><p\(notesLanguage($0.text))>\($0.text)</p></aside>"
            } ?? ""
        let exhibits = snapshot.collection.exhibits
        func link(_ position: Int?, _ key: String, _ rel: String) -> HTML {
            guard let position, let target = exhibits[position].id else { return "" }
            return "<a rel=\"\(rel)\" href=\"/exhibits/\(urlEncode(target))\">\(words(key))</a>"
        }
        let previous = link(
            exhibits.indices[..<view.position].last { snapshot.hasPage($0) },
            "exhibit.previous",
            "prev")
        let next = link(
            exhibits.indices[(view.position + 1)...].first { snapshot.hasPage($0) },
            "exhibit.next", "next")
        let missingOptions = HTML.join(
            config.languages.map { option($0, words.languageLabel($0), selected: $0 == words.language) })
        let editable = exhibit.isReadable && exhibit.loadFindings.isEmpty
        let draftNote: HTML =
            view.isDraft && !view.isRefusedSave
            ? "<p class=\"message\" id=\"draft-note\" tabindex=\"-1\" data-focus-on-load>\(words("exhibit.draftchecked"))</p>"
            : ""
        // The heading is the exhibit's title as saved, in the interface's language, else in the
        // source language; the id stands under it with the file.
        // Taken from another language, it is marked as such for screen readers.
        let found = config.fields.first.flatMap { spec in
            [words.language, config.source].lazy.compactMap { language in
                exhibit.field(spec.name)?.translation(language)?.text.split(separator: "\n").first.map {
                    (text: String($0), language: language)
                }
            }.first { !$0.text.allSatisfy(\.isWhitespace) }
        }
        let title = found?.text
        let titleLang: HTML = found.map { $0.language == words.language ? "" : " lang=\"\($0.language)\"" } ?? ""
        let heading: HTML =
            title.map { "<h1\(titleLang)>\($0)</h1>\n<p class=\"file\"><code class=\"id\">\(id)</code> · " }
            ?? "<h1>\(id)</h1>\n<p class=\"file\">"
        // What the last action did (a save, an accept, a sign-off): focus goes there (editor.js).
        let result: HTML =
            view.message.raw.isEmpty
            ? "" : "<div id=\"result\" tabindex=\"-1\" data-focus-on-load>\(view.message)</div>"
        // The preview's fields on panels are drawn in the panels' fonts.
        let onPanels = view.preview?.blocks.contains { $0.fields.contains { $0.panel != nil } } ?? false
        return layout(
            page, title: title.map { "\($0) (\(id))" } ?? id,
            body: """
                <nav class="exhibit-nav">\(previous) \(next)
                <form method="get" action="/exhibits/\(urlEncode(id))/next-missing" class="inline">
                <label>\(words("exhibit.nextmissing")) <select name="lang">\(missingOptions)</select></label>
                <button type="submit">\(words("exhibit.go"))</button></form>
                </nav>
                \(heading)\(words("exhibit.file")): <code>\(exhibit.relativePath)</code></p>
                \(result)
                \(unreadable)
                \(editable ? draftRestore(words, source: config.source) : "")
                \(notes)
                \(view.signOff.map { signOffForm(page, id: id, panel: $0, config: config) } ?? "")
                <form id="exhibit-form" method="post" action="/exhibits/\(urlEncode(id))" \
                data-check="/exhibits/\(urlEncode(id))/check" \
                data-unsaved="\(words("js.unsaved"))" data-counts="\(words("js.counts"))" \
                data-limit="\(EditorSettings.maximumForm)" data-toolong="\(words("js.toolong", formLimit(words)))" \
                data-errors="\(view.findings.filter { $0.severity == .error }.count + located.controlsWithoutFinding)" \
                data-warnings="\(view.findings.filter { $0.severity == .warning }.count)"\
                \(view.isDraft ? HTML(trusted: " data-draft=\"shown\"") : .empty)>
                \(page.csrfField)
                <input type="hidden" name="_digest" value="\(view.digest)">
                \(baseFields(view.base, config: config))\(translatedFromFields(view.translatedFrom))
                \(sections)
                <section class="general" aria-labelledby="h-findings">
                <h2 id="h-findings">\(words("exhibit.findings"))</h2>
                \(draftNote)
                <div id="findings-general">\(generalFindings(located.general, all: view.findings, words: words))</div>
                </section>
                <section class="preview" aria-labelledby="h-preview">
                <h2 id="h-preview">\(words("exhibit.preview"))</h2>
                <div id="label-preview">\(labelPreview(view.preview, words: words))</div>
                </section>
                <div class="actions">
                <button type="submit" name="_action" value="save" class="primary">\(words("exhibit.save"))</button>
                <button type="submit" name="_action" value="check">\(words("exhibit.check"))</button>
                <span id="live-status" aria-live="polite"></span>
                <span id="live-counts" class="visually-hidden" aria-live="polite"></span>
                </div>
                </form>
                """,
            stylesheets: onPanels ? [PanelStyles.stylesheetPath] : [])
    }

    /// The `lang` of translators' notes: the collection has no setting for their language, and
    /// they are written in English (as the notes `captions export xliff` adds are), so notes in
    /// Latin letters only are marked English; others (Cyrillic: Russian or Kazakh?) are left unmarked.
    static func notesLanguage(_ text: String) -> HTML {
        let latinOnly = text.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || $0.value < 0x250 }
        return latinOnly ? " lang=\"en\"" : ""
    }

    /// `text` as a sentence: its first letter a capital, a full stop at its end.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let ended = text.last.map { ".!?".contains($0) } ?? false
        return first.uppercased() + text.dropFirst() + (ended ? "" : ".")
    }

    /// The offer of a draft the browser kept and no save wrote (a session that ended, a closed
    /// tab): hidden until `editor.js` finds one that differs from the texts shown.
    static func draftRestore(_ words: Localizer, source: String) -> HTML {
        let sourceName = words.languageLabel(source)
        return """
            <div class="message" id="draft-restore" role="status" hidden \
            data-filetext="\(words("exhibit.filetext"))" data-empty="\(words("conflict.empty"))" \
            data-source="\(source)" data-earlier="\(words("exhibit.earliersource", ["lang": sourceName]))" \
            data-confirm="\(words("exhibit.checkedsource", ["lang": sourceName]))">
            <p>\(words("exhibit.draftfound")) <span id="draft-time"></span></p>
            <p id="draft-texts" data-label="\(words("exhibit.drafttexts"))"></p>
            <button type="button" id="draft-restore-button">\(words("exhibit.restore"))</button>
            <button type="button" id="draft-discard-button">\(words("exhibit.discard"))</button>
            <p id="draft-discard-confirm" role="alert" hidden>\(words("exhibit.discardconfirm"))</p>
            </div>
            """
    }

    /// One text box with its counter, its findings (`located`) and, when it is stale as saved,
    /// the stale notice (which the findings then leave out, see ``locateFindings(_:of:config:)``).
    static func cell(
        field: String, language: String, exhibit: Exhibit, view: ExhibitView, config: CollectionConfig,
        located: LocatedFindings, words: Localizer
    ) -> HTML {
        let key = "\(field).\(language)"
        let isStale = located.staleCells.contains(key)
        let domID = "\(field)-\(language)"
        let isSource = language == config.source
        let sourceMark: HTML = isSource ? " <span class=\"source\">(\(words("exhibit.source")))</span>" : ""
        let text = view.texts[field]?[language] ?? ""
        let length = view.lengths.first { $0.field == field && $0.language == language }
        // A field the file does not have yet is added by the save (in configuration order).
        let editable = exhibit.isReadable && exhibit.loadFindings.isEmpty
        let disabled: HTML = editable ? "" : " readonly"
        let missingField: HTML =
            exhibit.field(field) == nil && exhibit.isReadable
            ? "<p class=\"hint\">\(words("exhibit.missingfield"))</p>" : ""
        var stale: HTML = ""
        if isStale {
            let source = exhibit.field(field)?.translation(config.source)?.text ?? ""
            // The git history has the earlier source only when the diff below could be made.
            let diff = view.signOff?.diffs[key] ?? view.sourceDiffs[key]
            let hasDiff: Bool
            if case .diff = diff?.outcome { hasDiff = true } else { hasDiff = false }
            stale = """
                <div class="stale" id="stale-\(domID)">
                <p>\(words("exhibit.stale")) <code>\(staleCheckID)</code></p>
                <p class="hint">\(words(hasDiff ? "exhibit.staleold" : "exhibit.staleoldnodiff"))</p>
                <p class="stale-source"><strong>\(words("exhibit.stalesource"))</strong> (\(config.source)): \
                <span lang="\(config.source)">\(source)</span></p>
                \(sourceDiff(diff, language: config.source, file: exhibit.relativePath, words: words))
                <button type="submit" name="_accept" value="\(key)" class="accept-button">\
                \(words("exhibit.accept"))\(forScreenReaders(field: field, language: language, words: words))</button>
                </div>
                """
        }
        let rows = max(2, min(16, text.count / 48 + text.filter { $0 == "\n" }.count + 1))
        // Marked for screen readers: a box with an error at it (its stale notice is one; editor.js
        // keeps this up to date while the curator types), and the notice read with the box.
        let invalid = isStale || (located.cells[key]?.contains { $0.severity == .error } ?? false)
        let invalidMark: HTML = invalid ? " aria-invalid=\"true\"" : ""
        let staleNotice: HTML = isStale ? " stale-\(domID)" : ""
        let signOff = view.signOff.map {
            signOffCell(field: field, language: language, panel: $0, config: config, words: words)
        }
        return """
            <div class="cell\(isSource ? HTML(trusted: " is-source") : .empty)">
            <label for="t-\(domID)" id="l-\(domID)">\(words.languageLabel(language))\(sourceMark)</label>
            <textarea id="t-\(domID)" name="\(key)" lang="\(language)" rows="\(rows)" spellcheck="true" \
            aria-labelledby="h-\(field) l-\(domID)" aria-describedby="c-\(domID) f-\(domID)\(staleNotice)"\
            \(invalidMark) data-field="\(field)" data-lang="\(language)"\(disabled)>\(text)</textarea>
            \(counter(length, id: domID, words: words, overflowsPanel: located.overflowsPanel(key)))
            \(missingField)
            <ul class="findings" id="f-\(domID)">\(located.items(key, words: words))</ul>
            \(stale)
            \(signOff ?? "")
            </div>
            """
    }

    /// The field and language a text box's button acts on, said to screen readers only (the
    /// button stands in the box's cell, which sighted users see).
    static func forScreenReaders(field: String, language: String, words: Localizer) -> HTML {
        "<span class=\"visually-hidden\"> (\(words.fieldName(field)), \(language))</span>"
    }

    /// The counter of one text box; marked when over the limit. A text measured on its panel
    /// counts lines against the panel's and its characters without a limit, and is marked when
    /// `overflowsPanel` (the box has an `overflows-panel` finding: too many lines, or a word
    /// wider than the panel): the counter says what `captions check` says, so a text whose
    /// finding an `ignore:` entry accepts is not marked.
    static func counter(_ length: TextLength?, id: String, words: Localizer, overflowsPanel: Bool = false) -> HTML {
        guard let length else { return "<p class=\"counter\" id=\"c-\(id)\"></p>" }
        if let lines = length.lines, let maxLines = length.maxLines {
            let text = words(
                "exhibit.lines",
                ["lines": String(lines), "max": String(maxLines), "count": String(length.characters)])
            let over = overflowsPanel
            return "<p class=\"counter\(over ? HTML(trusted: " over") : .empty)\" id=\"c-\(id)\">\(text)</p>"
        }
        let over = length.limit.map { length.characters > $0 } ?? false
        let text =
            length.limit.map { words("exhibit.chars", ["count": String(length.characters), "limit": String($0)]) }
            ?? words("exhibit.charsnolimit", count: length.characters)
        return "<p class=\"counter\(over ? HTML(trusted: " over") : .empty)\" id=\"c-\(id)\">\(text)</p>"
    }

    /// The findings of an exhibit as its page shows them: in text boxes or under the exhibit.
    struct LocatedFindings: Sendable {
        /// The findings listed under each text box, keyed `field.language`.
        var cells: [String: [Diagnostic]]
        /// The findings about no one text box (and a text box the configuration does not have).
        var general: [Diagnostic]
        /// The text boxes (`field.language`) that show the stale notice: translations whose
        /// source changed since they were made, as saved.
        var staleCells: Set<String>
        /// The text boxes whose translation the draft makes stale (its source is being edited):
        /// said in the curator's words instead of the check's command-line advice.
        var staleAfterSave: Set<String> = []
        /// The text boxes (`field.language`) whose text has a control character: Save refuses
        /// it, and the item under the box says where it is.
        var controls: [String: ControlCharacter] = [:]
        /// What the curator does in the editor about the `not-approved` finding of a text box
        /// (`field.language`): said instead of the check's command-line advice.
        var approveAdvice: [String: ApproveAdvice] = [:]

        /// Whether the text box `key` has an `overflows-panel` finding.
        func overflowsPanel(_ key: String) -> Bool {
            cells[key]?.contains { $0.checkID == overflowsPanelCheckID } ?? false
        }

        /// The `<li>` items under text box `key` (`field.language`).
        func items(_ key: String, words: Localizer) -> HTML {
            let after: HTML =
                staleAfterSave.contains(key)
                ? "<li class=\"note\">\(words("exhibit.staleaftersave")) <code>\(staleCheckID)</code></li>" : ""
            let findings = findingItems(cells[key] ?? [], words: words, approveAdvice: approveAdvice[key])
            return HTML.join([after, findings, controlItem(key, words: words)])
        }

        /// Where the text box `key`'s control character is, as an error: what Save will do.
        /// Under the box's `not-normalized` finding (an error then, see
        /// ``ControlCharacter/asSaveJudges(_:texts:config:)``), or standing alone when that check is off.
        func controlItem(_ key: String, words: Localizer) -> HTML {
            guard let control = controls[key] else { return "" }
            let place = words("exhibit.controlplace", control.placeholders)
            let finding = cells[key]?.contains { $0.checkID == ControlCharacter.checkID } ?? false
            return finding
                ? "<li class=\"error control-place\">\(place)</li>"
                : "<li class=\"error control-place\"><span class=\"severity\">\(words("severity.error"))</span> \(place)</li>"
        }

        /// How many errors the page counts that no finding stands for: control characters whose
        /// check is off.
        var controlsWithoutFinding: Int {
            controls.keys.filter { key in !(cells[key]?.contains { $0.checkID == ControlCharacter.checkID } ?? false) }
                .count
        }
    }

    /// The check whose finding the stale notice stands for.
    static let staleCheckID = "stale-translation"
    /// The check whose finding the sign-off buttons answer: the page says which button to press.
    static let notApprovedCheckID = "not-approved"
    static let overflowsPanelCheckID = "overflows-panel"

    /// Findings sorted into text boxes (field and language known) and the rest, for the page and
    /// for the live check alike. A text box that shows the stale notice (the saved `exhibit`'s
    /// translation is stale) does not list its `stale-translation` finding again: the notice
    /// says it, with the check id and the Accept button. Counts of findings are not affected.
    static func locateFindings(_ findings: [Diagnostic], of exhibit: Exhibit, config: CollectionConfig)
        -> LocatedFindings
    {
        let state = LibraryBridge.states(of: exhibit, config: config)
        var staleCells: Set<String> = []
        for spec in config.fields {
            for language in config.languages {
                if case .stale = state(spec.name, language) { staleCells.insert("\(spec.name).\(language)") }
            }
        }
        var cells: [String: [Diagnostic]] = [:]
        var general: [Diagnostic] = []
        var staleAfterSave: Set<String> = []
        var approveAdvice: [String: ApproveAdvice] = [:]
        // The sign-off states the buttons are drawn from, read only when a text is not approved.
        lazy var signOff = LibraryBridge.signOffStates(of: exhibit, config: config)
        lazy var fourEyes = (try? config.fourEyes()) ?? false
        for finding in findings {
            if let field = finding.field, let language = finding.language, config.field(field) != nil,
                config.languages.contains(language)
            {
                let key = "\(field).\(language)"
                if finding.checkID == staleCheckID {
                    // Stale as saved: the notice says it. Stale only in the draft: the source is being edited.
                    if !staleCells.contains(key) { staleAfterSave.insert(key) }
                    continue
                }
                if finding.checkID == notApprovedCheckID,
                    let advice = signOff[key]?.approvalAdvice(isSource: language == config.source, fourEyes: fourEyes)
                {
                    approveAdvice[key] = ApproveAdvice(advice)
                }
                cells[key, default: []].append(finding)
            } else {
                general.append(finding)
            }
        }
        return LocatedFindings(
            cells: cells, general: general, staleCells: staleCells, staleAfterSave: staleAfterSave,
            approveAdvice: approveAdvice)
    }

    /// What the curator does about a text not approved, with the buttons under it
    /// (``signOffCell(field:language:panel:config:words:)``): the library's advice (the one the
    /// `not-approved` check gives on the command line) as an interface string.
    struct ApproveAdvice: Sendable {
        /// The interface string (`exhibit.approvehint`, `exhibit.reviewapprovehint`, `exhibit.otherapprovehint`).
        var key: String
        /// Its values: `name`, the reviewer who may not approve.
        var values: [String: String] = [:]

        init(_ advice: SignOffState.ApprovalAdvice) {
            switch advice {
            case .approvedByReviewer(let approval):
                key = "exhibit.otherapprovehint"
                values = ["name": approval.by]
            case .reviewFirst: key = "exhibit.reviewapprovehint"
            case .someoneOtherThanReviewer(let reviewer):
                key = "exhibit.otherapprovehint"
                values = ["name": reviewer]
            case .approve: key = "exhibit.approvehint"
            }
        }
    }

    /// A finding's message, English as the library writes it; in a kk or ru interface after what
    /// its check found, said in that language (``Localizer/checkSummary(_:)``), and marked English.
    static func findingMessage(_ finding: Diagnostic, words: Localizer) -> HTML {
        words.checkSummary(finding.checkID).map {
            "<span class=\"summary\">\($0)</span> <span lang=\"en\">\(finding.message)</span>"
        } ?? "\(finding.message)"
    }

    /// The `<li>` items of findings; with `approveAdvice`, a `not-approved` finding says in the
    /// interface language what the check found and which button approves the text, instead of
    /// the library's message with its command-line advice.
    static func findingItems(_ findings: [Diagnostic], words: Localizer, approveAdvice: ApproveAdvice? = nil) -> HTML {
        HTML.join(
            findings.map { finding in
                let severity = finding.severity.rawValue
                let message: HTML =
                    if let advice = approveAdvice, finding.checkID == notApprovedCheckID {
                        "<span class=\"summary\">\(words("check." + notApprovedCheckID))</span> \(words(advice.key, advice.values))"
                    } else {
                        findingMessage(finding, words: words)
                    }
                return """
                    <li class="\(severity)"><span class="severity">\(words("severity." + severity))</span> \
                    \(message) <code>\(finding.checkID)</code> <span class="line">\
                    \(finding.location.line > 0 ? words("exhibit.line", ["line": String(finding.location.line)]) : "")\
                    </span></li>
                    """
            })
    }

    /// The findings not shown at a text box; or a line saying there are none at all, or that
    /// every one is shown at its text box.
    static func generalFindings(_ general: [Diagnostic], all: [Diagnostic], words: Localizer) -> HTML {
        if all.isEmpty { return "<p class=\"ok\">\(words("exhibit.nofindings"))</p>" }
        // Not an empty section under its heading: the findings are all in the text boxes.
        if general.isEmpty { return "<p class=\"hint\">\(words("exhibit.findingsabove"))</p>" }
        return "<ul class=\"findings\">\(findingItems(general, words: words))</ul>"
    }

    /// The hidden fields of the source texts translations were written beside
    /// (`_from.<field>.<lang>`), sorted by field and language.
    static func translatedFromFields(_ translatedFrom: ExhibitTexts) -> HTML {
        HTML.join(
            translatedFrom.sorted { $0.key < $1.key }.flatMap { field, languages in
                languages.sorted { $0.key < $1.key }.map { language, source -> HTML in
                    "<input type=\"hidden\" name=\"_from.\(field).\(language)\" value=\"\(source)\">"
                }
            })
    }

    /// The hidden fields of the texts a page showed (`_base.<field>.<lang>`), every field and language.
    static func baseFields(_ base: ExhibitTexts, config: CollectionConfig) -> HTML {
        HTML.join(
            config.fields.flatMap { spec in
                config.languages.map { language -> HTML in
                    let text = base[spec.name]?[language] ?? ""
                    return "<input type=\"hidden\" name=\"_base.\(spec.name).\(language)\" value=\"\(text)\">"
                }
            })
    }

    /// The conflict page: the texts that differ, the draft's beside the file's now, with the
    /// words that differ marked where saving writes the text (it takes out the file's `<del>`
    /// words and puts in the draft's `<ins>` ones); the texts that are the same only named. With `merge`, each row
    /// says who changed the text since the page was shown, and saving over the file sends only
    /// the draft's own changes (with the file's texts now as what the page showed). The line
    /// above the button names the file's texts a save replaces.
    static func conflict(
        _ page: PageContext, id: String, draft: ExhibitTexts, current: ExhibitTexts, currentDigest: String,
        merge: DraftMerge?, config: CollectionConfig, translatedFrom: ExhibitTexts = [:]
    ) -> HTML {
        let words = page.words
        var rows: [HTML] = []
        var hidden: [HTML] = []
        var same: [String] = []
        var replaced: [String] = []
        var marksShown = false
        func sourceChanged(_ field: String) -> Bool {
            switch merge?.changes[field]?[config.source] {
            case .theirs, .both, .bothSame: true
            default: false
            }
        }
        for spec in config.fields {
            for language in config.languages {
                guard let mine = draft[spec.name]?[language] else { continue }
                let theirs = current[spec.name]?[language] ?? ""
                let change = merge?.changes[spec.name]?[language]
                let name = words.textName(field: spec.name, language: language)
                let sent = merge == nil || merge?.changed[spec.name]?[language] != nil
                if sent { hidden.append("<input type=\"hidden\" name=\"\(spec.name).\(language)\" value=\"\(mine)\">") }
                guard mine != theirs else {
                    same.append(name)
                    continue
                }
                if sent && (merge == nil || change == .both) { replaced.append(name) }
                if sent { marksShown = true }
                let who: HTML =
                    switch change {
                    // In the conflict because its source changed in the file (see DraftMerge.isClean).
                    case .mine where language != config.source && sourceChanged(spec.name):
                        " <span class=\"who\">(\(words("conflict.minesource", ["lang": words.languageLabel(config.source)])))</span>"
                    case .mine: " <span class=\"who\">(\(words("conflict.mine")))</span>"
                    case .theirs: " <span class=\"who\">(\(words("conflict.theirs")))</span>"
                    case .both: " <span class=\"who\">(\(words("conflict.both")))</span>"
                    case .unchanged, .bothSame, nil: ""
                    }
                // A text the save writes: each side with its own words marked, the file's that the
                // save takes out, the draft's it puts in. One it leaves alone: both as they are.
                let diff = sent ? WordDiff(from: theirs, to: mine).tokens : []
                let draftSide = sent ? diff.filter { if case .deleted = $0 { false } else { true } } : [.kept(mine)]
                let fileSide = sent ? diff.filter { if case .inserted = $0 { false } else { true } } : [.kept(theirs)]
                // An empty side says so (an emptied box, a text the file no longer has).
                let interfaceLanguage: HTML = words.language == language ? "" : " lang=\"\(words.language)\""
                let empty: HTML = "<span class=\"empty\"\(interfaceLanguage)>\(words("conflict.empty"))</span>"
                rows.append(
                    """
                    <tr class="differs"><th scope="row">\(name)\(who)</th>
                    <td class="draft" lang="\(language)" data-label="\(words("conflict.draft"))">\(mine.isEmpty ? empty : marked(draftSide))</td>\
                    <td class="current" lang="\(language)" data-label="\(words("conflict.file"))">\(theirs.isEmpty ? empty : marked(fileSide))</td></tr>

                    """)
            }
        }
        let legend: HTML = marksShown ? "<p class=\"hint\">\(words("conflict.legend"))</p>" : ""
        let sameTexts: HTML =
            same.isEmpty
            ? "" : "<p class=\"same-texts\">\(words("conflict.sametexts", ["list": same.joined(separator: ", ")]))</p>"
        let replacing: HTML =
            replaced.isEmpty
            ? ""
            : """
            <p id="conflict-replaces">\(words("conflict.replaces", ["list": replaced.joined(separator: ", ")]))</p>
            """
        let describedBy: HTML = replaced.isEmpty ? "" : " aria-describedby=\"conflict-replaces\""
        return layout(
            page, title: words("conflict.title"),
            body: """
                <h1 class="conflict" tabindex="-1" data-focus-on-load>\(words("conflict.title"))</h1>
                <p class="message error">\(words("conflict.explain"))</p>
                <table class="conflict">
                <thead><tr><td></td><th scope="col">\(words("conflict.draft"))</th>\
                <th scope="col">\(words("conflict.file"))</th></tr></thead>
                <tbody>\(rows)</tbody>
                </table>
                \(legend)\(sameTexts)
                <form method="post" action="/exhibits/\(urlEncode(id))">\(page.csrfField)
                <input type="hidden" name="_digest" value="\(currentDigest)">\(hidden)
                \(merge == nil ? "" : baseFields(current, config: config))\(translatedFromFields(translatedFrom))
                \(replacing)
                <button type="submit" name="_action" value="save"\(describedBy)>\(words("conflict.keep"))</button>
                <a href="/exhibits/\(urlEncode(id))?conflict=\(urlEncode(currentDigest))">\(words("conflict.reload"))</a>
                </form>
                """)
    }

    // MARK: Status

    /// The status page: the `captions status` numbers with a progress bar per language, under
    /// the files not read (`kurt.YML`) with their reasons.
    static func status(_ page: PageContext, _ status: TranslationStatus) -> HTML {
        let words = page.words
        // The "same as source" column only when some translation is a copy, as `captions status`
        // shows it: the table is wide enough without a column of zeros.
        let showsCopies = status.languages.contains { $0.sameAsSource > 0 }
        let rows = HTML.join(
            status.languages.map { row in
                let name: HTML =
                    row.isSource
                    ? "\(words.languageLabel(row.language)) <span class=\"source\">(\(words("exhibit.source")))</span>"
                    : "\(words.languageLabel(row.language))"
                let percent = percentText(row.percent, language: words.language)
                let copies: HTML = showsCopies ? "<td>\(row.isSource ? "—" : String(row.sameAsSource))</td>" : ""
                return """
                    <tr><th>\(name)</th><td>\(row.units)</td><td>\(row.translated)</td><td>\(row.missing)</td>\
                    \(copies)<td>\(row.stale)</td><td>\(row.isSource ? "—" : String(row.reviewed))</td><td>\(row.approved)</td>\
                    <td><progress max="100" value="\(String(format: "%.1f", row.percent))" aria-hidden="true">\
                    \(percent)</progress> \(percent)</td>\
                    <td>\(row.isSource ? "—" : String(row.sourceWordsToTranslate))</td>\
                    <td>\(row.findings["error"] ?? 0)</td><td>\(row.findings["warning"] ?? 0)</td>\
                    <td>\(row.findings["note"] ?? 0)</td></tr>

                    """
            })
        let unreadable: HTML =
            status.unreadable == 0
            ? "" : "<p class=\"message error\">\(words("status.unreadable", count: status.unreadable))</p>\n"
        let skipped = skippedFilesNotice(status.skippedFiles, root: status.collection, words: words)
        let copiesHeader: HTML = showsCopies ? "<th>\(words("status.same-as-source"))</th>" : ""
        return layout(
            page, title: words("status.title"),
            body: """
                <h1>\(words("status.title"))</h1>
                \(unreadable)\(skipped)<div class="scroll"><table class="status">
                <thead><tr><th>\(words("status.language"))</th><th>\(words("status.units"))</th>\
                <th>\(words("status.translated"))</th><th>\(words("status.missing"))</th>\
                \(copiesHeader)<th>\(words("status.stale"))</th><th>\(words("status.reviewed"))</th><th>\(words("status.approved"))</th>\
                <th>\(words("status.complete"))</th><th>\(words("status.words"))</th><th>\(words("status.errors"))</th>\
                <th>\(words("status.warnings"))</th><th>\(words("status.notes"))</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                <details><summary>\(words("status.plain"))</summary><pre>\(status.text)</pre></details>
                """)
    }

    /// The values that say how much text the form limit holds (`limit`, `cyrillic`, `latin`): a
    /// browser sends a form URL-encoded, so a Cyrillic letter (two bytes in UTF-8) takes six
    /// bytes of it and a Latin letter one; the counts are rounded down to two figures.
    static func formLimit(_ words: Localizer) -> [String: String] {
        let limit = EditorSettings.maximumForm
        func roughly(_ value: Int) -> String {
            var unit = 1
            while value / unit >= 100 { unit *= 10 }
            return wholeNumber(value / unit * unit, language: words.language)
        }
        return [
            "limit": words("error.megabytes", count: limit >> 20), "cyrillic": roughly(limit / 6),
            "latin": roughly(limit),
        ]
    }

    /// A whole number as the interface language writes it: `170,000` in English, `170 000` (a
    /// no-break space) in Kazakh and Russian.
    static func wholeNumber(_ value: Int, language: String) -> String {
        let digits = Array(String(value))
        var groups: [String] = []
        var end = digits.count
        while end > 0 {
            groups.insert(String(digits[max(0, end - 3)..<end]), at: 0)
            end -= 3
        }
        return groups.joined(separator: language == "en" ? "," : "\u{00A0}")
    }

    /// A percentage as the interface language writes it: `100.0%` in English; `100,0 %` (a
    /// decimal comma and a no-break space) in Kazakh and Russian.
    static func percentText(_ value: Double, language: String) -> String {
        let number = String(format: "%.1f", value)
        return language == "en" ? number + "%" : number.replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
    }

    // MARK: Translators

    /// The translators page: the XLIFF, glossary and translation memory downloads, and the
    /// XLIFF upload.
    static func translators(
        _ page: PageContext, config: CollectionConfig, hasGlossary: Bool, galleries: [String] = [],
        signer: String? = nil, message: HTML = .empty
    ) -> HTML {
        let words = page.words
        let options = HTML.join(config.targetLanguages.map { option($0, words.languageLabel($0), selected: false) })
        return layout(
            page, title: words("translators.title"),
            body: """
                <h1>\(words("translators.title"))</h1>
                <p>\(words("translators.explain"))</p>
                \(message)
                <section aria-labelledby="h-xliff"><h2 id="h-xliff">\(words("translators.download"))</h2>
                <p>\(words("translators.xliffintro"))</p>
                <form method="get" action="/translators/xliff" class="stack">
                <label>\(words("translators.language")) <select name="lang">\(options)</select></label>
                <label>\(words("translators.version")) <select name="version"><option value="1.2">1.2</option>\
                <option value="2.0">2.0</option></select></label>
                <label><input type="checkbox" name="needed" value="1"> \(words("translators.needed"))</label>
                <label><input type="checkbox" name="prefill" value="1"> \(words("translators.prefill"))</label>
                <label><input type="checkbox" name="suggest" value="1"> \(words("translators.suggest"))</label>
                <button type="submit">\(words("translators.download"))</button>
                </form></section>
                \(glossarySection(page, config: config, hasGlossary: hasGlossary))
                \(memorySection(page, config: config))
                \(proofSheetSection(page, galleries: galleries))
                <section><h2>\(words("translators.upload"))</h2>
                <form method="post" action="/translators/review" enctype="multipart/form-data" class="stack">\
                \(page.csrfField)
                <label>\(words("translators.file")) \
                <input type="file" name="xliff" accept=".xlf,.xliff,.mqxliff,.sdlxliff,.xml" required \
                data-required="\(words("translators.filerequired"))"></label>
                <fieldset class="trust"><legend>\(words("translators.trust"))</legend>
                <label><input type="checkbox" name="trust" value="1"> \(words("translators.trustexplain"))</label>
                <label class="name">\(words("signoff.name")) <input name="by" value="\(signer ?? "")" maxlength="64" \
                autocomplete="name"></label>
                </fieldset>
                <button type="submit">\(words("translators.review"))</button>
                </form></section>
                """)
    }

    /// The import report; with `token`, a dry run with the button that applies it.
    static func importReport(_ page: PageContext, _ report: XLIFFImportReport, token: String?) -> HTML {
        let words = page.words
        // The column headings, also each cell's label where a phone shows a row as a block.
        let headings = [
            words(token == nil ? "translators.applied" : "translators.toapply"), words("translators.unchanged"),
            words("translators.skipped"), words("translators.conflicts"), words("translators.unknown"),
        ]
        let files = HTML.join(
            report.files.map { file in
                let cells = zip(headings, [file.applied, file.unchanged, file.skipped, file.conflicts, file.unknown])
                return """
                    <tr><th>\(words.languageLabel(file.targetLanguage))</th>\
                    \(HTML.join(cells.map { "<td data-label=\"\($0.0)\">\($0.1)</td>" }))</tr>
                    """
            })
        // With reviews recorded from the translator's program: what became of them, per file.
        let states = HTML.join(
            report.files.compactMap { file -> HTML? in
                guard let states = file.states else { return nil }
                let counts = [
                    "name": states.by, "recorded": String(states.recorded), "already": String(states.alreadyReviewed),
                    "refused": String(states.refused), "changed": String(states.changed),
                ]
                let key = token == nil ? "translators.statesdone" : "translators.states"
                return "<p class=\"states\">\(words.languageLabel(file.targetLanguage)): \(words(key, counts))</p>"
            })
        func items(_ findings: [Diagnostic]) -> HTML {
            HTML.join(
                findings.map { finding in
                    let notes = HTML.join(finding.notes.map { "<li\(words.englishAttribute)>\($0.message)</li>" })
                    let message = findingMessage(finding, words: words)
                    return """
                        <li class="\(finding.severity.rawValue)">\(message) <code>\(finding.checkID)</code>\
                        <ul>\(notes)</ul></li>
                        """
                })
        }
        let written = HTML.join(
            report.written.map { "<li><code>\(relativePath($0, in: report.collection))</code></li>" })
        let apply: HTML =
            token.map {
                """
                <form method="post" action="/translators/apply">\(page.csrfField)
                <input type="hidden" name="token" value="\($0)">
                <button type="submit" class="primary">\(words("translators.apply"))</button></form>
                """
            } ?? ""
        let title = words(token == nil ? "translators.appliedtitle" : "translators.reviewtitle")
        let fileList: HTML =
            report.written.isEmpty ? "<p>\(words("translators.nofiles"))</p>" : "<ul class=\"files\">\(written)</ul>"
        let problemList: HTML =
            report.problems.isEmpty
            ? "" : "<h2>\(words("translators.problems"))</h2><ul class=\"problems\">\(items(report.problems))</ul>"
        // Imported all the same (e.g. paragraphs-merged): worth a question to the translator.
        let questionList: HTML =
            report.warnings.isEmpty
            ? ""
            : "<h2>\(words("translators.questions"))</h2><ul class=\"questions\">\(items(report.warnings))</ul>"
        return layout(
            page, title: title,
            body: """
                <h1>\(title)</h1>
                <div class="scroll"><table class="report"><thead><tr><th></th>\
                \(HTML.join(headings.map { "<th>\($0)</th>" }))</tr></thead>
                <tbody>\(files)</tbody></table></div>
                \(states)
                \(problemList)
                \(questionList)
                \(importChanges(report, applied: token == nil, words: words))
                \(importReviews(report, applied: token == nil, words: words))
                <h2>\(words("translators.files"))</h2>
                \(fileList)
                \(apply)
                <p><a href="/translators">\(words("translators.title"))</a></p>
                """)
    }

    /// The most texts an import report shows; the rest are counted.
    static let maximumImportChangesShown = 500

    /// The texts an import writes (or, reviewed, would write), each with its exhibit, field and
    /// language, and what changes in it: the words taken out and put in, or the whole text
    /// where there was none.
    static func importChanges(_ report: XLIFFImportReport, applied: Bool, words: Localizer) -> HTML {
        guard !report.changes.isEmpty else { return "" }
        let items = HTML.join(
            report.changes.prefix(maximumImportChangesShown).map { change in
                let exhibit = urlEncode(change.exhibit)
                let name = words.textName(field: change.field, language: change.language)
                let text: HTML
                if let before = change.before, !before.isEmpty {
                    let pieces = marked(WordDiff(from: before, to: change.after).tokens)
                    text = """
                        <p class="hint">\(words("translators.changedtext"))</p>\
                        <p class="diff-text" lang="\(change.language)">\(pieces)</p>
                        """
                } else {
                    text = """
                        <p class="hint">\(words("translators.newtext"))</p>\
                        <p class="diff-text" lang="\(change.language)"><ins>\(change.after)</ins></p>
                        """
                }
                return """
                    <li class="word-diff"><h3><a href="/exhibits/\(exhibit)">\(change.exhibit)</a>, \(name)</h3>\
                    \(text)</li>
                    """
            })
        let hidden = report.changes.count - min(report.changes.count, maximumImportChangesShown)
        let more: HTML = hidden > 0 ? "<p>\(words("translators.morechanges", count: hidden))</p>" : ""
        let heading = words(applied ? "translators.changesapplied" : "translators.changes", count: report.changes.count)
        return """
            <section class="import-changes"><h2>\(heading)</h2>
            <ul class="changes">\(items)</ul>\(more)</section>
            """
    }

    /// The texts whose reviews the import records from the translator's program (or, reviewed,
    /// would record), each under its exhibit, field and language; at most
    /// ``maximumImportChangesShown``, the rest counted.
    static func importReviews(_ report: XLIFFImportReport, applied: Bool, words: Localizer) -> HTML {
        guard !report.reviews.isEmpty else { return "" }
        let items = HTML.join(
            report.reviews.prefix(maximumImportChangesShown).map { review in
                """
                <li><a href="/exhibits/\(urlEncode(review.exhibit))">\(review.exhibit)</a>, \
                \(words.textName(field: review.field, language: review.language))</li>
                """
            })
        let hidden = report.reviews.count - min(report.reviews.count, maximumImportChangesShown)
        let more: HTML = hidden > 0 ? "<p>\(words("translators.morechanges", count: hidden))</p>" : ""
        let heading = words(applied ? "translators.reviewsdone" : "translators.reviews", count: report.reviews.count)
        return """
            <section class="import-reviews"><h2>\(heading)</h2>
            <ul>\(items)</ul>\(more)</section>
            """
    }

    /// `path` from the collection folder `root` on, as curators see their files; `path` itself
    /// when it is not in it.
    static func relativePath(_ path: String, in root: String) -> String {
        let folder = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    // MARK: New exhibit

    /// The new-exhibit form.
    static func newExhibit(_ page: PageContext, galleries: [String], message: HTML = .empty, id: String = "") -> HTML {
        let words = page.words
        let options = HTML.join(galleries.map { option($0, $0.isEmpty ? "/" : $0, selected: false) })
        // A refusal (an id in use or not allowed, a gallery that cannot be made) is about the id:
        // it is read with the id box, which has focus.
        let problem: HTML = message.raw.isEmpty ? "" : "<div id=\"new-problem\">\(message)</div>"
        let invalid: HTML =
            message.raw.isEmpty ? "" : " aria-invalid=\"true\" aria-describedby=\"new-problem\" autofocus"
        return layout(
            page, title: words("new.title"),
            body: """
                <h1>\(words("new.title"))</h1>
                \(problem)
                <form method="post" action="/new" class="stack">\(page.csrfField)
                <label>\(words("new.id")) <input name="id" value="\(id)" required pattern="[a-z0-9]+(-[a-z0-9]+)*" \
                title="\(words("new.id"))" data-required="\(words("new.idrequired"))" \
                data-mismatch="\(words("new.idformat"))" autocomplete="off"\(invalid)></label>
                <label>\(words("new.gallery")) <select name="gallery">\(options)</select></label>
                <label>\(words("new.newgallery")) <input name="newGallery" pattern="[a-z0-9]+(-[a-z0-9]+)*" \
                data-mismatch="\(words("new.galleryformat"))"></label>
                <button type="submit" class="primary">\(words("new.create"))</button>
                </form>
                """)
    }
}
