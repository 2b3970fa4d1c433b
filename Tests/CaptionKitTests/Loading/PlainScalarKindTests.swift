import Testing

@testable import CaptionKit

/// ``YAMLReader/plainScalarKind(_:)`` skips its word comparisons for scalars that cannot be one
/// of the words; that must not change any answer.
@Suite struct PlainScalarKindTests {
    static let words = [
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No",
        "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
        "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF",
    ]

    @Test func everyWordKeepsItsKind() {
        for word in Self.words {
            let expected: YAMLReader.PlainScalarKind =
                ["~", "null", "Null", "NULL"].contains(word)
                ? .null
                : word.contains("inf") || word.contains("nan") || word.contains("NaN")
                    || word.contains("Inf") || word.contains("INF") || word.contains("NAN") ? .number : .boolean
            #expect(YAMLReader.plainScalarKind(word) == expected, "\(word)")
        }
    }

    @Test(arguments: [
        ("", YAMLReader.PlainScalarKind.null), ("kk", .text), ("nulls", .text), ("nul", .text), ("n\u{301}", .text),
        ("ＮＵＬＬ", .text), ("true\u{301}", .text), ("Ｙ", .text), ("1", .number), ("-1.5", .number), ("1_000", .number),
        ("0x1F", .text), ("+.5", .number), ("1e3", .number), ("1937–1953", .text), ("-", .text), (".", .text),
        ("Лагерь", .text), ("yes!", .text), ("on-site", .text), ("offline", .text), ("~~", .text), ("1.2.3", .text),
    ])
    func otherScalars(_ value: String, _ kind: YAMLReader.PlainScalarKind) {
        #expect(YAMLReader.plainScalarKind(value) == kind)
    }
}
