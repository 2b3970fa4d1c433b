import Dispatch
import Testing

@testable import CaptionKit

/// A configuration's glossary is compiled once (``CollectionConfig/terminology``) and shared by
/// its copies: the checks, the summary's copies and the editor's live checks read the same
/// compiled terms, and a changed glossary or language list is compiled afresh.
struct CompiledGlossaryTests {
    static let glossaryText = """
        - id: arch-of-sorrow
          kk: Қасірет аркасы
          ru: Арка скорби
          en: Arch of Sorrow
        """

    static func config(_ text: String = glossaryText) throws -> CollectionConfig {
        var config = CollectionConfig.default
        config.glossary = try GlossaryParser.parse(text: text, path: "glossary.yml", languages: config.languages)
        return config
    }

    /// The compiled language objects of `terminology`, for identity.
    static func compiled(_ terminology: Terminology?) throws -> [Terminology.Language] {
        try #require(terminology).languages
    }

    /// `forbidden-term` passes over the texts of a language without forbidden terms: only the
    /// languages the glossary forbids a term in say they have one.
    @Test func onlyALanguageWithForbiddenTermsSaysItHasThem() throws {
        let config = try Self.config(
            """
            - id: arch-of-sorrow
              kk: Қасірет аркасы
              ru: Арка скорби
              en: Arch of Sorrow
              forbidden: { en: [Arch of Grief] }
            - { id: alzhir, do-not-translate: true, kk: АЛЖИР }
            """)
        let terminology = try #require(config.terminology)
        #expect(try #require(terminology.language("en")).index.hasForbiddenTerms)
        #expect(try !#require(terminology.language("kk")).index.hasForbiddenTerms)
        #expect(try !#require(terminology.language("ru")).index.hasForbiddenTerms)
        // A do-not-translate name has every Kazakh text scanned, for it: not a forbidden term.
        #expect(terminology.scansEveryText("kk") && terminology.scansEveryText("en"))
        #expect(!terminology.scansEveryText("ru"))
    }

    @Test func copiesOfAConfigurationShareOneCompiledGlossary() throws {
        let config = try Self.config()
        let first = try Self.compiled(config.terminology)
        #expect(first.map(\.tag) == ["kk", "ru", "en"])
        let copy = config
        let context = CheckContext(config: config)
        for other in [config.terminology, copy.terminology, context.terminology] {
            let languages = try Self.compiled(other)
            #expect(languages.count == first.count)
            for (one, two) in zip(languages, first) { #expect(one === two) }
        }
    }

    @Test func aChangedGlossaryOrLanguageListIsCompiledAfresh() throws {
        var config = try Self.config()
        let before = try Self.compiled(config.terminology)
        let kept = config
        config.glossary = try GlossaryParser.parse(
            text: "- id: barrack\n  kk: барак\n  ru: барак\n  en: barrack\n", path: "glossary.yml",
            languages: config.languages)
        let after = try #require(config.terminology)
        #expect(after.glossary.entries.map(\.id) == ["barrack"])
        #expect(try #require(after.scan("Old barrack", language: "en")).matches.count == 1)
        #expect(try #require(after.scan("The Arch of Sorrow", language: "en")).matches.isEmpty)
        // The copy made before the change keeps the glossary it was made with, compiled once.
        #expect(try Self.compiled(kept.terminology)[0] === before[0])

        config.languages = ["kk", "ru"]
        #expect(try Self.compiled(config.terminology).map(\.tag) == ["kk", "ru"])
        #expect(config.terminology?.language("en") == nil)
    }

    @Test func aGlossaryWithoutEntriesCompilesToNothing() throws {
        #expect(CollectionConfig.default.terminology == nil)
        var config = try Self.config()
        config.glossary = .empty
        #expect(config.terminology == nil)
    }

    /// Configurations compare and hash by what they hold, whether their glossary was compiled
    /// yet or not.
    @Test func theCompiledGlossaryTakesNoPartInComparing() throws {
        let compiled = try Self.config()
        _ = compiled.terminology
        let fresh = try Self.config()
        #expect(compiled == fresh)
        #expect(compiled.hashValue == fresh.hashValue)
        var other = fresh
        other.glossary.entries[0].terms["en"] = ["Arch of Grief"]
        #expect(compiled != other)
    }

    /// Tasks that ask at the same time wait for one compilation and all get it.
    @Test func concurrentAsksGetOneCompilation() throws {
        let config = try Self.config()
        let slots = ResultSlots<Terminology.Language?>(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { task in
            slots.set(task, config.terminology?.languages.first)
        }
        let languages = slots.takeValues().compactMap { $0 }
        #expect(languages.count == 8)
        #expect(languages.allSatisfy { $0 === languages[0] })
    }
}
