/// The findings `captions import` reports on XLIFF files (see ``XLIFFImporter``), each with its
/// description and examples; `captions check --explain ID` prints them.
enum XLIFFImportFinding: String, ReportedFinding {
    case importConflict = "import-conflict"
    case unknownUnit = "unknown-unit"
    case unsupportedMarkup = "unsupported-markup"
    case invalidOrder = "invalid-order"
    case targetLanguageMismatch = "target-language-mismatch"
    case sourceLanguageMismatch = "source-language-mismatch"
    case paragraphsMerged = "paragraphs-merged"
    case whitespaceDropped = "whitespace-dropped"
    case reviewNotRecorded = "review-not-recorded"
    case newerTextKept = "newer-text-kept"
    case newerTextReplaced = "newer-text-replaced"
    case markedUnfinished = "marked-unfinished"
    case copyOfSource = "copy-of-source"
    case translatorNote = "translator-note"

    /// What the finding is, with examples.
    var findingDescription: FindingDescription {
        switch self {
        case .importConflict: Self.conflict
        case .unknownUnit: Self.unknown
        case .unsupportedMarkup: Self.markup
        case .invalidOrder: Self.order
        case .targetLanguageMismatch: Self.targetLanguage
        case .sourceLanguageMismatch: Self.sourceLanguage
        case .paragraphsMerged: Self.paragraphs
        case .whitespaceDropped: Self.whitespace
        case .reviewNotRecorded: Self.review
        case .newerTextKept: Self.newer
        case .newerTextReplaced: Self.replaced
        case .markedUnfinished: Self.unfinished
        case .copyOfSource: Self.copy
        case .translatorNote: Self.translatorNoteDescription
        }
    }

    /// An exhibit `k` whose Russian title is "Курт".
    private static let kurt = ("g/k.yml", "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")

    /// A one-line `<trans-unit>` whose target is the XML `target`.
    private static func unit(_ id: String, _ source: String, _ target: String, state: String? = nil) -> String {
        let stateAttribute = state.map { " state=\"\($0)\"" } ?? ""
        return
            "    <trans-unit id=\"\(id)\"><source>\(source)</source><target\(stateAttribute)>\(target)</target></trans-unit>"
    }

    /// The exhibit `k` and a plain translation of its title: imported without a finding.
    private static let plainKurt = FindingExample(
        files: [kurt], input: xliff12(unit("k.title", "Курт", "Құрт ірімшігі")))

    /// A one-line `<trans-unit>` as `captions` exports it: with the mark of the target it was
    /// exported with (``ExportedTarget``), `exported`.
    private static func exportedUnit(_ id: String, _ source: String, _ target: String, exported: String) -> String {
        "    <trans-unit id=\"\(id)\"><source>\(source)</source><target>\(target)</target><context-group "
            + "purpose=\"information\"><context context-type=\"\(ExportedTarget.contextType12)\">"
            + "\(ExportedTarget.fingerprint(exported))</context></context-group></trans-unit>"
    }

    /// The exhibit `k` with the Kazakh title a curator changed after the export ("Құрт" then).
    private static let kurtChanged = ("g/k.yml", "id: k\ntitle:\n  kk: Құрт ірімшігі\n  ru: Курт\n  en: Kurt\n")

    private static let newer = FindingDescription(
        id: "newer-text-kept", name: "Newer Text Kept", command: .importXLIFF, severity: .warning,
        rationale: """
            The caption's translation changed in the caption file after the XLIFF file was exported (a \
            curator corrected it), and the translator returned the unit with the text it was exported \
            with. Applying it would put the old text back over the newer one, so the caption file keeps \
            its text. captions export marks each unit with a fingerprint of the target it exported; a \
            file without that mark (from another tool) cannot be told apart and is applied as before. A \
            target the translator changed is applied, also over a text changed since the export (it may \
            be the translator's own earlier delivery of the same file), with a newer-text-replaced \
            warning.
            """,
        remedy: """
            Nothing, usually: the newer text stays. If the translator should see it, export the unit \
            again.
            """,
        notReported: [
            FindingExample(files: [kurt], input: xliff12(exportedUnit("k.title", "Курт", "Құрт", exported: "Құрт"))),
            // Without the mark: applied.
            FindingExample(files: [kurtChanged], input: xliff12(unit("k.title", "Курт", "Құрт"))),
        ],
        reported: [
            FindingExample(
                files: [kurtChanged], input: xliff12(exportedUnit("k.title", "Курт", "Құрт", exported: "Құрт")))
        ])

    private static let replaced = FindingDescription(
        id: "newer-text-replaced", name: "Newer Text Replaced", command: .importXLIFF, severity: .warning,
        rationale: """
            The caption's translation changed in the caption file after the XLIFF file was exported (a \
            curator corrected it, or an earlier import of the same unit wrote it), and the translator \
            returned a text of their own, which is applied over it. The import cannot tell a curator's \
            correction from the translator's own earlier delivery, so it applies the returned text and \
            says so: the correction, if it was one, is in the report (and in the editor's review) as the \
            text replaced. captions export marks each unit with a fingerprint of the target it exported; \
            a file without that mark (from another tool) cannot be told apart and is applied without \
            this warning.
            """,
        remedy: """
            Look at the text replaced (the import's report, or the review on the editor's translators \
            page before applying). If it was a curator's correction, put it back and send it to the \
            translator, or ask the translator to start from it next time (export again).
            """,
        notReported: [
            // The caption as exported: the translator's change is simply applied.
            FindingExample(
                files: [kurt], input: xliff12(exportedUnit("k.title", "Курт", "Кептірілген құрт", exported: "Құрт"))),
            // Without the mark, the change cannot be seen.
            FindingExample(files: [kurtChanged], input: xliff12(unit("k.title", "Курт", "Кептірілген құрт"))),
        ],
        reported: [
            FindingExample(
                files: [kurtChanged],
                input: xliff12(exportedUnit("k.title", "Курт", "Кептірілген құрт", exported: "Құрт")))
        ])

    /// A one-line `<trans-unit approved="...">` (none when `approved` is `nil`) whose target has
    /// the `state` Translate Toolkit's `markfuzzy` writes.
    private static func draft(approved: String?) -> String {
        let attribute = approved.map { " approved=\"\($0)\"" } ?? ""
        return "    <trans-unit id=\"k.title\"\(attribute)><source>Курт</source>"
            + "<target state=\"needs-translation\">Құрт ірімшігі</target></trans-unit>"
    }

    private static let unfinished = FindingDescription(
        id: "marked-unfinished", name: "Marked Unfinished", command: .importXLIFF, severity: .warning,
        rationale: """
            The translation tool marks the unit as still needing work: XLIFF 1.2 approved="no" on the \
            <trans-unit> and a <target state> of new or needs-... (Weblate writes this for a string marked \
            "Needs editing", Translate Toolkit for a fuzzy unit). Its target is a draft, so it is not \
            imported: it counts as not translated, and the caption keeps its text. A state alone, without \
            approved="no", is ignored (OmegaT returns the export's state="needs-translation" on \
            the units it translated); XLIFF 2 has no such mark.
            """,
        remedy: """
            Finish the translation in the tool (in Weblate, clear "Needs editing" and save), download the \
            file again and import it.
            """,
        notReported: [
            FindingExample(files: [kurt], input: xliff12(draft(approved: nil))),
            FindingExample(
                files: [kurt], input: xliff12(unit("k.title", "Курт", "Құрт ірімшігі", state: "translated"))),
        ],
        reported: [
            FindingExample(files: [kurt], input: xliff12(draft(approved: "no")))
        ])

    /// An exhibit `a` whose Russian title, «Арка скорби», has two words, and no Kazakh title.
    private static let arch = ("g/a.yml", "id: a\ntitle:\n  ru: Арка скорби\n")
    /// An exhibit `z` whose Russian title is the one word «АЛЖИР», and no Kazakh title.
    private static let alzhir = ("g/z.yml", "id: z\ntitle:\n  ru: АЛЖИР\n")

    /// A one-line `<trans-unit>` as `captions export` writes it with the mark of whether its
    /// target was prefilled (``ExportedTarget``): empty before, so translated by the translator.
    private static func unprefilledUnit(_ id: String, _ source: String, _ target: String) -> String {
        "    <trans-unit id=\"\(id)\"><source>\(source)</source><target state=\"translated\">\(target)</target>"
            + "<context-group purpose=\"information\"><context context-type=\"\(ExportedTarget.prefilledContextType12)\">"
            + "no</context></context-group></trans-unit>"
    }

    private static let copy = FindingDescription(
        id: "copy-of-source", name: "Copy of Source", command: .importXLIFF, severity: .warning,
        rationale: """
            The translator returned the source text as the translation, and captions check would report \
            it as untranslated (a copy of the source: at least min-words words, not in the check's allow \
            list, not only do-not-translate glossary terms, no ignore: entry for it). So it is not \
            imported: it counts as not translated, and the caption keeps its text. A text the check \
            accepts (a one-word name such as АЛЖИР) is imported, unless the caption has another \
            translation it would replace (Курт returned over Құрт: more likely a CAT tool's "copy source \
            to target" than a translation), which is kept, with this warning. Only a target the \
            translator confirmed (a state of translated or higher) is decided so: one nobody confirmed \
            (the copy of captions export --prefill-target, or a tool's fill-in of a segment nobody \
            translated) is not translated either, without this warning.
            """,
        remedy: """
            Have the text translated. If it is right as it is in the target language, allow it (the \
            untranslated check's allow list or min-words, or an ignore: entry in the caption file) and \
            import the file again; over another translation, change the caption file itself.
            """,
        notReported: [
            FindingExample(files: [alzhir], input: xliff12(unprefilledUnit("z.title", "АЛЖИР", "АЛЖИР"))),
            // A file without the mark (an export before it, another tool's): not translated, as before.
            FindingExample(files: [arch], input: xliff12(unit("a.title", "Арка скорби", "Арка скорби"))),
        ],
        reported: [
            FindingExample(files: [arch], input: xliff12(unprefilledUnit("a.title", "Арка скорби", "Арка скорби"))),
            FindingExample(files: [kurt], input: xliff12(unprefilledUnit("k.title", "Курт", "Курт"))),
        ])

    /// The title unit of `k` translated as "Құрт", with `notes` (XML) after its target; with
    /// `exported`, carrying the mark of a `captions` export.
    private static func unitWithNotes(_ notes: String, exported: Bool = false) -> String {
        let mark =
            exported
            ? "<context-group purpose=\"information\"><context context-type=\"\(ExportedTarget.contextType12)\">"
                + "\(ExportedTarget.fingerprint("Құрт"))</context></context-group>" : ""
        return "    <trans-unit id=\"k.title\"><source>Курт</source><target>Құрт</target>\(mark)\(notes)</trans-unit>"
    }

    private static let translatorNoteDescription = FindingDescription(
        id: "translator-note", name: "Translator Note", command: .importXLIFF, severity: .note,
        rationale: """
            The translator wrote a note on the unit in their translation tool (a question about a term, a \
            doubt about the source, a remark for the curator): a <note> that captions export did not \
            write. A caption file has no place for a translator's notes, so the import names each one, \
            with its text, at the note in the XLIFF file; the unit's target is imported as usual. The \
            notes captions writes carry from="captions" (XLIFF 1.2) or one of its categories (2.0: \
            exhibit, limit, location, stale, same-as-source, source-diff); in a 1.2 file exported before \
            notes were marked so, a note without from cannot be told from the export's own and is not \
            named.
            """,
        remedy: """
            Read the note and answer the translator; if it points at a mistake in the source or a term, \
            correct the caption file or the glossary. Trados comments (sdl:cmt) and memoQ comments are \
            not XLIFF notes and are not read: ask for them in the tool's comment report.
            """,
        notReported: [
            FindingExample(
                files: [kurt],
                input: xliff12(unitWithNotes("<note from=\"captions\">Caption file g/k.yml, field title.</note>"))),
            // An export before notes were marked: its unmarked notes cannot be told apart.
            FindingExample(
                files: [kurt],
                input: xliff12(unitWithNotes("<note>Caption file g/k.yml, field title.</note>", exported: true))),
        ],
        reported: [
            FindingExample(
                files: [kurt],
                input: xliff12(
                    unitWithNotes(
                        "<note from=\"captions\">Caption file g/k.yml, field title.</note>"
                            + "<note from=\"translator\">Курт: the cheese, not the name?</note>"))),
            FindingExample(
                files: [kurt], input: xliff12(unitWithNotes("<note>Курт: the cheese, not the name?</note>"))),
            // 2.0: a category captions does not write (Translate Toolkit's, in the segment).
            FindingExample(
                files: [kurt],
                input: (
                    "kk.xlf",
                    """
                    <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
                      <file id="f1"><unit id="k.title">
                        <notes><note category="location">Caption file g/k.yml, field title.</note></notes>
                        <segment><source>Курт</source><target>Құрт</target>
                          <notes><note category="translator">Курт: the cheese, not the name?</note></notes>
                        </segment>
                      </unit></file>
                    </xliff>

                    """
                )),
        ])

    /// A Kazakh XLIFF 1.2 file with `units` (lines of `<trans-unit>`s) in its body.
    private static func xliff12(_ units: String) -> (path: String, text: String) {
        (
            "kk.xlf",
            """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
              <file original="Captions" source-language="ru" target-language="kk" datatype="plaintext"><body>
            \(units)
              </body></file>
            </xliff>

            """
        )
    }

    private static let conflict = FindingDescription(
        id: "import-conflict", name: "Import Conflict", command: .importXLIFF, severity: .error,
        rationale: """
            A translation was not applied because it may no longer fit its source: the Russian (source) \
            text of the caption was edited after the XLIFF file was exported, so the translation was made \
            from the old text (or the translation tool altered the unit's <source>: when the caption's text \
            is still the one its recorded translation was made from, the message says so); or the same unit \
            comes back translated differently in two files imported \
            together, and the tool cannot know which one is meant. Neither copy is applied; the other \
            translations of the file are (unless --atomic). (A unit twice in one file makes the whole \
            file refused: exit 2, nothing written.)
            """,
        remedy: """
            For a changed source, export again (captions export xliff --needed) and have the unit \
            translated from the current text; the note under the finding shows both texts. For a <source> \
            the tool altered, put the caption's text back into it if the translation fits, or export again. For two \
            translations, keep one: delete or correct the other copy, then import again.
            """,
        notReported: [
            plainKurt
        ],
        reported: [
            FindingExample(
                files: [("g/k.yml", "id: k\ntitle:\n  ru: Курт (сушёный сыр)\n")],
                input: xliff12(unit("k.title", "Курт", "Құрт ірімшігі")))
        ])

    private static let unknown = FindingDescription(
        id: "unknown-unit", name: "Unknown Unit", command: .importXLIFF, severity: .error,
        rationale: """
            A unit's id (<exhibit id>.<field>) names no caption of the collection: the exhibit was renamed \
            or deleted after the export, its file cannot be read, two files share its id, the field does \
            not exist, or the file was exported from another collection. The unit is not applied.
            """,
        remedy: """
            Check that the file belongs to this collection (--path); if the exhibit was renamed, export \
            again and translate the new unit; fix an unreadable caption file (captions check names the \
            problem) and import again.
            """,
        notReported: [
            plainKurt
        ],
        reported: [
            FindingExample(
                files: [kurt],
                input: xliff12(
                    unit("kurt.title", "Курт", "Құрт ірімшігі")))
        ])

    private static let markup = FindingDescription(
        id: "unsupported-markup", name: "Unsupported Markup", command: .importXLIFF, severity: .error,
        rationale: """
            A unit's source or target holds an inline code (such as <x/>, <ph>, <bpt> or <it>) that caption \
            text cannot hold: captions are plain text, and dropping the code could lose words. An XLIFF 2 \
            <cp/> whose value is no code point, or a control character that XML cannot carry, is refused the \
            same way. The unit is not applied. Paired codes around text (<g> in XLIFF 1.2, <pc> and <mrk> in XLIFF 2) are kept as \
            their text.
            """,
        remedy: """
            Ask the translator to remove the code in the translation tool and type the text plainly, then \
            import the file again.
            """,
        notReported: [
            FindingExample(
                files: [kurt],
                input: xliff12(
                    unit("k.title", "Курт", #"<g id="1">Құрт</g> ірімшігі"#)
                ))
        ],
        reported: [
            FindingExample(
                files: [kurt],
                input: xliff12(
                    unit("k.title", "Курт", #"Құрт<x id="1"/> ірімшігі"#)
                ))
        ])

    /// A one-line `<trans-unit>` whose `<target>` says it is in `language`.
    private static func unit(_ id: String, _ source: String, _ target: String, language: String) -> String {
        "    <trans-unit id=\"\(id)\"><source>\(source)</source><target xml:lang=\"\(language)\">\(target)</target>"
            + "</trans-unit>"
    }

    private static let targetLanguage = FindingDescription(
        id: "target-language-mismatch", name: "Target Language Mismatch", command: .importXLIFF, severity: .error,
        rationale: """
            A unit's <target xml:lang> names another language than its file's target language (a tool \
            copied a language into the target, or the translator's tool was set to another language): \
            the import cannot know which language the text is in, and applying it could put one \
            language's text in another's place. The unit is not applied; the others are (unless --atomic). \
            A region added to the same language (kk-KZ in a kk file) is the same language.
            """,
        remedy: """
            Ask the translator which language the text is in; correct the text, or the target's \
            xml:lang, in the translation tool and import the file again.
            """,
        notReported: [
            FindingExample(files: [kurt], input: xliff12(unit("k.title", "Курт", "Құрт ірімшігі", language: "kk-KZ")))
        ],
        reported: [
            FindingExample(files: [kurt], input: xliff12(unit("k.title", "Курт", "Kurt cheese", language: "en")))
        ])

    /// A one-line `<trans-unit>` whose `<source>` says it is in `language`.
    private static func unit(_ id: String, _ source: String, _ target: String, sourceLanguage language: String)
        -> String
    {
        "    <trans-unit id=\"\(id)\"><source xml:lang=\"\(language)\">\(source)</source><target>\(target)</target>"
            + "</trans-unit>"
    }

    private static let sourceLanguage = FindingDescription(
        id: "source-language-mismatch", name: "Source Language Mismatch", command: .importXLIFF, severity: .error,
        rationale: """
            A unit's <source xml:lang> names another language than the collection's source language (the \
            translator's tool was set to translate from another language, or an edit changed it): what the \
            text was translated from is in doubt, and applying it could put the translation of another text in \
            the caption. The unit is not applied; the others are (unless --atomic). A region added to the \
            same language (ru-RU in a collection translated from ru) is the same language.
            """,
        remedy: """
            Ask the translator to set the translation tool's source language to the collection's (or to \
            correct the source's xml:lang) and send the file again.
            """,
        notReported: [
            FindingExample(
                files: [kurt], input: xliff12(unit("k.title", "Курт", "Құрт ірімшігі", sourceLanguage: "ru-RU")))
        ],
        reported: [
            FindingExample(
                files: [kurt], input: xliff12(unit("k.title", "Курт", "Құрт ірімшігі", sourceLanguage: "en")))
        ])

    /// An exhibit `t` whose Russian text is two sentences.
    private static let twoSentences = ("g/t.yml", "id: t\ntext:\n  ru: Первое. Второе.\n")

    /// A Kazakh XLIFF 2 file whose unit `t.text` has the targets `first`, ` ` and `second` with
    /// `order` attributes `orders`.
    private static func xliff20(orders: [String]) -> (path: String, text: String) {
        (
            "kk.xlf",
            """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
              <file id="f1">
                <unit id="t.text" xml:space="preserve">
                  <segment><source>Первое.</source><target order="\(orders[0])">Екінші.</target></segment>
                  <ignorable><source> </source><target order="\(orders[1])"> </target></ignorable>
                  <segment><source>Второе.</source><target order="\(orders[2])">Бірінші.</target></segment>
                </unit>
              </file>
            </xliff>

            """
        )
    }

    private static let order = FindingDescription(
        id: "invalid-order", name: "Invalid Target Order", command: .importXLIFF, severity: .error,
        rationale: """
            In XLIFF 2 a translator may reorder a unit's sentences with <target order="N">. An order that \
            is not a whole number from 1 to the number of the unit's segments and ignorables, that two \
            targets share, or that moves a target onto a place another target keeps, gives no single \
            text, so the unit is not applied.
            """,
        remedy: """
            Ask the translator to fix the order of the unit's segments in the translation tool (or remove \
            the order attributes and the reordering), then import again.
            """,
        notReported: [FindingExample(files: [twoSentences], input: xliff20(orders: ["3", "2", "1"]))],
        reported: [FindingExample(files: [twoSentences], input: xliff20(orders: ["3", "2", "4"]))])

    /// An exhibit `p` whose Russian text has two paragraphs.
    private static let twoParagraphs = ("g/p.yml", "id: p\ntext:\n  ru: \"Первое.\\n\\nВторое.\"\n")

    private static let paragraphs = FindingDescription(
        id: "paragraphs-merged", name: "Paragraphs Merged", command: .importXLIFF, severity: .warning,
        rationale: """
            The translation has fewer paragraphs than its source. Some translation tools join the lines \
            of a segment, and the paragraph breaks of the caption are lost. The translation is applied; \
            the warning asks someone to look.
            """,
        remedy: """
            Ask the translator whether the paragraphs were merged on purpose; if not, put the blank lines \
            back (in the caption file, or in the tool and import again).
            """,
        notReported: [
            FindingExample(
                files: [twoParagraphs],
                input: xliff12(
                    """
                        <trans-unit id="p.text" xml:space="preserve"><source>Первое.

                    Второе.</source><target>Бірінші.

                    Екінші.</target></trans-unit>
                    """))
        ],
        reported: [
            FindingExample(
                files: [twoParagraphs],
                input: xliff12(
                    """
                        <trans-unit id="p.text" xml:space="preserve"><source>Первое.

                    Второе.</source><target>Бірінші. Екінші.</target></trans-unit>
                    """))
        ])

    private static let whitespace = FindingDescription(
        id: "whitespace-dropped", name: "Whitespace Dropped", command: .importXLIFF, severity: .warning,
        rationale: """
            The target starts or ends with a line break and indentation that a tool added when it \
            pretty-printed the file without xml:space="preserve", while the source has none. That \
            whitespace is layout, not translation, so it is dropped and the rest of the text is applied; \
            the warning says so in case the translator meant it.
            """,
        remedy: """
            Nothing, usually. If the translator did mean the line break, add it in the caption file; to \
            avoid the warning, have the tool keep xml:space="preserve" (as exported).
            """,
        notReported: [
            plainKurt
        ],
        reported: [
            FindingExample(
                files: [kurt],
                input: xliff12(
                    """
                        <trans-unit id="k.title"><source>Курт</source><target>
                            Құрт ірімшігі
                          </target></trans-unit>
                    """))
        ])

    /// An exhibit `s` whose Kazakh title was made from an older Russian title: stale.
    private static let stale = (
        "g/s.yml",
        "id: s\ntitle:\n  kk: Ескі\n  ru: Новое\ntranslations:  # machine-owned: source fingerprints of translations;"
            + " do not edit\n  title: { kk: deadbeef }\n"
    )

    private static let review = FindingDescription(
        id: "review-not-recorded", name: "Review Not Recorded", command: .importXLIFF, severity: .warning,
        rationale: """
            With --trust-states --by NAME, a unit returned unchanged whose state says reviewed or final \
            records a review. This unit is marked reviewed but no review was recorded: its caption's \
            translation is stale (made from an older source), another unit of the import changes or \
            contradicts the same text, or a lower state of the unit counts (memoQ's Reviewer1Confirmed \
            beside the export's state="translated", which the tool kept; a segment only translated). The \
            rest of the import goes on.
            """,
        remedy: """
            Bring the translation up to date (export --needed, translate, import) or resolve the other \
            unit, then record the review with captions review or by importing again with --trust-states; \
            for a lower state, record the review with the captions review command the warning names.
            """,
        notReported: [
            FindingExample(
                files: [kurt],
                input: xliff12(
                    unit("k.title", "Курт", "Құрт", state: "final")),
                trustStatesBy: "DK")
        ],
        reported: [
            FindingExample(
                files: [stale],
                input: xliff12(
                    unit("s.title", "Новое", "Ескі", state: "final")),
                trustStatesBy: "DK")
        ])
}
