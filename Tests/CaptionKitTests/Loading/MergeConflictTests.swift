import Foundation
import Testing

@testable import CaptionKit

/// Conflict markers a git merge leaves: every file read as YAML or JSON names them at the
/// `<<<<<<<` line, with a recipe that fits where the conflict is.
@Suite struct MergeConflictTests {
    static let recordAdvice = """
        unresolved merge conflict in the translations record: keep what both sides added (one line per language; \
        of two sign-offs of one text, the later), delete the <<<<<<<, ======= and >>>>>>> lines and check again
        """
    static let versionsAdvice = """
        unresolved merge conflict: choose one of the two versions (or combine them by hand), delete the <<<<<<<, \
        ======= and >>>>>>> lines and check again
        """
    static let versionsAdviceWithBase = """
        unresolved merge conflict: choose one of the two versions (or combine them by hand), delete the <<<<<<< \
        line, the ||||||| line and the original lines under it, the ======= and >>>>>>> lines and check again
        """

    static let head = "id: kurt\ntitle:\n  kk: Құрт\n"
    static let record = "translations:  # machine-owned: source fingerprints of translations; do not edit\n"

    func findings(_ text: String) -> [String] {
        ExhibitParser.parse(text: text, path: "Captions/g/kurt.yml", relativePath: "g/kurt.yml").loadFindings.map {
            "\($0.location.line):\($0.location.column) \($0.message)"
        }
    }

    @Test func aConflictInACaptionsTextAsksToChooseAVersion() {
        // Following the record's recipe here would keep `ru:` twice.
        let text = Self.head + "<<<<<<< HEAD\n  ru: Курт\n=======\n  ru: Сушёный курт\n>>>>>>> b\n  en: Kurt\n"
        #expect(findings(text) == ["4:1 \(Self.versionsAdvice)"])
        // Inside a `|` block, where keeping both sides would keep both versions of a sentence.
        let block = "id: kurt\ntext:\n  ru: |\n    Общее.\n<<<<<<< HEAD\n    Первое.\n=======\n    Второе.\n>>>>>>> b\n"
        #expect(findings(block) == ["5:1 \(Self.versionsAdvice)"])
    }

    @Test func aConflictInTheRecordGivesTheRecordsRecipe() {
        let text =
            Self.head + "  ru: Курт\n" + Self.record + "  title:\n"
            + "<<<<<<< HEAD\n    kk: c1acebfa 5f48799e reviewed 2026-12-03 AB\n=======\n"
            + "    en: c1acebfa 0a1b2c3d reviewed 2026-12-03 CD\n>>>>>>> b\n"
        #expect(findings(text) == ["7:1 \(Self.recordAdvice)"])
    }

    @Test func aConflictThatAddsTopLevelKeysIsNotTheRecords() {
        // Both sides added the record: keeping both would write `translations:` twice.
        let text =
            Self.head + "<<<<<<< HEAD\n" + Self.record + "  title: { kk: c1acebfa }\n=======\n" + Self.record
            + "  title: { en: c1acebfa }\n>>>>>>> b\n"
        #expect(findings(text) == ["4:1 \(Self.versionsAdvice)"])
    }

    @Test func eachConflictIsReportedWithItsOwnRecipe() {
        let text =
            Self.head + "<<<<<<< HEAD\n  ru: Курт\n=======\n  ru: Сушёный курт\n>>>>>>> b\n" + Self.record
            + "  title:\n<<<<<<< HEAD\n    kk: c1acebfa\n=======\n    en: c1acebfa\n>>>>>>> b\n"
        #expect(findings(text) == ["4:1 \(Self.versionsAdvice)", "11:1 \(Self.recordAdvice)"])
    }

    @Test func theDiff3StylesBaseSectionIsNamedToo() {
        // merge.conflictStyle=diff3: the lines both sides started from, after `|||||||`.
        let text =
            Self.head
            + "<<<<<<< HEAD\n  ru: Курт\n||||||| merged common ancestors\n  ru: Курт.\n=======\n  ru: Сушёный курт\n"
            + ">>>>>>> b\n"
        #expect(findings(text) == ["4:1 \(Self.versionsAdviceWithBase)"])
        let inRecord =
            Self.head + Self.record + "<<<<<<< ours\n  title: { kk: 00000000 }\n||||||| base\n"
            + "  title: { kk: c1acebfa }\n=======\n  title: { kk: 11111111 }\n>>>>>>> theirs\n"
        #expect(
            findings(inRecord) == [
                """
                5:1 unresolved merge conflict in the translations record: keep what both sides added (one line per \
                language; of two sign-offs of one text, the later), delete the <<<<<<< line, the ||||||| line and \
                the original lines under it, the ======= and >>>>>>> lines and check again
                """
            ])
    }

    @Test func markerLinesAreGitsOwn() {
        // Seven characters, then a label or the line's end (CR LF too); longer runs are text.
        let conflicts = MergeConflict.all(
            in: Array("a: 1\r\n<<<<<<<\r\n||||||| base\r\n=======\r\n>>>>>>>\r\n<<<<<<<< no\n=======x\n".utf8))
        #expect(conflicts == [MergeConflict(line: 2, hasBase: true, isInTranslationsRecord: false)])
        #expect(MergeConflict.all(in: Array("a: |\n  <<<<<<< indented\n".utf8)).isEmpty)
        // A conflict the file ends inside is still one.
        #expect(MergeConflict.all(in: Array("<<<<<<< HEAD\na: 1\n".utf8)).map(\.line) == [1])
    }

    @Test func captionsYmlAndTheGlossaryNameTheConflictAtItsMarker() {
        let config = "languages: [kk, ru, en]\n<<<<<<< HEAD\nsource: ru\n=======\nsource: kk\n>>>>>>> b\n"
        #expect {
            _ = try ConfigParser.parse(text: config, path: "Captions/captions.yml")
        } throws: { error in
            (error as? CaptionError)?.description == "Captions/captions.yml:2:1: error: \(Self.versionsAdvice)"
        }
        let glossary =
            "- id: a\n  kk: Арка\n<<<<<<< HEAD\n- id: b\n  kk: Бар\n=======\n- id: c\n  kk: Сай\n>>>>>>> b\n"
        #expect {
            _ = try GlossaryParser.parse(text: glossary, path: "Captions/glossary.yml", languages: ["kk"])
        } throws: { error in
            (error as? CaptionError)?.description == "Captions/glossary.yml:3:1: error: \(Self.versionsAdvice)"
        }
    }

    @Test func aBaselineWithConflictMarkersIsNamedAsOne() throws {
        let entry = #"{"check":"whitespace","field":"title","language":"en","message":"m","path":"g/k.yml"}"#
        let museum = try TestCollection(files: [
            (
                "captions-baseline.json",
                "{\n  \"version\": 1,\n  \"findings\": [\n<<<<<<< HEAD\n    \(entry)\n=======\n>>>>>>> b\n  ]\n}\n"
            )
        ])
        #expect {
            _ = try Baseline(contentsOf: museum.root + "/captions-baseline.json")
        } throws: { error in
            (error as? CaptionError)?.description
                == "\(museum.root)/captions-baseline.json:4:1: error: \(Self.versionsAdvice)"
        }
    }
}
