import Foundation
import Testing

@testable import CaptionKit

/// Tags, anchors, aliases and merge keys are outside the YAML that caption files accept: each is
/// an `invalid-value` finding at its position in exhibit files and a located error in
/// `captions.yml`; `!!str` alone is accepted.
@Suite struct YAMLSubsetTests {
    let path = "Captions/kurt.yml"

    func parse(_ text: String) -> Exhibit {
        ExhibitParser.parse(text: text, path: path, relativePath: "kurt.yml")
    }

    /// `checkID path:line:column message` of each finding.
    func findings(_ text: String) -> [String] {
        parse(text).loadFindings.map {
            "\($0.checkID) \($0.location.line):\($0.location.column) \($0.message)"
        }
    }

    @Test func includeTagIsRefusedAtTheTagAndItsTextIsNotRead() throws {
        let exhibit = parse("id: kurt\ntitle:\n  ru: Курт\nnotes: !include /etc/passwd\n")
        #expect(
            findings("id: kurt\ntitle:\n  ru: Курт\nnotes: !include /etc/passwd\n") == [
                """
                invalid-value 4:8 the tag '!include' is not accepted in caption files (values are text; only \
                '!!str' is allowed); remove it
                """
            ])
        #expect(exhibit.notes == nil)
        #expect(exhibit.loadFindings.first?.exhibitID == "kurt")
    }

    @Test(arguments: [
        ("  ru: !!binary aGVsbG8=\n", "!!binary"),
        ("  ru: !!int 1984\n", "!!int"),
        ("  ru: !local text\n", "!local"),
        ("  ru: ! text\n", "!"),
        ("  ru: !<tag:example.com,2026:x> text\n", "tag:example.com,2026:x"),
        ("  ru: !!map { a: b }\n", "!!map"),
        ("  ru: !!str [a, b]\n", "!!str"),
    ])
    func everyTagButStrOnTextIsRefused(_ line: String, _ tag: String) throws {
        let exhibit = parse("id: kurt\ntitle:\n" + line)
        #expect(exhibit.loadFindings.map(\.checkID) == ["invalid-value"])
        let finding = try #require(exhibit.loadFindings.first)
        #expect(finding.location == SourceLocation(path: path, line: 3, column: 7))
        #expect(finding.message.hasPrefix("the tag '\(tag)' is not accepted"))
        #expect(finding.field == nil || finding.field == "title")
        #expect(exhibit.field("title")?.translations.isEmpty == true)
    }

    @Test func strTagIsTextAsWritten() {
        let exhibit = parse(
            "id: !!str kurt\ntitle:\n  ru: !!str 1984\n  en: !!str yes\n  kk: !!str\n"
                + "text:\n  ru: !!str |\n    Строка.\n"
        )
        #expect(exhibit.loadFindings.isEmpty)
        #expect(exhibit.id == "kurt")
        #expect(exhibit.field("title")?.translations.map(\.text) == ["1984", "yes", ""])
        #expect(exhibit.field("text")?.translations.map(\.text) == ["Строка."])
    }

    @Test func tagsOnKeysFieldsAndTheFileAreRefused() {
        #expect(
            findings("id: kurt\n!foo title:\n  ru: Курт\n").map { String($0.prefix(27)) } == [
                "invalid-value 2:1 the tag '"
            ])
        #expect(
            findings("id: kurt\ntitle: !!omap\n  ru: Курт\n").map { String($0.prefix(37)) } == [
                "invalid-value 2:8 the tag '!!omap' is"
            ])
        #expect(
            findings("--- !thing\nid: kurt\n").map { String($0.prefix(37)) } == [
                "invalid-value 1:5 the tag '!thing' is"
            ])
    }

    @Test func anchorsAndAliasesAreRefusedWhereTheyAreWritten() {
        let exhibit = parse("id: kurt\ntitle:\n  ru: &r Курт\n  kk: *r\n")
        #expect(
            findings("id: kurt\ntitle:\n  ru: &r Курт\n  kk: *r\n") == [
                "invalid-value 3:7 the anchor '&r' is not accepted in caption files; write each value out in full",
                "invalid-value 4:7 the alias '*r' is not accepted in caption files; write the value out in full",
            ])
        #expect(exhibit.field("title")?.translations.isEmpty == true)
    }

    @Test func aliasInTranslationsRecordIsRefused() {
        let text = "id: kurt\ntitle:\n  ru: Курт\ntranslations:\n  title: &t { kk: 12345678 }\n  text: *t\n"
        #expect(
            findings(text) == [
                "invalid-value 5:10 the anchor '&t' is not accepted in caption files; write each value out in full",
                "invalid-value 6:9 the alias '*t' is not accepted in caption files; write the value out in full",
            ])
    }

    @Test func mergeKeysAreRefused() {
        #expect(
            findings("id: kurt\n<<: { title: { ru: Курт } }\n") == [
                "invalid-value 2:1 merge keys ('<<') are not accepted in caption files; write the keys out in full"
            ])
        #expect(
            findings("id: kurt\ntitle:\n  <<: { ru: Курт }\n") == [
                "invalid-value 3:3 merge keys ('<<') are not accepted in caption files; write the keys out in full"
            ])
        #expect(
            findings("id: kurt\ntranslations:\n  title: { <<: x }\n") == [
                "invalid-value 3:12 merge keys ('<<') are not accepted in caption files; write the keys out in full"
            ])
        // A quoted '<<' is an ordinary name (here an unknown language, for the checks to judge).
        #expect(findings("id: kurt\ntitle:\n  '<<': Курт\n").isEmpty)
    }

    func configError(_ text: String) -> String? {
        do {
            _ = try ConfigParser.parse(text: text, path: "Captions/captions.yml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func configRefusesTagsAnchorsAliasesAndMergeKeys() throws {
        #expect(
            configError("languages: !include langs.yml\n")
                == """
                Captions/captions.yml:1:12: error: the tag '!include' is not accepted in caption files (values are \
                text; only '!!str' is allowed); remove it
                """)
        #expect(
            configError("languages: &l [kk, ru]\n")
                == """
                Captions/captions.yml:1:12: error: the anchor '&l' is not accepted in caption files; write each \
                value out in full
                """)
        #expect(
            configError("fields:\n  title: { max-chars: 80 }\n  text: { <<: {}, max-chars: 900 }\n")
                == """
                Captions/captions.yml:3:11: error: merge keys ('<<') are not accepted in caption files; write the \
                keys out in full
                """)
        #expect(configError("languages: [kk, ru]\nsource: *x\n")?.contains("1:1") == false)
        #expect(
            configError("languages: [kk, ru]\nsource: *x\n")?.hasPrefix("Captions/captions.yml:2:9: error:") == true)
        let config = try ConfigParser.parse(text: "languages: [!!str kk, ru]\nsource: !!str ru\n", path: "c.yml")
        #expect(config.languages == ["kk", "ru"])
        #expect(config.source == "ru")
    }
}
