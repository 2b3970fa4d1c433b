import Foundation
import Testing

@testable import CaptionKit

@Suite struct XLIFFReaderTests {
    static let header12 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    static let open12 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n"

    /// A 1.2 document with `units` inside one file.
    static func document12(_ units: String, target: String = "kk") -> String {
        header12 + open12
            + """
              <file original=\"Captions\" source-language=\"ru\" target-language=\"\(target)\" \
            datatype=\"plaintext\">\n
            """
            + "    <body>\n" + units + "    </body>\n  </file>\n</xliff>\n"
    }

    func parse(_ text: String) throws(CaptionError) -> XLIFFDocument {
        try XLIFFReader.parse(Data(text.utf8), path: "in.xlf")
    }

    /// The mark's prefilled entry (``ExportedTarget``): `yes` or `no`; absent or anything else
    /// says nothing, as in an export before it.
    @Test func thePrefilledEntryOfTheMarkIsRead() throws {
        func unit12(_ entry: String) -> String {
            "      <trans-unit id=\"k.title\"><source>Курт</source><target>Курт</target><context-group "
                + "purpose=\"information\">\(entry)</context-group></trans-unit>\n"
        }
        func unit20(_ entry: String) -> String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" \
            version="2.0" srcLang="ru" trgLang="kk"><file id="f1"><unit id="k.title"><mda:metadata><mda:metaGroup \
            category="captions">\(entry)</mda:metaGroup></mda:metadata><segment><source>Курт</source><target>Курт</target>\
            </segment></unit></file></xliff>

            """
        }
        let cases: [(String, Bool?)] = [("yes", true), ("no", false), (" yes\n", true), ("maybe", nil)]
        for (value, read) in cases {
            let v12 = try parse(
                Self.document12(unit12("<context context-type=\"x-captions-prefilled\">\(value)</context>")))
            #expect(v12.files.first?.units.first?.exportedPrefilled == read, "\(value)")
            let v20 = try parse(unit20("<mda:meta type=\"prefilled\">\(value)</mda:meta>"))
            #expect(v20.files.first?.units.first?.exportedPrefilled == read, "\(value)")
        }
        let without = try parse(Self.document12(unit12("<context context-type=\"x-captions-language\">kk</context>")))
        #expect(without.files.first?.units.first?.exportedPrefilled == nil)
    }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func unitsAndTheirPositions() throws {
        let document = try parse(
            Self.document12(
                "      <trans-unit id=\"a.title\"><source>Курт</source><target>Құрт</target></trans-unit>\n"
                    + "      <group id=\"b\"><trans-unit id=\"b.text\" xml:space=\"preserve\">\n"
                    + "        <source> two\nlines </source><target/></trans-unit></group>\n"))
        #expect(document.version == "1.2")
        let file = try #require(document.files.first)
        #expect(file.sourceLanguage == "ru" && file.targetLanguage == "kk")
        #expect(file.location == SourceLocation(path: "in.xlf", line: 3, column: 3))
        #expect(file.units.map(\.id) == ["a.title", "b.text"])
        #expect(file.units.map(\.source) == ["Курт", " two\nlines "])
        #expect(file.units.map(\.target) == ["Құрт", ""])
        #expect(
            file.units.map(\.location) == [
                SourceLocation(path: "in.xlf", line: 5, column: 7), SourceLocation(path: "in.xlf", line: 6, column: 21),
            ])
        #expect(file.units[0].targetLocation == SourceLocation(path: "in.xlf", line: 5, column: 53))
    }

    @Test func wrappersKeepTheirTextCodesAreRefused() throws {
        let document = try parse(
            Self.document12(
                """
                      <trans-unit id=\"a.title\"><source>A</source><target>x <g id=\"1\">bold</g> <mrk \
                mtype=\"seg\" mid=\"1\">y</mrk>&amp;<![CDATA[<z>]]></target></trans-unit>\n
                """
                    + """
                          <trans-unit id=\"a.text\"><source>A</source><target>x <x id=\"1\"/> \
                    y</target></trans-unit>\n
                    """
                        + """
                              <trans-unit \
                        id=\"a.credit\"><source>A</source><alt-trans><target>ignored</target></alt-trans><seg-source>s\
                        </seg-source></trans-unit>\n
                        """
            ))
        let units = try #require(document.files.first).units
        #expect(units[0].target == "x bold y&<z>")
        #expect(units[0].unsupportedMarkup == nil)
        #expect(units[1].unsupportedMarkup?.name == "x")
        #expect(units[1].unsupportedMarkup?.location == SourceLocation(path: "in.xlf", line: 6, column: 59))
        #expect(units[2].target == nil)
    }

    /// A DOCTYPE that only names an external DTD (old XLIFF tools; the http address is never
    /// fetched, nor any file read) is accepted; entity references stay refused with it.
    @Test func aDoctypeNamingOnlyAnExternalDTDIsAccepted() throws {
        let units = "      <trans-unit id=\"a.title\"><source>Курт</source><target>Құрт</target></trans-unit>\n"
        for doctype in [
            "<!DOCTYPE xliff PUBLIC \"-//XLIFF//DTD XLIFF//EN\" \"http://www.oasis-open.org/committees/xliff/documents/xliff.dtd\">",
            "<!DOCTYPE xliff SYSTEM 'xliff.dtd' >", "<!DOCTYPE xliff>",
        ] {
            let text = Self.document12(units).replacingOccurrences(of: Self.open12, with: doctype + "\n" + Self.open12)
            let document = try parse(text)
            #expect(document.files.first?.units.map(\.target) == ["Құрт"], "\(doctype)")
        }
        let external = "<!DOCTYPE xliff SYSTEM \"http://127.0.0.1:9/x.dtd\">\n"
        #expect(
            error(
                Self.document12(units.replacingOccurrences(of: "Құрт", with: "&x;"))
                    .replacingOccurrences(of: Self.open12, with: external + Self.open12))
                == "in.xlf:6:64: error: malformed XML: Entity 'x' not defined")
        #expect(
            error(
                Self.document12(units.replacingOccurrences(of: "id=\"a.title\"", with: "id=\"&x;\""))
                    .replacingOccurrences(of: Self.open12, with: external + Self.open12)) != nil)
        // An internal subset, even an empty one or after an external identifier, is refused.
        for doctype in [
            "<!DOCTYPE xliff []>", "<!DOCTYPE xliff SYSTEM \"x.dtd\" [<!ENTITY x \"y\">]>",
            "<!DOCTYPE xliff PUBLIC \"p\">",
            "<!doctype xliff>", "<!DOCTYPE xliff SYSTEM \"x.dtd\" junk>",
        ] {
            let text = Self.document12(units).replacingOccurrences(of: Self.open12, with: doctype + "\n" + Self.open12)
            #expect(error(text) == "in.xlf:2:1: error: \(XMLStreamReader.doctypeMessage)", "\(doctype)")
        }
    }

    /// The XML declaration is read pseudo-attribute by pseudo-attribute: UTF-8 and US-ASCII in
    /// any case and quotes are read, any other encoding is refused at its `encoding`, also after
    /// a value that holds `encoding=`; UTF-16 is only read from UTF-16 bytes.
    @Test func theDeclaredEncodingIsSettledBeforeAnyScan() throws {
        let units = "      <trans-unit id=\"a.title\"><source>Kurt</source><target>Qurt</target></trans-unit>\n"
        for declaration in [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<?xml version='1.0' encoding = 'US-ASCII' ?>",
            "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF8\"?>", "<?xml version=\"1.0\"?>",
        ] {
            let text = Self.document12(units).replacingOccurrences(of: Self.header12, with: declaration + "\n")
            #expect(try parse(text).files.first?.units.map(\.target) == ["Qurt"], "\(declaration)")
        }
        let tail = "; XLIFF and TBX files are read in UTF-8 or UTF-16 (save it as UTF-8)"
        for (declaration, refusal) in [
            ("<?xml version=\"1.0\" encoding=\"ISO-8859-5\"?>", "in.xlf:1:21: error: the file is in ISO-8859-5" + tail),
            (
                "<?xml version=\"encoding=&quot;UTF-8&quot;\" encoding='KOI8-R'?>",
                "in.xlf:1:44: error: the file is in KOI8-R" + tail
            ),
            (
                "<?xml version=\"1.0\" encoding=\"\(String(repeating: "X", count: 50))\"?>",
                "in.xlf:1:21: error: the file is in \(String(repeating: "X", count: 40))…" + tail
            ),
            (
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
                "in.xlf:1:21: error: the XML declaration says UTF-16 but the file is not UTF-16 (it has no UTF-16 "
                    + "byte order mark); save it as UTF-8"
            ),
        ] {
            let text = Self.document12(units).replacingOccurrences(of: Self.header12, with: declaration + "\n")
            #expect(error(text) == refusal, "\(declaration)")
        }
    }

    /// A `<cp/>` for a character no caption may hold (NUL and the C0 controls XML cannot carry)
    /// or for no character at all refuses its unit, saying which; a tab or an emoji is its text.
    @Test func codePointsThatACaptionCannotHoldRefuseTheUnit() throws {
        let units = ["0", "B", "FFFF", "D800", "110000", "ZZ", "9", "1F600"].enumerated().map { index, hex in
            "<unit id=\"u\(index).title\"><segment><source>S</source><target>A<cp hex=\"\(hex)\"/>B</target></segment></unit>\n"
        }
        let document = try parse(
            Self.header12
                + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"ru\" trgLang=\"kk\">\n"
                + "<file id=\"f\">\n" + units.joined() + "</file></xliff>\n")
        let read = try #require(document.files.first).units
        #expect(
            read.map { $0.unsupportedMarkup?.name } == [
                "cp hex=\"0\"/", "cp hex=\"B\"/", "cp hex=\"FFFF\"/", "cp hex=\"D800\"/", "cp hex=\"110000\"/",
                "cp hex=\"ZZ\"/", nil, nil,
            ])
        let control =
            "which a caption cannot hold (XML cannot carry it to translators); remove it in the translation tool"
        let invalid = "which is not a valid code point (0 to 10FFFF in hexadecimal, not D800 to DFFF)"
        #expect(
            read.map { $0.unsupportedMarkup?.reason } == [
                "the control character U+0000, " + control, "the control character U+000B, " + control,
                "the character U+FFFF, " + control, invalid, invalid, invalid, nil, nil,
            ])
        #expect(read[0].unsupportedMarkup?.location == SourceLocation(path: "in.xlf", line: 4, column: 57))
        #expect(read[6].target == "A\tB" && read[7].target == "A😀B")
    }

    /// A control character the editor refuses to save (C0 but tab and line feed, DEL, C1), as a
    /// `<cp/>` or as a character reference in the target's text (1.2 and 2.x; a carriage return
    /// reference is read as a line break, as a Windows tool means it), refuses its unit
    /// at the `<cp/>` or the `<target>`; a `<cp/>` value must be hexadecimal digits only, and is
    /// cut short in the message.
    @Test func controlCharactersAnEditorRefusesRefuseTheUnit() throws {
        let targets = [
            "A<cp hex=\"D\"/>B", "A<cp hex=\"7F\"/>B", "A<cp hex=\"85\"/>B", "A<cp hex=\"+41\"/>B",
            "A<cp hex=\"\(String(repeating: "F", count: 30))\"/>B", "A&#13;B", "A&#x7F;B", "A&#x85;B",
            "A\u{7F}B", "A&#x9F;B", "A&#xA0;B&#9;C", "A<cp hex=\"A0\"/>B",
        ]
        let units = targets.enumerated().map { index, target in
            "<unit id=\"u\(index).title\"><segment><source>S</source><target>\(target)</target></segment></unit>\n"
        }
        let read = try #require(
            try parse(
                Self.header12
                    + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"ru\" trgLang=\"kk\">\n"
                    + "<file id=\"f\">\n" + units.joined() + "</file></xliff>\n"
            ).files.first
        ).units
        let control = "which a caption cannot hold (the editor refuses it); remove it in the translation tool"
        let invalid = "which is not a valid code point (0 to 10FFFF in hexadecimal, not D800 to DFFF)"
        #expect(
            read.map { $0.unsupportedMarkup?.name } == [
                "cp hex=\"D\"/", "cp hex=\"7F\"/", "cp hex=\"85\"/", "cp hex=\"+41\"/",
                "cp hex=\"FFFFFFFFFFFFFFFFFFFF…\"/", nil, "", "", "", "", nil, nil,
            ])
        #expect(
            read.map { $0.unsupportedMarkup?.reason } == [
                "the control character U+000D, " + control, "the control character U+007F, " + control,
                "the control character U+0085, " + control, invalid, invalid, nil,
                "the control character U+007F in its target, " + control,
                "the control character U+0085 in its target, " + control,
                "the control character U+007F in its target, " + control,
                "the control character U+009F in its target, " + control, nil, nil,
            ])
        #expect(read[0].unsupportedMarkup?.location == SourceLocation(path: "in.xlf", line: 4, column: 57))
        // A carriage return written as a reference (a Windows tool's line break) is the line break.
        #expect(read[5].target == "A\nB")
        #expect(read[6].unsupportedMarkup?.location == SourceLocation(path: "in.xlf", line: 10, column: 48))
        #expect(read[10].target == "A\u{A0}B\tC" && read[11].target == "A\u{A0}B")
        // XLIFF 1.2: character references in the target's text.
        let units12 = ["A&#13;B", "A&#x85;B", "A&#xD;&#xA;B", "A&#xD;&#xD;&#xA;B"].enumerated().map { index, target in
            "      <trans-unit id=\"u\(index).title\"><source>S</source><target>\(target)</target></trans-unit>\n"
        }
        let read12 = try #require(try parse(Self.document12(units12.joined())).files.first).units
        #expect(
            read12.map { $0.unsupportedMarkup?.reason } == [
                nil, "the control character U+0085 in its target, " + control, nil, nil,
            ])
        #expect(read12.map(\.target) == ["A\nB", "A\u{85}B", "A\nB", "A\n\nB"])
        #expect(read12[1].unsupportedMarkup?.location == SourceLocation(path: "in.xlf", line: 6, column: 51))
    }

    @Test func version2SegmentsAreJoined() throws {
        let document = try parse(
            Self.header12
                + """
                <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ru\" \
                trgLang=\"en\">\n
                """
                + "<file id=\"f\"><unit id=\"a.text\"><notes><note>n</note></notes>"
                    + """
                    <segment><source>One.</source><target>Один<cp hex=\"1F600\"/><pc id=\"1\">!</pc><sm \
                    id=\"m\"/></target></segment>
                    """
                + "<ignorable><source> </source></ignorable>"
                + "<segment><source>Two.</source><target>Два.</target></segment></unit>"
                    + """
                    <unit \
                    id=\"a.title\"><segment><source>T</source></segment><segment><source>U</source><target>V</target><\
                    /segment></unit>
                    """
                + "</file></xliff>\n")
        #expect(document.version == "2.1")
        let units = try #require(document.files.first).units
        #expect(units[0].source == "One. Two.")
        #expect(units[0].target == "Один😀! Два.")
        #expect(units[1].target == nil)  // one segment has no target: not translated
    }

    @Test(arguments: [
        // Truncated in the middle of an element.
        (
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n  \
            <file source-language=\"ru\" target-language=\"kk\">\n    <body><trans-unit id=\"a.b\"><source>Ку
            """,
            """
            in.xlf:4:42: error: the file ends before <source> is closed; it is truncated or not XML
            """
        ),
        // Billion laughs.
        (
            """
            <?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \
            \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \
            \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<xliff>&lol3;</xliff>\n
            """,
            "in.xlf:2:1: error: \(XMLStreamReader.doctypeMessage)"
        ),
        // External entity reading a local file, after a comment.
        (
            """
            <?xml version=\"1.0\"?>\n<!-- note --> <!DOCTYPE x [<!ENTITY xxe SYSTEM \
            \"file:///etc/passwd\">]>\n<xliff>&xxe;</xliff>\n
            """,
            "in.xlf:2:15: error: \(XMLStreamReader.doctypeMessage)"
        ),
        (
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>\n",
            """
            in.xlf:2:1: error: the <xliff> element says version="1.2" but has no xmlns; XLIFF 1.2 needs \
            xmlns="urn:oasis:names:tc:xliff:document:1.2" on it: put that back and import the file again
            """
        ),
        (
            "<?xml version=\"1.0\"?>\n<xliff version=\"2.1\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"/>\n",
            """
            in.xlf:2:1: error: the <xliff> element says version="2.1" but has \
            xmlns="urn:oasis:names:tc:xliff:document:1.2"; XLIFF 2.1 needs \
            xmlns="urn:oasis:names:tc:xliff:document:2.0" on it: put that back and import the file again
            """
        ),
        (
            "<?xml version=\"1.0\"?>\n<xliff version=\"3.0\"/>\n",
            "in.xlf:2:1: error: unsupported XLIFF version '3.0' in namespace ''; captions reads XLIFF 1.2 and 2.x"
        ),
        (
            "<?xml version=\"1.0\"?>\n<html/>\n",
            "in.xlf:2:1: error: the root element is <html>, not <xliff>: this is not an XLIFF file"
        ),
        (
            "<?xml version=\"1.0\"?>\n<martif type=\"TBX-Basic\"/>\n",
            "in.xlf:2:1: error: the root element is <martif>, not <xliff>: this is not an XLIFF file; it is a TBX "
                + "glossary: name it with .tbx at the end to merge it into glossary.yml"
        ),
        (
            "# glossary\n\nАрка скорби\tҚасірет аркасы\tThe monument.\r\n #1 барак\t№ 1 барак\t\n",
            "in.xlf:1:1: error: this is not an XLIFF file; it is an OmegaT glossary (tab-separated text), which "
                + "captions import does not read: edit the collection's glossary.yml, or import the terms as a TBX "
                + "file (a name ending in .tbx, as captions export glossary --format tbx writes it)"
        ),
        (
            // As a spreadsheet in a Russian locale saves the CSV again: semicolons, quotes.
            "\u{FEFF}\"id\";ru;kk;forbidden ru;forbidden kk;note;do-not-translate\r\nkurt;курт;құрт;;;;\r\n",
            "in.xlf:1:1: error: this is not an XLIFF file; it is a glossary in CSV (as captions export glossary "
                + "--format csv writes it), which captions import does not read: edit the collection's glossary.yml, "
                + "or import the terms as a TBX file (a name ending in .tbx, as captions export glossary --format "
                + "tbx writes it)"
        ),
        (
            // Text that is neither: libxml2's reason stays.
            "Арка скорби, Қасірет аркасы\n",
            "in.xlf:1:1: error: not an XML file: it does not start with a tag such as <?xml or <xliff (libxml2: "
                + "Document is empty)"
        ),
        ("", "in.xlf:1:1: error: file is empty; expected an XLIFF document"),
        (
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file \
            source-language=\"ru\"><body/></file></xliff>
            """,
            """
            in.xlf:2:68: error: the <file> has no target-language, and none of its <target> elements names a \
            language (xml:lang): add target-language with the language of its translations to the <file> and \
            import the file again
            """
        ),
        (
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file \
            source-language=\"ru\" target-language=\"kk\"><body><trans-unit \
            id=\"../../etc.passwd\"><source>a</source></trans-unit></body></file></xliff>
            """,
            """
            in.xlf:2:122: error: unit id '../../etc.passwd' looks like a file path; captions unit ids are \
            <exhibit-id>.<field>
            """
        ),
        (
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file \
            source-language=\"ru\" \
            target-language=\"kk\"><body><trans-unit><source>a</source></trans-unit></body></file></xliff>
            """,
            "in.xlf:2:122: error: <trans-unit> has no id"
        ),
    ])
    func malformedOrUnsafeInputIsALocatedError(_ text: String, _ expected: String) {
        #expect(error(text) == expected)
    }

    /// A 1.2 `<file>` without `target-language` takes the language its targets name, also for
    /// the units read before a target named it (here one without a target); two languages refuse it.
    @Test func aFileWithoutTargetLanguageTakesTheLanguageOfItsTargets() throws {
        func file(_ second: String) -> String {
            """
            <?xml version="1.0"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="ru"><body>
            <trans-unit id="a.title"><source>Курт</source></trans-unit>
            <trans-unit id="b.title"><source>Вагон</source><target xml:lang="kk-KZ">Вагон</target></trans-unit>
            <trans-unit id="c.title"><source>Зима</source><target xml:lang="\(second)">Қыс</target></trans-unit>
            </body></file></xliff>
            """
        }
        let document = try parse(file("kk"))
        #expect(document.files.map(\.targetLanguage) == ["kk-KZ"])
        // An empty xml:lang names no language (XML's "unknown"): the other target's counts.
        #expect(try parse(file("")).files.map(\.targetLanguage) == ["kk-KZ"])
        #expect(document.files.map(\.languagesLocation) == [SourceLocation(path: "in.xlf", line: 4, column: 48)])
        #expect(document.files.first?.units.map(\.id) == ["a.title", "b.title", "c.title"])
        #expect(
            error(file("en")) == """
                in.xlf:5:47: error: the <file> at line 2 has no target-language, and its targets name two languages: \
                xml:lang="kk-KZ" at line 4 and xml:lang="en" here; add target-language with the language of its \
                translations to the <file> (a unit in another language is then refused) and import the file again
                """)
    }

    @Test func deepNestingIsRefused() {
        let text =
            "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">"
            + String(repeating: "<g>", count: 100) + String(repeating: "</g>", count: 100) + "</xliff>\n"
        #expect(error(text) == "in.xlf:2:257: error: elements are nested more than 64 levels deep")
    }

    /// The reader makes strings of the attributes XLIFF reading asks for only: the events are
    /// those of reading every attribute, less the others.
    @Test func onlyTheAttributesAskedForAreReported() throws {
        let text = Self.document12(
            "      <trans-unit id=\"a.title\" resname=\"x\" xml:space=\"preserve\"><source>А</source>"
                + "<target state=\"translated\">Ә <x id=\"1\" hex=\"41\"/></target></trans-unit>\n")
        func events(_ names: Set<String>?) throws -> [XMLEvent] {
            var events: [XMLEvent] = []
            try XMLStreamReader.parse(Data(text.utf8), path: "in.xlf", attributeNames: names) { events.append($0) }
            return events
        }
        let wanted: Set<String> = ["id", "hex", "version"]
        let expected = try events(nil).map { event -> XMLEvent in
            guard case .start(let name, let namespace, let attributes, let location) = event else { return event }
            return .start(
                name: name, namespace: namespace, attributes: attributes.filter { wanted.contains($0.name) },
                location: location)
        }
        #expect(try events(wanted) == expected)
        #expect(
            try events(nil).contains {
                if case .start(_, _, let attributes, _) = $0 {
                    attributes.contains { $0.name == "resname" }
                } else {
                    false
                }
            })
    }

    @Test func hugeAttributeValuesAreRefused() {
        let text =
            "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\" x=\""
            + String(repeating: "a", count: 2 << 20) + "\"/>\n"
        #expect(error(text) == "in.xlf:2:1: error: an attribute value is longer than 1048576 bytes")
    }

    @Test func filesOverTheSizeLimitAreRefusedUnread() throws {
        let folder = try TestCollection(files: [("big.xlf", Self.document12(""))])
        let path = folder.root + "/big.xlf"
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: path),
                """
                file is \(Self.document12("").utf8.count) bytes, over the limit of 100 bytes (raise it with \
                --max-size)
                """
            )
        ) {
            try XLIFFReader.read(path: path, maximumSize: 100)
        }
    }

    /// What is not a readable regular file is refused before parsing, each with its reason.
    @Test func onlyRegularFilesAreRead() throws {
        let folder = try TestCollection(files: [("real.xlf", Self.document12("")), ("empty.xlf", "")])
        let root = folder.root
        try FileManager.default.createDirectory(atPath: root + "/folder.xlf", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: root + "/link.xlf", withDestinationPath: root + "/real.xlf")
        #expect(mkfifo(root + "/pipe.xlf", 0o600) == 0)
        for (name, reason) in [
            ("missing.xlf", "no such file or permission denied"), ("folder.xlf", "not a regular file"),
            ("link.xlf", "not a regular file"), ("pipe.xlf", "not a regular file"),
        ] {
            #expect(throws: CaptionError.unreadable(path: root + "/" + name, reason: reason)) {
                try XLIFFReader.read(path: root + "/" + name)
            }
        }
        #expect(throws: CaptionError.self) { try XLIFFReader.read(path: root + "/empty.xlf") }
        #expect(try XLIFFReader.read(path: root + "/real.xlf").files.count == 1)
    }

    @Test func libxml2PrintsNothing() throws {
        // Errors must come back as values only; a failing parse in a child process would show
        // libxml2 output on stderr, which the CLI tests check. Here: repeated failures stay quiet
        // and leave the reader usable.
        for _ in 0..<3 { #expect(error("<xliff><unclosed></xliff>") != nil) }
        #expect(try parse(Self.document12("")).files.count == 1)
    }

    /// A file read from disk unit by unit gives the units a whole read gives, with their
    /// positions, even when it is large enough for its parsed pages to be released on the way
    /// (and when everything after the prolog sits on one very long line).
    @Test(arguments: [false, true])
    func streamingAFileGivesTheUnitsOfAWholeRead(oneLine: Bool) throws {
        let filler = String(repeating: "ә", count: 100)
        let unit =
            "<trans-unit id=\"a%d.title\"><source>Курт — %d \(filler)</source><target>Құрт ✓ %d</target></trans-unit>"
        let units = (0..<90_000).map { String(format: unit, $0, $0, $0) }.joined(separator: oneLine ? " " : "\n")
        let folder = try TestCollection(files: [("big.xlf", Self.document12(units + "\n"))])
        let path = folder.root + "/big.xlf"
        let whole = try XLIFFReader.read(path: path)
        var streamed: [XLIFFDocument.Unit] = []
        var languages: Set<String> = []
        let header = try XLIFFReader.read(path: path) { unit, language in
            streamed.append(unit)
            languages.insert(language)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count > 20 << 20)
        #expect(whole.files.count == 1 && header.files.count == 1 && header.files[0].units.isEmpty)
        #expect(header.files[0].targetLanguage == "kk" && languages == ["kk"])
        #expect(streamed == whole.files[0].units)
        #expect(streamed.count == 90_000)
        let last = try #require(streamed.last)
        #expect(last.target == "Құрт ✓ 89999")
        if oneLine {
            let lastUnit = String(format: unit, 89999, 89999, 89999)
            let column = units.unicodeScalars.count - lastUnit.unicodeScalars.count + 1
            #expect(last.location == SourceLocation(path: path, line: 5, column: column))
        } else {
            #expect(last.location == SourceLocation(path: path, line: 90_004, column: 1))
        }
    }

    /// Streaming hands the texts over as bytes (without making strings of libxml2's text), a
    /// whole read makes strings: both give the same units for 1.2 and 2.x, with wrappers, code
    /// points, CDATA, character references, segments, ignorables and units without target.
    @Test func streamingTextAsBytesGivesTheUnitsOfAWholeRead() throws {
        let units12 =
            "<trans-unit id=\"a.title\"><source>Курт &amp; <g id=\"1\">сыр</g> &#x1F600;</source>"
            + "<target><![CDATA[Құрт <&>]]> <mrk mtype=\"x\">ірімшік</mrk>\r\nә\u{301}</target></trans-unit>\n"
            + "<trans-unit id=\"a.text\"><source>Без перевода</source></trans-unit>\n"
                + """
                <trans-unit id=\"b.text\"><source>С кодом <x id=\"1\"/></source><target>Код <x \
                id=\"1\"/></target></trans-unit>\n
                """
            + "<trans-unit id=\"c.text\"><source></source><target></target></trans-unit>\n"
        let version2 =
            Self.header12
            + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ru\" trgLang=\"en\">\n"
                + """
                <file id=\"f\"><unit id=\"a.text\"><segment><source>One.</source><target>Один<cp hex=\"1F600\"/><pc \
                id=\"1\">!</pc></target></segment>
                """
                + """
                <ignorable><source> </source></ignorable><segment><source>Two \
                &lt;</source><target>Два.</target></segment></unit>
                """
                + """
                <unit \
                id=\"a.title\"><segment><source>T</source></segment><segment><source>U</source><target>V</target></seg\
                ment></unit>
                """
            + "</file></xliff>\n"
        let folder = try TestCollection(files: [("a.xlf", Self.document12(units12)), ("b.xlf", version2)])
        for name in ["a.xlf", "b.xlf"] {
            let path = folder.root + "/" + name
            let whole = try XLIFFReader.read(path: path)
            var streamed: [XLIFFDocument.Unit] = []
            _ = try XLIFFReader.read(path: path) { unit, _ in streamed.append(unit) }
            #expect(streamed == whole.files[0].units)
            #expect(streamed.map(\.source) == whole.files[0].units.map(\.source))
            #expect(streamed.count == (name == "a.xlf" ? 4 : 2))
        }
        let first = try XLIFFReader.read(path: folder.root + "/a.xlf").files[0].units[0]
        #expect(first.source == "Курт & сыр 😀")
        #expect(first.target == "Құрт <&> ірімшік\nә\u{301}")
    }

    /// The byte test that spares most ids the character search gives the same answers.
    @Test(arguments: [
        "a.title", "курт-1.text", "a/b.title", "a\\b", "a..b", "~a.b", "a~.b", ".a.b", "a.b.", "a/\u{338}b",
        ".\u{301}.", "~\u{301}a", "a\u{2215}b", "a\u{FF0E}\u{FF0E}b", "a\u{FF5E}b", "a.\u{200B}.b", "",
    ])
    func pathLikeIDsAreFoundAsBeforeTheByteTest(id: String) {
        let plain = id.contains("/") || id.contains("\\") || id.contains("..") || id.hasPrefix("~")
        #expect(XLIFFReader.isPathLike(id) == plain)
        if !XLIFFReader.mayBePathLike(id.utf8) { #expect(!plain) }
    }
}
