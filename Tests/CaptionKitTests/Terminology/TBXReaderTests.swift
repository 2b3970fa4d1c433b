import Foundation
import Testing

@testable import CaptionKit

/// Reading TBX files and merging their entries into a glossary.
@Suite struct TBXReaderTests {
    static func read(_ text: String) throws -> [TBXEntry] {
        let folder = try TestCollection(files: [("t.tbx", text)])
        return try TBXReader.read(path: folder.root + "/t.tbx")
    }

    @Test func statusesOrderTheTermsAndMarkTheForbiddenOnes() throws {
        let entries = try Self.read(
            """
            <martif type="TBX-Basic"><text><body>
            <termEntry id="arch">
              <descrip type="definition">The monument.</descrip>
              <note>Do not translate: keep the term as it is.</note>
              <langSet xml:lang="en">
                <tig><term>Sorrow Arch</term>
                  <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
                <ntig><termGrp><term>Arch of <hi>Sorrow</hi></term>
                  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
                <tig><term>Arch of Grief</term>
                  <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
              </langSet>
            </termEntry>
            </body></text></martif>
            """)
        #expect(entries.count == 1)
        #expect(entries[0].id == "arch")
        #expect(entries[0].location.line == 2 && entries[0].location.column == 1)
        #expect(entries[0].terms == ["en": ["Arch of Sorrow", "Sorrow Arch"]])
        #expect(entries[0].forbidden == ["en": ["Arch of Grief"]])
        #expect(entries[0].note == "The monument.")
        #expect(entries[0].doNotTranslate)
    }

    @Test func tbxVersion3IsReadToo() throws {
        let entries = try Self.read(
            """
            <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" xml:lang="ru"><text><body>
            <conceptEntry id="kurt"><langSec xml:lang="ru"><termSec><term>курт</term></termSec></langSec>
            <langSec xml:lang="en"><termSec><term>kurt</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """)
        #expect(entries.map(\.terms) == [["ru": ["курт"], "en": ["kurt"]]])
    }

    @Test func languagesAreMatchedByTagOrPrimaryLanguageAndIDsAreMadeUnique() throws {
        let config = try ConfigParser.parse(text: "languages: [kk, ru, en]\nsource: ru\n", path: "captions.yml")
        let glossary = try GlossaryParser.parse(
            text: "- id: kurt\n  ru: курт\n  en: kurt\n", path: "glossary.yml", languages: config.languages)
        var merge = GlossaryMerge(glossary, config: config)
        #expect(merge.language("EN-gb") == "en" && merge.language("KK") == "kk" && merge.language("de") == nil)
        let location = SourceLocation(path: "t.tbx", line: 1, column: 1)
        // Same id, other source term: the same concept (by id) with other terms is a conflict.
        #expect(try merge.merge(TBXEntry(id: "kurt", location: location, terms: ["ru": ["сыр"]])) == .conflict)
        // New concepts: an id from the TBX id, from the term, or numbered when taken.
        #expect(
            try merge.merge(TBXEntry(id: "Old Town!", location: location, terms: ["ru": ["старый город"]]))
                == .added("old-town"))
        #expect(
            try merge.merge(TBXEntry(id: nil, location: location, terms: ["ru": ["степь"], "en-US": ["steppe"]]))
                == .added("steppe"))
        #expect(
            try merge.merge(TBXEntry(id: nil, location: location, terms: ["ru": ["ковыль"], "en": ["Steppe"]]))
                == .added("steppe-2"))
        #expect(try merge.merge(TBXEntry(id: nil, location: location, terms: ["de": ["Steppe"]])) == .skipped)
        #expect(
            merge.warnings.map(\.message) == [
                "entry has no allowed term in the collection's languages (kk, ru, en); skipped"
            ])
        // What is written reads back as the glossary plus the new entries.
        let text = "- id: kurt\n  ru: курт\n  en: kurt\n" + GlossaryMerge.yaml(merge.added, languages: config.languages)
        let back = try GlossaryParser.parse(text: text, path: "glossary.yml", languages: config.languages)
        #expect(back.entries.map(\.id) == ["kurt", "old-town", "steppe", "steppe-2"])
        #expect(back.entries[2].terms == ["ru": ["степь"], "en": ["steppe"]])
    }

    @Test func awkwardTermsAreWrittenSoTheyReadBack() throws {
        let config = try ConfigParser.parse(text: "languages: [ru, en]\nsource: ru\n", path: "captions.yml")
        var merge = GlossaryMerge(Glossary(entries: [], path: nil), config: config)
        let location = SourceLocation(path: "t.tbx", line: 1, column: 1)
        let terms = ["ru": ["«Кавычки»: и двоеточие", "a, b"], "en": ["#hash", "[x]"]]
        _ = try merge.merge(
            TBXEntry(
                id: "odd", location: location, terms: terms, forbidden: ["en": ["yes", "- dash"]],
                note: "Line\nbreak \"q\""))
        let text = GlossaryMerge.yaml(merge.added, languages: config.languages)
        let back = try GlossaryParser.parse(text: text, path: "glossary.yml", languages: config.languages)
        #expect(back.entries.first?.terms == terms)
        #expect(back.entries.first?.forbidden == ["en": ["yes", "- dash"]])
        #expect(back.entries.first?.note == "Line\nbreak \"q\"")
    }

    @Test func theCommentNamingTheFileStaysOneLine() throws {
        let config = try ConfigParser.parse(text: "languages: [ru, en]\nsource: ru\n", path: "captions.yml")
        var merge = GlossaryMerge(Glossary(entries: [], path: nil), config: config)
        let location = SourceLocation(path: "t.tbx", line: 1, column: 1)
        _ = try merge.merge(TBXEntry(id: "kurt", location: location, terms: ["ru": ["курт"], "en": ["kurt"]]))
        let text = GlossaryMerge.appending(
            merge.added, importedFrom: "/in/a\nb\u{2028}c.tbx", to: "", languages: config.languages)
        #expect(text == "# Imported from a?b?c.tbx by captions import\n- id: kurt\n  ru: курт\n  en: kurt\n")
        let back = try GlossaryParser.parse(text: text, path: "glossary.yml", languages: config.languages)
        #expect(back.entries.map(\.id) == ["kurt"])
    }

    @Test func bytesInMemoryReadAsAFileDoes() throws {
        let text = """
            <martif type="TBX-Basic"><text><body><termEntry id="k"><langSet xml:lang="ru">
            <tig><term>курт</term></tig></langSet></termEntry></body></text></martif>
            """
        let folder = try TestCollection(files: [("t.tbx", text), ("bad.tbx", "<martif><text>\n</martif>")])
        var fromFile = try TBXReader.read(path: folder.root + "/t.tbx")
        for index in fromFile.indices {
            fromFile[index].location.path = "t.tbx"
            for tag in fromFile[index].languageLocations.keys { fromFile[index].languageLocations[tag]?.path = "t.tbx" }
        }
        #expect(try TBXReader.parse(Data(text.utf8), path: "t.tbx") == fromFile)
        var fileError: CaptionError?
        do { _ = try TBXReader.read(path: folder.root + "/bad.tbx") } catch { fileError = error }
        var dataError: CaptionError?
        do { _ = try TBXReader.parse(Data("<martif><text>\n</martif>".utf8), path: folder.root + "/bad.tbx") } catch {
            dataError = error
        }
        #expect(fileError != nil && dataError == fileError)
    }
}
