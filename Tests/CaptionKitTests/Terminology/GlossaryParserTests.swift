import Testing

@testable import CaptionKit

@Suite struct GlossaryParserTests {
    static func parse(_ text: String) throws(CaptionError) -> Glossary {
        try GlossaryParser.parse(text: text, path: "Captions/glossary.yml", languages: ["kk", "ru", "en"])
    }

    @Test func readsEntriesWithVariantsForbiddenTermsAndOptions() throws {
        let glossary = try Self.parse(
            """
            - id: arch-of-sorrow
              kk: Қасірет аркасы
              ru: [Арка скорби, арка Скорби]   # variants
              en: Arch of Sorrow
              forbidden: { en: [Arch of Grief] }
              note: The monument at the entrance.
            - id: alzhir
              do-not-translate: true
              case: exact
              kk: АЛЖИР
              ru: АЛЖИР
              en: ALZHIR
            """)
        #expect(glossary.entries.map(\.id) == ["arch-of-sorrow", "alzhir"])
        let arch = glossary.entries[0]
        #expect(
            arch.terms == ["kk": ["Қасірет аркасы"], "ru": ["Арка скорби", "арка Скорби"], "en": ["Arch of Sorrow"]])
        #expect(arch.forbidden == ["en": ["Arch of Grief"]])
        #expect(arch.note == "The monument at the entrance.")
        #expect(!arch.doNotTranslate && !arch.caseExact)
        #expect(glossary.entries[1].doNotTranslate && glossary.entries[1].caseExact)
        #expect(glossary.entries[1].location == SourceLocation(path: "Captions/glossary.yml", line: 7, column: 3))
    }

    /// Each malformed glossary gives one located error line.
    @Test(arguments: [
        (
            "id: x\n",
            "Captions/glossary.yml:1:1: error: glossary.yml must be a list of entries such as '- id: alzhir', "
                + "found a mapping"
        ),
        ("- id: a\n  kk: А\n  nte: x\n", "Captions/glossary.yml:3:3: error: unknown key 'nte'; did you mean 'note'?"),
        ("- id: a\n  kz: А\n", "Captions/glossary.yml:2:3: error: unknown key 'kz'; did you mean 'kk'?"),
        ("- id: a\n  ru: x\n  ru: y\n", "Captions/glossary.yml:3:3: error: duplicate key 'ru'; the first is at line 2"),
        (
            "- id: a\n  de: Bogen\n",
            "Captions/glossary.yml:2:3: error: language 'de' is not one of the collection's languages (kk, ru, en)"
        ),
        ("- kk: А\n", "Captions/glossary.yml:1:3: error: a glossary entry needs an id such as 'id: arch-of-sorrow'"),
        (
            "- id: a\n",
            "Captions/glossary.yml:1:3: error: entry 'a' has no term; add one per language such as 'kk: АЛЖИР'"
        ),
        (
            "- id: a\n  kk: А\n- id: a\n  ru: Б\n",
            "Captions/glossary.yml:3:7: error: duplicate entry id 'a' (first at line 1)"
        ),
        (
            "- id: a\n  kk: [А, { x: 1 }]\n",
            "Captions/glossary.yml:2:11: error: kk must be a term or a list of terms, found a mapping"
        ),
        (
            "- id: a\n  kk: А\n  case: upper\n",
            "Captions/glossary.yml:3:9: error: case must be exact or ignore, found 'upper'"
        ),
        (
            "- id: a\n  kk: А\n  forbidden: [x]\n",
            "Captions/glossary.yml:3:14: error: forbidden must be a mapping such as '{ en: [Arch of Grief] }'"
        ),
        (
            "- id: a\n  kk: А\n  do-not-translate: maybe\n",
            "Captions/glossary.yml:3:21: error: do-not-translate must be true or false"
        ),
        (
            "- id: a\n  kk: \"—\"\n",
            "Captions/glossary.yml:2:7: error: kk must be a term with at least one letter or digit"
        ),
        (
            "- id: a\n  kk: [Арка, \"New\\x7Fterm\"]\n",
            "Captions/glossary.yml:2:14: error: kk holds the control character U+007F, which no caption text can "
                + "match; remove it"
        ),
        (
            "- id: a\n  kk: Арка\n  note: \"First line\\r\\nsecond\"\n",
            "Captions/glossary.yml:3:9: error: note holds the control character U+000D, which a glossary cannot hold; "
                + "remove it"
        ),
        (
            "- id: a\n  kk: [x\n",
            "Captions/glossary.yml:3:1: error: invalid YAML: did not find expected ',' or ']' "
                + "(while parsing a flow sequence at line 2, column 7)"
        ),
    ])
    func malformedGlossariesAreLocated(_ text: String, _ expected: String) {
        #expect {
            _ = try Self.parse(text)
        } throws: { error in
            (error as? CaptionError)?.description == expected
        }
    }
}
