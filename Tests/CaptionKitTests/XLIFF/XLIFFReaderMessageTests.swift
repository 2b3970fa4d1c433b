import Foundation
import Testing

@testable import CaptionKit

/// Files a translator sends back get messages they can act on, one line each: a unit with two
/// targets, a missing namespace, a byte that is not UTF-8, a declared encoding the bytes do not
/// match, a file cut short in its first start tag or later.
@Suite struct XLIFFReaderMessageTests {
    typealias Reader = XLIFFReaderTests

    /// The error reading `bytes` gives, or `nil`.
    func error(_ bytes: [UInt8]) -> String? {
        do {
            _ = try XLIFFReader.parse(Data(bytes), path: "in.xlf")
            return nil
        } catch {
            return error.description
        }
    }

    func error(_ text: String) -> String? { error(Array(text.utf8)) }

    static let doubled =
        "a translation tool may have doubled it, and the file cannot say which is meant: remove one and import "
        + "the file again"

    /// A unit with a second `<target>` is refused at it, as a unit twice is, instead of the last
    /// target being imported without a word.
    @Test func aSecondTargetInOneUnitIsRefusedAtIt() {
        let v12 = Reader.document12(
            "      <trans-unit id=\"a.title\"><source>Курт</source><target>Құрт</target>\n"
                + "        <target>Курт</target></trans-unit>\n")
        #expect(
            error(v12)
                == "in.xlf:6:9: error: unit 'a.title' has a second <target> in one <trans-unit> (the first at line 5); "
                + Self.doubled)
        let v20 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
            <file id="f"><unit id="a.title"><segment><source>Курт</source><target>Құрт</target>
            <target>Курт</target></segment></unit></file></xliff>

            """
        #expect(
            error(v20)
                == "in.xlf:4:1: error: unit 'a.title' has a second <target> in one <segment> (the first at line 3); "
                + Self.doubled)
    }

    /// One Latin-1 byte: its position and value in one line, not libxml2's two-line words.
    @Test func aByteThatIsNotUTF8IsNamedWhereItIs() throws {
        let line = "      <trans-unit id=\"a.title\"><source>Кафе</source><target>caf"
        var bytes = Array(Reader.document12(line + "E</target></trans-unit>\n").utf8)
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "E")))
        bytes[index] = 0xE9
        #expect(
            error(bytes)
                == "in.xlf:5:\(line.unicodeScalars.count + 1): error: the file is not valid UTF-8 (byte 0xE9); "
                + "save it as UTF-8")
    }

    /// A file declared US-ASCII that holds UTF-8 Cyrillic is refused at its first such byte,
    /// saying the declaration does not match; one that is not UTF-8 either is told to be saved so.
    @Test func aDeclaredEncodingTheBytesDoNotMatchIsNamed() throws {
        let line = "      <trans-unit id=\"a.title\"><source>Курт</source><target>"
        let text = Reader.document12(line + "Құрт</target></trans-unit>\n").replacingOccurrences(
            of: "encoding=\"UTF-8\"", with: "encoding=\"us-ascii\"")
        #expect(
            error(text)
                == "in.xlf:5:\(line.unicodeScalars.count - 20): error: the XML declaration says encoding=\"us-ascii\", "
                + "but the file has the byte 0xD0 here, which is not ASCII; the file is UTF-8: change the declaration "
                + "to encoding=\"UTF-8\"")
        var latin = Array(
            text.replacingOccurrences(of: "Курт", with: "Kurt").replacingOccurrences(
                of: "Құрт", with: "Qurt"
            ).utf8)
        latin[try #require(latin.firstIndex(of: UInt8(ascii: "Q")))] = 0xE9
        #expect(
            error(latin)
                == "in.xlf:5:\(line.unicodeScalars.count + 1): error: the XML declaration says encoding=\"us-ascii\", "
                + "but the file has the byte 0xE9 here, which is not ASCII; save the file as UTF-8 and change the "
                + "declaration to encoding=\"UTF-8\"")
    }

    /// A file cut inside its root's start tag is reported cut short, as one cut later is (and
    /// without libxml2's words, which would say otherwise); one character cut in two at the end
    /// is a file cut short, not a byte that is not UTF-8.
    @Test func aFileCutShortIsReportedSo() throws {
        let cutInRoot = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oa"
        #expect(
            error(cutInRoot)
                == "in.xlf:2:35: error: the file ends inside the start tag of <xliff>; it is truncated or not XML")
        let cutInCharacter = Array(Reader.document12("      <trans-unit id=\"a.b\"><source>Ку").utf8)
        let cut = Array(cutInCharacter.prefix(upTo: try #require(cutInCharacter.firstIndex(of: 0xD1)) + 1))
        #expect(
            error(cut)?.hasSuffix("error: the file ends before <source> is closed; it is truncated or not XML") == true)
    }
}
