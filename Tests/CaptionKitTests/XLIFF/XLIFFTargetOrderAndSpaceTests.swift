import Foundation
import Testing

@testable import CaptionKit

/// What the reader makes of XLIFF 2 `<target order>` and of whitespace around a target whose
/// `xml:space` is not `preserve`.
@Suite struct XLIFFTargetOrderAndSpaceTests {
    func units(_ text: String) throws -> [XLIFFDocument.Unit] {
        try XLIFFReader.parse(Data(text.utf8), path: "in.xlf").files.flatMap(\.units)
    }

    /// An XLIFF 2 file with `body` inside one unit `a.text`.
    func unit20(_ body: String) throws -> XLIFFDocument.Unit {
        let text = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
            <file id="f"><unit id="a.text">\(body)</unit></file></xliff>
            """
        return try #require(try units(text).first)
    }

    @Test(arguments: [
        // Reversed: the ignorable between them moves with its order.
        (
            "<segment><source>A.</source><target order=\"3\">1.</target></segment>"
                + "<ignorable><source> </source><target order=\"2\">_</target></ignorable>"
                + "<segment><source>B.</source><target order=\"1\">2.</target></segment>",
            "2._1."
        ),
        // Two swapped, the ignorable without order keeps its place; its source stands for a missing target.
        (
            "<segment><source>A.</source><target order=\"3\">1.</target></segment>"
                + "<ignorable><source> </source></ignorable>"
                + "<segment><source>B.</source><target order=\"1\">2.</target></segment>",
            "2. 1."
        ),
        // Orders that name each element's own place change nothing.
        (
            "<segment><source>A.</source><target order=\"1\">1.</target></segment>"
                + "<segment><source>B.</source><target>2.</target></segment>",
            "1.2."
        ),
    ])
    func targetsAreJoinedInTheirOrder(body: String, target: String) throws {
        let unit = try unit20(body)
        #expect(unit.target == target)
        #expect(unit.invalidOrder == nil)
        #expect(unit.source == (body.contains("<ignorable>") ? "A. B." : "A.B."))
    }

    @Test(arguments: [
        (
            "<target order=\"+1\">",
            "unit 'a.text' has <target order=\"+1\">, but order must be a whole number from 1 to 2 (the unit's segments and ignorables); the unit is not applied"
        ),
        (
            "<target order=\"\">",
            "unit 'a.text' has <target order=\"\">, but order must be a whole number from 1 to 2 (the unit's segments and ignorables); the unit is not applied"
        ),
        (
            "<target order=\"99999999999999999999999\">",
            "unit 'a.text' has <target order=\"99999999999999999999…\">, but order must be a whole number from 1 to 2 (the unit's segments and ignorables); the unit is not applied"
        ),
        (
            "<target order=\"2\">",
            "unit 'a.text' has <target order=\"2\"> at the place of its element 2, whose target has no order and so stays there; the unit is not applied"
        ),
    ])
    func anInvalidOrderIsLocatedAtItsTarget(first: String, message: String) throws {
        let unit = try unit20(
            "<segment><source>A.</source>\(first)1.</target></segment><segment><source>B.</source><target>2.</target></segment>"
        )
        #expect(unit.invalidOrder?.message == message)
        // The first <target> starts after `<segment><source>A.</source>` on line 2.
        #expect(unit.invalidOrder?.location == SourceLocation(path: "in.xlf", line: 2, column: 60))
    }

    /// A 1.2 unit, its target indented on a line of its own as a pretty-printer writes it.
    func unit12(unitAttributes: String = "", fileAttributes: String = "", target: String = "", source: String = "Вагон")
        throws -> XLIFFDocument.Unit
    {
        let text = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
              <file source-language="ru" target-language="kk"\(fileAttributes)><body>
                <trans-unit id="a.title"\(unitAttributes)>
                  <source>\(source)</source>
                  <target\(target)>
                    Вагон
                  </target>
                </trans-unit>
              </body></file>
            </xliff>
            """
        return try #require(try units(text).first)
    }

    @Test func layoutWhitespaceIsDroppedUnlessSpaceIsPreserved() throws {
        let dropped = try unit12()
        #expect(dropped.target == "Вагон")
        #expect(dropped.droppedWhitespace)
        // `default` on the target itself overrides `preserve` inherited from the file.
        let overridden = try unit12(fileAttributes: " xml:space=\"preserve\"", target: " xml:space=\"default\"")
        #expect(overridden.target == "Вагон" && overridden.droppedWhitespace)
        // `preserve` on the unit or inherited from the file keeps every character.
        for unit in [
            try unit12(unitAttributes: " xml:space=\"preserve\""),
            try unit12(fileAttributes: " xml:space=\"preserve\""),
        ] {
            #expect(unit.target == "\n        Вагон\n      ")
            #expect(!unit.droppedWhitespace)
        }
        // A source with a line break at one end keeps the target's at that end only.
        let kept = try unit12(source: "\nВагон")
        #expect(kept.target == "\n        Вагон")
        #expect(kept.droppedWhitespace)
    }

    /// A source on an indented line of its own (no `xml:space="preserve"`): the unit keeps what
    /// was read, and also the texts without the layout around the source and, against that
    /// source, around the target, for the import to take when that source is the caption's.
    @Test func theLayoutAroundASourceIsKeptApartForTheImport() throws {
        let unit = try unit12(source: "\n        Вагон\n      ")
        #expect(unit.source == "\n        Вагон\n      ")
        #expect(unit.target == "\n        Вагон\n      " && !unit.droppedWhitespace)
        #expect(
            unit.withoutLayout
                == .init(source: Array("Вагон".utf8), target: Array("Вагон".utf8), droppedTarget: true))
        // A source without layout, or with `preserve`, has nothing kept apart.
        #expect(try unit12().withoutLayout == nil)
        #expect(try unit12(fileAttributes: " xml:space=\"preserve\"", source: "\n  Вагон").withoutLayout == nil)
        // XLIFF 2: segment by segment; an ignorable's whitespace is its text.
        let segments = try unit20(
            """

            <segment><source>
              A.
            </source><target>
              1.
            </target></segment>
            <ignorable><source>\n\n</source></ignorable>
            <segment><source>B.</source><target>2.</target></segment>

            """)
        #expect(
            segments.withoutLayout
                == .init(source: Array("A.\n\nB.".utf8), target: Array("1.\n\n2.".utf8), droppedTarget: true))
    }

    /// A pretty-printed XLIFF 2 unit: each segment's target loses its layout; an ignorable whose
    /// target is only layout keeps its source, the space between the sentences.
    @Test func xliff2SegmentsLoseTheirLayoutAndAnIgnorableKeepsItsSource() throws {
        let unit = try unit20(
            """

            <segment><source>A.</source><target>
              1.
            </target></segment>
            <ignorable><source> </source><target>
            </target></ignorable>
            <segment><source>B.</source><target>
              2.
            </target></segment>

            """)
        #expect(unit.target == "1. 2.")
        #expect(unit.droppedWhitespace)
    }

    @Test func whitespaceWithoutALineBreakAndInsideTheTextStays() {
        var target = Array(" Бір\n\nЕкі\t".utf8)
        #expect(!XLIFFReader.dropLayoutWhitespace(&target, source: Array("Бір".utf8)))
        #expect(String(decoding: target, as: UTF8.self) == " Бір\n\nЕкі\t")
        var blank = Array("\n   \n".utf8)
        #expect(XLIFFReader.dropLayoutWhitespace(&blank, source: Array("Бір".utf8)))
        #expect(blank.isEmpty)
        var crlf = Array("\r\n  Бір  \r\n".utf8)
        #expect(XLIFFReader.dropLayoutWhitespace(&crlf, source: Array("Бір".utf8)))
        #expect(String(decoding: crlf, as: UTF8.self) == "Бір")
    }
}
