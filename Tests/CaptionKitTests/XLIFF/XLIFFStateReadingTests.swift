import Foundation
import Testing

@testable import CaptionKit

/// The states the XLIFF reader finds for `import --trust-states`, and the manual's table.
@Suite struct XLIFFStateReadingTests {
    func states(_ text: String) throws -> [String: String] {
        let document = try XLIFFReader.parse(Data(text.utf8), path: "in.xlf")
        var found: [String: String] = [:]
        for unit in document.files.flatMap(\.units) {
            found[unit.id] = unit.state.map { "\($0.meaning.word) \($0.written)" } ?? "none"
        }
        return found
    }

    @Test func xliff12StateApprovedAndMemoQStatus() throws {
        let units = """
                  <trans-unit id="a.t"><source>А</source><target state="signed-off">A</target></trans-unit>
                  <trans-unit id="b.t" approved="yes"><source>Б</source><target state="translated">B</target></trans-unit>
                  <trans-unit id="c.t" approved="yes"><source>В</source><target>V</target></trans-unit>
                  <trans-unit id="d.t" approved="no"><source>Г</source><target>G</target></trans-unit>
                  <trans-unit id="e.t" mq:status="Reviewer1Confirmed"><source>Д</source><target>D</target></trans-unit>
                  <trans-unit id="f.t" mq:status="proofread"><source>Е</source><target state="final">E</target></trans-unit>
                  <trans-unit id="g.t"><source>Ж</source><target state="x-mine">Zh</target></trans-unit>
                  <trans-unit id="h.t" other:status="Proofread"><source>З</source><target>Z</target></trans-unit>
                  <trans-unit id="i.t"><source>И</source><target state="final">I</target>
                    <alt-trans><target state="new">x</target></alt-trans></trans-unit>
                  <trans-unit id="j.t" approved="yes"><source>Й</source><target state="needs-review-translation">J</target></trans-unit>
                  <trans-unit id="k.t" approved="yes"><source>К</source><target state="final">K</target></trans-unit>
                  <trans-unit id="l.t" approved="yes"><source>Л</source><target state="x-mine">L</target></trans-unit>
                  <trans-unit id="m.t" approved="yes" mq:status="ManuallyConfirmed"><source>М</source><target state="Translated">M</target></trans-unit>

            """
        let text = XLIFFReaderTests.document12(units)
            .replacingOccurrences(
                of: "version=\"1.2\">", with: "version=\"1.2\" xmlns:mq=\"MQXliff\" xmlns:other=\"urn:other\">")
        #expect(
            try states(text) == [
                "a.t": "reviewed state=\"signed-off\"",
                // approved="yes" wins over a state that does not contradict it (Translate Toolkit
                // approves without changing the state)...
                "b.t": "reviewed approved=\"yes\"",
                "c.t": "reviewed approved=\"yes\"",
                // approved="no" says nothing (Weblate writes it everywhere).
                "d.t": "none",
                "e.t": "reviewed mq:status=\"Reviewer1Confirmed\"",
                "f.t": "final mq:status=\"proofread\"",
                // A value the table does not know certifies nothing.
                "g.t": "unconfirmed state=\"x-mine\"",
                // `status` in another namespace is not memoQ's.
                "h.t": "none",
                // An alternative translation's state is not the unit's.
                "i.t": "final state=\"final\"",
                // ...but the lowest of what a unit says counts otherwise.
                "j.t": "unconfirmed state=\"needs-review-translation\"",
                "k.t": "reviewed approved=\"yes\"",
                "l.t": "unconfirmed state=\"x-mine\"",
                "m.t": "translated mq:status=\"ManuallyConfirmed\"",
            ])
    }

    @Test func tradosSegmentsCountAtTheLowest() throws {
        let units = """
                  <trans-unit id="a.t"><source>А</source><target><mrk mtype="seg" mid="1">A</mrk></target>
                    <sdl:seg-defs><sdl:seg id="1" conf="ApprovedTranslation"/></sdl:seg-defs></trans-unit>
                  <trans-unit id="b.t"><source>Б. В.</source>
                    <target><mrk mtype="seg" mid="2">B.</mrk> <mrk mtype="seg" mid="3">V.</mrk></target>
                    <sdl:seg-defs><sdl:seg id="2" conf="ApprovedSignOff"/><sdl:seg id="3" conf="Draft"/></sdl:seg-defs>
                  </trans-unit>
                  <trans-unit id="c.t"><source>Г</source><target>G</target>
                    <sdl:seg-defs><sdl:seg id="4"/></sdl:seg-defs></trans-unit>

            """
        let text = XLIFFReaderTests.document12(units)
            .replacingOccurrences(
                of: "version=\"1.2\">", with: "version=\"1.2\" xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\">")
        #expect(
            try states(text) == [
                "a.t": "reviewed sdl:seg conf=\"ApprovedTranslation\"",
                "b.t": "unconfirmed sdl:seg conf=\"Draft\"",
                "c.t": "unconfirmed sdl:seg conf=\"Unspecified\"",
            ])
        let document = try XLIFFReader.parse(Data(text.utf8), path: "in.xlf")
        #expect(document.files[0].units[1].target == "B. V.")
    }

    @Test func xliff2SegmentsWithoutAStateAreInitial() throws {
        let text = """
            <?xml version="1.0"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
              <file id="f">
                <unit id="a.t"><segment state="final"><source>А</source><target>A</target></segment></unit>
                <unit id="b.t"><segment state="reviewed" subState="x:y"><source>Б</source><target>B</target></segment>
                  <ignorable><source> </source></ignorable>
                  <segment state="final"><source>В</source><target>V</target></segment></unit>
                <unit id="c.t"><segment state="reviewed"><source>Г</source><target>G</target></segment>
                  <segment><source>Д</source><target>D</target></segment></unit>
              </file>
            </xliff>
            """
        #expect(
            try states(text) == [
                "a.t": "final state=\"final\"",
                "b.t": "reviewed state=\"reviewed\"",
                "c.t": "unconfirmed state=\"initial\"",
            ])
    }

    /// The manual's table (XLIFF.md) lists exactly ``XLIFFStateTable/rows`` with what
    /// `--trust-states` records for each.
    @Test func theManualsTableIsTheData() throws {
        let manual = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Documentation/XLIFF.md")
        let text = try String(contentsOf: manual, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- state table: generated from XLIFFStateTable.rows -->\n"))
        let end = try #require(text.range(of: "<!-- end of state table -->", range: start.upperBound..<text.endIndex))
        #expect(String(text[start.upperBound..<end.lowerBound]) == XLIFFStateTable.markdown)
    }

    @Test func unknownValuesAreUnconfirmedAndCaseDoesNotMatter() {
        #expect(XLIFFStateTable.meaning(of: "SIGNED-OFF", in: .state12) == .reviewed)
        #expect(XLIFFStateTable.meaning(of: "approvedsignoff", in: .tradosConf) == .final)
        #expect(XLIFFStateTable.meaning(of: "Confirmed", in: .memoQStatus) == .unconfirmed)
        #expect(XLIFFStateTable.meaning(of: "No", in: .approved12) == nil)
        #expect(XLIFFStateTable.meaning(of: "reviewed", in: .state12) == .unconfirmed)
    }
}

extension XLIFFStateTable {
    /// The manual's table of ``rows``: one line per value, with what `--trust-states` records
    /// for a unit returned with its target unchanged.
    static var markdown: String {
        var lines = [
            "| where the tool writes it | value | means | `--trust-states` records |",
            "| --- | --- | --- | --- |",
        ]
        for row in rows {
            var records = row.meaning >= .reviewed ? "a review" : "nothing"
            if row.givesWayToApproval { records += "; a review with `approved=\"yes\"`" }
            lines.append(
                "| \(row.attribute.rawValue) | `\(row.value)` | \(row.note) (\(row.meaning.word)) | \(records) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
