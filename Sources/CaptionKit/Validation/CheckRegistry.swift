/// The ordered list of every check `captions check` runs.
///
/// Hand-written on purpose: a test guards it (unique kebab-case ids, examples on every check).
enum CheckRegistry {
    /// Every check, in the order their findings are documented.
    static let all: [any CaptionCheck.Type] = [
        InvalidYAMLCheck.self,
        InvalidValueCheck.self,
        SkippedFileCheck.self,
        InvalidIDCheck.self,
        DuplicateIDCheck.self,
        IDFileMismatchCheck.self,
        UnknownFieldCheck.self,
        UnknownLanguageCheck.self,
        MissingFieldCheck.self,
        MissingTranslationCheck.self,
        EmptyTextCheck.self,
        StaleTranslationCheck.self,
        NotReviewedCheck.self,
        NotApprovedCheck.self,
        NumberMismatchCheck.self,
        MixedScriptCheck.self,
        WrongScriptCheck.self,
        KazakhLooksRussianCheck.self,
        RussianHasKazakhLettersCheck.self,
        TooLongCheck.self,
        OverflowsPanelCheck.self,
        PanelFontMissingCheck.self,
        LongSentenceCheck.self,
        LengthRatioCheck.self,
        UntranslatedCheck.self,
        TermMismatchCheck.self,
        ForbiddenTermCheck.self,
        WhitespaceCheck.self,
        NotNormalizedCheck.self,
        PunctuationMismatchCheck.self,
        ParagraphMismatchCheck.self,
        RepeatedWordCheck.self,
        InvalidIgnoreCheck.self,
        UnusedExceptionCheck.self,
    ]

    /// The ids of every check.
    static var ids: [String] { all.map { $0.description.id } }

    /// The check type with `id`, or `nil`.
    static func check(id: String) -> (any CaptionCheck.Type)? {
        all.first { $0.description.id == id }
    }
}
