import CaptionKit
import Foundation
import Synchronization

/// What the exhibit page shows of the sign-off: each text's state and buttons, the word diffs of
/// stale translations, and who is signing.
struct SignOffPanel: Sendable {
    /// The name this session signs with, once given.
    var signer: String?
    /// The state of each text, keyed `field.language`.
    var states: [String: SignOffState]
    /// The word diff of each stale translation, keyed `field.language`.
    var diffs: [String: SourceDiff]
    /// The fingerprint of each text the page shows: field → language → fingerprint (`""`: none).
    var fingerprints: [String: [String: String]]
    /// The id to write instead when the exhibit's id is not a slug: then nothing of it can be
    /// signed off, and the page offers no review or approve button but says why.
    var slugForID: String?
}

extension Pages {
    /// The state of one text and its review and approve buttons (`id="so-<field>-<lang>"`): what
    /// the sign-off's JSON answer replaces in place.
    static func signOffCell(
        field: String, language: String, panel: SignOffPanel, config: CollectionConfig, words: Localizer
    ) -> HTML {
        let key = "\(field).\(language)"
        guard let state = panel.states[key] else { return "" }
        let isSource = language == config.source
        var lines: [HTML] = []
        var kind = "translated"
        switch state.translation {
        case .missing:
            kind = "missing"
            lines.append("\(words("signoff.missing"))")
        case .stale:
            kind = "stale"
            lines.append("\(words("signoff.stale"))")
        case .translated, .unknownProvenance:
            if let review = state.review {
                kind = "reviewed"
                lines.append("\(words("signoff.reviewed", ["name": review.by, "date": review.date]))")
            }
            if let approval = state.approval {
                kind = "approved"
                lines.append("\(words("signoff.approved", ["name": approval.by, "date": approval.date]))")
            }
            if lines.isEmpty { lines.append("\(words(isSource ? "signoff.written" : "signoff.translated"))") }
        }
        var outdated: HTML = ""
        if let byReviewer = state.approvalByReviewer {
            // Four eyes: the reviewer's own approval is shown, and that it does not count.
            let text = words("signoff.selfapproved", ["name": byReviewer.by, "date": byReviewer.date])
            outdated = "<p class=\"signoff-outdated\">\(text)</p>"
        }
        if let old = state.outdated {
            let reason = words(old.reason == .sourceChanged ? "signoff.sourcechanged" : "signoff.textchanged")
            let text = words(
                old.level == .approved ? "signoff.oldapproval" : "signoff.oldreview",
                ["name": old.mark.by, "date": old.mark.date, "reason": reason])
            outdated = "<p class=\"signoff-outdated\">\(text)</p>"
        }
        var buttons: [HTML] = []
        // An id that is not a slug: the library refuses every sign-off, the form says why.
        if let level = state.level, panel.slugForID == nil {
            if !isSource && state.review == nil {
                buttons.append(
                    """
                    <button type="submit" form="signoff-form" name="review" value="\(key)" \
                    class="signoff-button">\(words("signoff.review"))\
                    \(forScreenReaders(field: field, language: language, words: words))</button>
                    """)
            }
            if level < .approved, let signer = panel.signer, !state.approvalCounts(by: signer, config: config) {
                // Four eyes: the reviewer is not offered an approval that would be refused.
                buttons.append("<p class=\"signoff-foureyes hint\">\(words("signoff.foureyes"))</p>")
            } else if level < .approved && (isSource || state.review != nil) {
                buttons.append(
                    """
                    <button type="submit" form="signoff-form" name="approve" value="\(key)" \
                    class="signoff-button">\(words("signoff.approve"))\
                    \(forScreenReaders(field: field, language: language, words: words))</button>
                    """)
            }
        }
        let shown = HTML.join(lines.map { "<span>\($0)</span>" })
        // What a save of a changed text ends, for the warning while typing (`signoff.ends…`).
        let approved = state.approval != nil || state.approvalByReviewer != nil
        let ends: HTML =
            switch (state.review != nil, approved) {
            case (true, true): " data-ends=\"both\""
            case (true, false): " data-ends=\"review\""
            case (false, true): " data-ends=\"approval\""
            case (false, false): ""
            }
        return """
            <div class="signoff" id="so-\(field)-\(language)">\
            <p class="signoff-state \(kind)" data-state="\(kind)"\(ends)>\(shown)</p>\(outdated)\(buttons)</div>
            """
    }

    /// The text of a word diff's `tokens` with the words taken out in `<del>` and those put in
    /// in `<ins>`.
    static func marked(_ tokens: [WordDiff.Token]) -> HTML {
        HTML.join(
            tokens.map { token -> HTML in
                switch token {
                case .kept(let text): return "\(text)"
                case .deleted(let text): return "<del\(whiteSpaceClass(text))>\(text)</del>"
                case .inserted(let text): return "<ins\(whiteSpaceClass(text))>\(text)</ins>"
                }
            })
    }

    /// The class of a change that is only white space, which strikes or underlines nothing
    /// visible: `ws` (drawn as a tinted gap), `ws break` for a line or paragraph break (drawn
    /// with a ¶ that is not part of the text: copying the text copies the break only).
    static func whiteSpaceClass(_ text: String) -> HTML {
        guard !text.isEmpty, text.allSatisfy(\.isWhitespace) else { return "" }
        return text.contains(where: \.isNewline) ? " class=\"ws break\"" : " class=\"ws\""
    }

    /// The word diff of a stale translation's source beside it: deleted words in `<del>`, new ones
    /// in `<ins>`; or the sentence saying why the earlier source is unknown.
    /// The words are marked as `language` (the source language's) for screen readers.
    static func sourceDiff(_ diff: SourceDiff?, language: String, file: String, words: Localizer) -> HTML {
        guard let diff else { return "" }
        switch diff.outcome {
        case .diff(let wordDiff, let commit):
            return """
                <div class="word-diff"><p class="hint">\(words("signoff.diff", ["commit": String(commit.prefix(12))]))\
                </p><p class="diff-text" lang="\(language)">\(marked(wordDiff.tokens))</p></div>
                """
        case .unavailable(let reason):
            return "<p class=\"word-diff hint\">\(earlierSourceUnknown(reason, file: file, words: words))</p>"
        case .notStale, .noRecord:
            return ""
        }
    }

    /// Why the earlier source of a stale translation is unknown, in the interface language
    /// (`signoff.nogit`, `signoff.gitfailed`, `signoff.nohistory`), followed by the caption file
    /// (`file`, from the collection folder on), marked English (the library's `captions diff`
    /// says it all in English); when git failed, its own message after the file, in English.
    static func earlierSourceUnknown(_ reason: EarlierSourceUnknown, file: String, words: Localizer) -> HTML {
        let key: String
        var gitMessage: HTML = ""
        switch reason {
        case .notInGitRepository: key = "signoff.nogit"
        case .gitFailed(_, let message):
            key = "signoff.gitfailed"
            gitMessage = " (git: \(words.english(message)))"
        case .notInHistory: key = "signoff.nohistory"
        }
        return
            "\(words("signoff.nodiff", ["reason": words(key)])) <code\(words.englishAttribute)>\(file)</code>\(gitMessage)"
    }

    /// The form the review and approve buttons submit (`form="signoff-form"`): the fingerprints
    /// of the texts shown and the signer's name, asked once per session and changeable.
    ///
    /// Its first submit button is a hidden disabled one: Enter in the name box submits a form
    /// through its first submit button, which would otherwise be the first text's review button
    /// (the cells come after the form, but the buttons name it), and a disabled one submits nothing.
    ///
    /// For an exhibit whose id is not a slug, only why nothing can be signed: no form, no name.
    static func signOffForm(_ page: PageContext, id: String, panel: SignOffPanel, config: CollectionConfig) -> HTML {
        let words = page.words
        if let slug = panel.slugForID {
            // Nothing can be signed: why, and no name asked for.
            return """
                <section class="signoff-signer" aria-labelledby="h-signoff">
                <h2 id="h-signoff">\(words("signoff.title"))</h2>
                <p class="hint signoff-id">\(words("signoff.idnotaslug", ["id": id, "slug": slug]))</p>
                </section>
                """
        }
        var hidden: [HTML] = []
        for spec in config.fields {
            for language in config.languages {
                let fingerprint = panel.fingerprints[spec.name]?[language] ?? ""
                hidden.append("<input type=\"hidden\" name=\"fp.\(spec.name).\(language)\" value=\"\(fingerprint)\">")
            }
        }
        return """
            <section class="signoff-signer" aria-labelledby="h-signoff">
            <h2 id="h-signoff">\(words("signoff.title"))</h2>
            <form id="signoff-form" method="post" action="/exhibits/\(urlEncode(id))/signoff" \
            data-savefirst="\(words("signoff.savefirst"))" data-endsapproval="\(words("signoff.endsapproval"))" \
            data-endsreview="\(words("signoff.endsreview"))" data-endsboth="\(words("signoff.endsboth"))">\
            \(page.csrfField)\
            <button type="submit" disabled hidden aria-hidden="true" tabindex="-1"></button>
            \(hidden)
            \(signerBox(panel.signer, words: words))
            <p id="signoff-status" class="visually-hidden" aria-live="polite"></p>
            </form>
            </section>
            """
    }

    /// Who signs: "signing as NAME" with a box to change it, or the box asking for the name.
    static func signerBox(_ signer: String?, words: Localizer) -> HTML {
        // Gives the name alone (another person taking over this browser, whom four eyes may
        // offer texts the name before could not approve). Not the form's first submit button:
        // Enter in the box still signs nothing.
        let useName: HTML =
            "<button type=\"submit\" name=\"signas\" value=\"1\" class=\"signoff-button\">\(words("signoff.usename"))</button>"
        guard let signer else {
            return """
                <div id="signer-box"><label>\(words("signoff.name")) <input name="signer" value="" maxlength="64" \
                required data-required="\(words("signoff.namerequired"))" autocomplete="name"></label>
                \(useName)
                <p class="hint">\(words("signoff.namehint"))</p></div>
                """
        }
        return """
            <div id="signer-box"><p class="signer">\(words("signoff.signingas", ["name": signer]))</p>
            <details><summary>\(words("signoff.change"))</summary>\
            <label>\(words("signoff.name")) <input name="signer" value="\(signer)" maxlength="64" \
            autocomplete="name"></label>
            \(useName)</details></div>
            """
    }
}

/// Which exhibits of a snapshot are ready for print (by position), worked out on all cores once
/// per snapshot version (and once more when the background check's findings arrive) and kept
/// until the collection changes: a pass over 50,000 exhibits is too slow to repeat for every
/// page of the filtered list.
enum ReadyForPrint {
    private static let cache = Mutex<(key: String, ready: [Bool])?>(nil)

    /// Whether each exhibit of `snapshot` is ready for print: with the errors of `captions
    /// check` in its file once the background check has ended (until then, its sign-off alone).
    static func flags(of snapshot: Snapshot) -> [Bool] {
        let findings = snapshot.findings
        let key = "\(snapshot.version) \(findings != nil) \(snapshot.collection.rootPath)"
        if let cached = cache.withLock({ $0 }), cached.key == key { return cached.ready }
        let readiness = LibraryBridge.printReadiness(of: snapshot.collection)
        let ready = snapshot.collection.exhibits.concurrentlyMapped {
            readiness.isReady($0, findings: findings?.byPath[$0.path] ?? [])
        }
        cache.withLock { $0 = (key, ready) }
        return ready
    }
}
