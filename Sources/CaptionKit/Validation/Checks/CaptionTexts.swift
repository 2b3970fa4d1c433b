/// One caption text that the content checks look at: a configured field in a configured
/// language, with its analysis and the source-language text of the same field beside it.
///
/// A class: every content check walks the texts of every exhibit, and copying a struct of a
/// field, two translations and their analyses retained and released a dozen references each time.
final class CaptionText: Sendable {
    /// A text with its analysis.
    struct Analyzed: Sendable {
        /// The text in one language.
        let translation: Translation
        /// What the checks need to know about it.
        let analysis: TextAnalysis

        /// Analyses `translation`.
        init(_ translation: Translation) {
            self.translation = translation
            analysis = TextAnalysis(translation.text, language: translation.language)
        }

        /// The language tag.
        var language: String { translation.language }

        /// The text.
        var text: String { translation.text }
    }

    /// The field.
    let field: CaptionField
    /// The text in one language, analysed.
    let analyzed: Analyzed
    /// The source language's text of the same field, when this text is a translation of it
    /// (not the source itself) and the source is not blank.
    let source: Analyzed?

    /// Pairs a text with its field and source.
    init(field: CaptionField, analyzed: Analyzed, source: Analyzed?) {
        self.field = field
        self.analyzed = analyzed
        self.source = source
    }

    /// The text in one language.
    var translation: Translation { analyzed.translation }

    /// What the checks need to know about the text.
    var analysis: TextAnalysis { analyzed.analysis }

    /// `text (en)`: how messages name the text.
    var label: String { "\(field.name) (\(translation.language))" }

    /// The language tag.
    var language: String { translation.language }

    /// The text.
    var text: String { translation.text }
}

extension Exhibit {
    /// The non-blank texts of configured fields in configured languages, in file order, each
    /// analysed once (a source text once for all its translations).
    ///
    /// Blank texts are left to `empty-text`, unknown fields and languages to `unknown-field`
    /// and `unknown-language`; unreadable files give nothing.
    func captionTexts(in config: CollectionConfig) -> [CaptionText] {
        guard isReadable else { return [] }
        var texts: [CaptionText] = []
        for field in fields where config.hasField(field.name) {
            // Translations are read in place and copied only into the texts kept.
            let translations = field.translations
            let sourceIndex = field.translationIndex(config.source)
            let source = sourceIndex.flatMap { translations[$0].isBlank ? nil : CaptionText.Analyzed(translations[$0]) }
            for index in translations.indices
            where !translations[index].isBlank && config.languages.contains(translations[index].language) {
                // The source text itself is analysed once, for it and for its translations (an
                // analysis depends only on the translation, so any equal one could share it).
                let analyzed =
                    index == sourceIndex
                    ? source ?? CaptionText.Analyzed(translations[index]) : CaptionText.Analyzed(translations[index])
                texts.append(
                    CaptionText(
                        field: field, analyzed: analyzed,
                        source: translations[index].language == config.source ? nil : source))
            }
        }
        return texts
    }
}

extension CaptionCheck {
    /// A finding about one caption text, pointing at the start of its value.
    ///
    /// Content checks point at the value (the first character of a plain scalar, the opening
    /// quote, or the `|` of a block scalar) rather than at the offending word inside it: a
    /// column inside the text maps to the file exactly only for single-line scalars without
    /// escapes, so the message names the word or number instead.
    func finding(about text: CaptionText, of exhibit: Exhibit, _ message: String) -> Diagnostic {
        finding(
            at: text.translation.valueLocation, message, exhibit: exhibit, field: text.field.name,
            language: text.language)
    }
}

extension CaptionCheck {
    /// One finding for each caption text of `exhibit` for which `message` gives a message.
    func findings(in exhibit: Exhibit, _ analysis: ExhibitAnalysis, message: (CaptionText) -> String?) -> [Diagnostic] {
        analysis.texts.compactMap { text in
            message(text).map { finding(about: text, of: exhibit, $0) }
        }
    }
}

extension CheckExample {
    /// A complete title in kk, ru and en (after a line break), to end examples about other keys.
    static let kurtTitle = "\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"
}
