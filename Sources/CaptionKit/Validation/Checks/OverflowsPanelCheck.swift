/// A text that needs more lines than its panel holds, measured with the panel's typeface.
///
/// For each field with a `panel:` whose font is installed, every language's text is typeset as
/// the signage export prints it (``Typography``), broken into lines by ``LineBreaker`` with the
/// width of each word shaped by HarfBuzz in the panel's font and size (``FontMeasure``), and its
/// lines counted against the panel's `max-lines`. Findings point at the text's value.
struct OverflowsPanelCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "overflows-panel",
        name: "Overflows Panel",
        rationale: """
            A text that needs more lines than its printed panel holds is found today by the sign maker, after \
            the text has gone to print. A field set on a panel (panel: NAME in fields, and the panel's font, \
            size-pt, leading-pt, width-mm and max-lines under panels: in captions.yml) is measured with the \
            real typeface: each language's text is typeset as the signage export prints it, every word shaped \
            with HarfBuzz (kerning on), the lines broken where the text files break them, and the blank line \
            between paragraphs counted as a line. The message says how many lines and about how many words \
            are too many. A word (or words the typography keeps together) wider than the panel is reported \
            too, however few the lines: it would run past the panel's edge. Where the panel's font is not installed (panel-font-missing), the field's max-chars \
            applies instead.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                text:
                  kk: Құрт — кептірілген ірімшік, көшпелілердің жол азығы.
                  ru: Курт — сушёный сыр, дорожная еда кочевников.
                  en: Kurt is a dried cheese, the travel food of nomads.
                """, config: exampleConfig),
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                text:
                  kk: Құрт — кептірілген ірімшік, көшпелілердің жол азығы, оны қыста да, жазда да жейді.
                  ru: Курт — сушёный сыр, дорожная еда кочевников, его едят и зимой, и летом.
                  en: Kurt is a dried cheese, the travel food of nomads, eaten in winter and in summer.
                """, config: "fields:\n  title: { required: true }\n  text: { required: true }\n"),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                text:
                  kk: ↓Құрт — кептірілген ірімшік, көшпелілердің жол азығы, оны қыста да, жазда да жейді.
                  ru: ↓Курт — сушёный сыр, дорожная еда кочевников, его едят и зимой, и летом.
                  en: Kurt is a dried cheese, the food of nomads.
                """, config: exampleConfig),
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                text:
                  kk: Құрт — кептірілген ірімшік.
                  ru: Курт — сушёный сыр.
                  en: ↓|-
                    Kurt is a dried cheese.

                    Nomads took it on the road.
                """, config: exampleConfig),
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                text:
                  kk: Құрт — кептірілген ірімшік.
                  ru: Курт — сушёный сыр.
                  en: ↓Kurt-is-a-dried-cheese-the-travel-food.
                """, config: exampleConfig),
        ]
    )

    /// The examples' panel: PT Sans (Debian fonts-paratype) at 24 pt, 120 mm wide, 2 lines.
    static let exampleConfig = """
        panels:
          object: { font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 120, max-lines: 2 }
        fields:
          title: { required: true }
          text: { required: true, panel: object }

        """

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        guard !context.panels.panels.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        var typesetTexts: [TypesetMemo.Text] = []
        defer { if !typesetTexts.isEmpty { context.typesetMemo?.keep(typesetTexts, path: exhibit.path) } }
        let keeps = context.typesetMemo?.keeps(path: exhibit.path) ?? false
        for text in analysis.texts {
            // Most short texts are certain to fit (MeasuredPanel.certainlyFits), the rest is measured.
            guard let panel = context.panels.panel(for: text.field.name), !panel.certainlyFits(text.text) else {
                continue
            }
            let typeset = Typography.typeset(text.text, language: text.language)
            let fit = panel.fit(typeset, language: text.language, recordingBreaks: keeps)
            if keeps {
                // A word wider than the panel has the export warn as it lays the text out again.
                typesetTexts.append(
                    TypesetMemo.Text(
                        field: text.field.name, language: text.language, text: text.text,
                        typeset: typeset,
                        panelBreaks: fit.widestWord > panel.lineWidth ? nil : fit.breaks))
            }
            findings += Self.messages(fit, on: panel, language: text.language, field: text.field.name).map {
                finding(about: text, of: exhibit, $0)
            }
        }
        return findings
    }

    /// The messages about `fit`, a text in `language` of `field` on `panel`: one when it needs
    /// more lines than the panel holds, one when a word is wider than the panel; none when it fits.
    /// The signage export says the same of the Latin-script Kazakh block it derives.
    static func messages(_ fit: PanelFit, on panel: MeasuredPanel, language: String, field: String) -> [String] {
        let profile = panel.profile
        let maxLines = profile.maxLines
        var messages: [String] = []
        if fit.lines > maxLines {
            messages.append(
                """
                \(language) \(field) needs \(fit.lines) lines at \
                \(PanelFit.number(profile.sizePt)) pt on the \(PanelFit.number(profile.widthMM)) mm panel; \
                \(maxLines) fit (\(CheckReporter.plural(fit.lines - maxLines, "line")), about \
                \(CheckReporter.plural(fit.overflowWords, "word")), too long)
                """)
        }
        if fit.widestWord > panel.lineWidth {
            let wide = PanelFit.number((panel.millimetres(fit.widestWord) * 10).rounded() / 10)
            messages.append(
                """
                \(language) \(field) has a word \(wide) mm wide at \
                \(PanelFit.number(profile.sizePt)) pt, wider than the \(PanelFit.number(profile.widthMM)) mm \
                panel: it runs past the panel's edge
                """)
        }
        return messages
    }
}

/// A panel whose typeface is not installed: fontconfig would silently measure another family.
struct PanelFontMissingCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "panel-font-missing",
        name: "Panel Font Missing",
        rationale: """
            A panel measured in the wrong typeface says nothing about the printed sign, and fontconfig silently \
            substitutes another family for one that is not installed. When a panel's font (a family, or a \
            font file relative to the collection folder) is not there, one warning at its font: value names \
            it (and the Debian package that installs it, when known), and the fields on that panel are held \
            to their max-chars instead of being measured (overflows-panel).
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                """, config: "fields:\n  title: { required: true, max-chars: 80 }\n")
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                """,
                config: """
                    panels:
                      title: { font: ↓No Such Typeface Sans, size-pt: 48, leading-pt: 56, width-mm: 300, max-lines: 2 }
                    fields:
                      title: { required: true, max-chars: 80, panel: title }

                    """)
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(collection: CaptionCollection, in context: CheckContext) -> [Diagnostic] {
        context.panels.problems.map { finding(at: $0.location, $0.message) }
    }
}
