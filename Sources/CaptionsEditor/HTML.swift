/// A piece of HTML that is safe to send: text interpolated into it is escaped, HTML is not.
///
/// Pages are built only from `HTML` values, so a caption holding `<script>` shows as text.
struct HTML: ExpressibleByStringInterpolation, Sendable {
    /// The markup.
    var raw: String

    /// Markup written in the editor's code.
    init(stringLiteral value: String) { raw = value }

    /// Markup with escaped text and nested markup.
    init(stringInterpolation: Interpolation) { raw = stringInterpolation.output }

    /// Markup that is already safe (only for the editor's own constants).
    init(trusted raw: String) { self.raw = raw }

    /// Builds `HTML` by escaping every `String` interpolated.
    struct Interpolation: StringInterpolationProtocol {
        var output = ""
        init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { output += literal }
        mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }
        mutating func appendInterpolation(_ number: Int) { output += String(number) }
        mutating func appendInterpolation(_ html: HTML) { output += html.raw }
        mutating func appendInterpolation(_ list: [HTML]) { for html in list { output += html.raw } }
    }

    /// `text` with `& < > " '` written as character references (safe in text and quoted attributes).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// The pieces joined.
    static func join(_ pieces: [HTML]) -> HTML { HTML(trusted: pieces.map(\.raw).joined()) }

    /// Nothing.
    static let empty = HTML(trusted: "")
}

/// Percent-encodes a query or path value (RFC 3986 unreserved characters stay).
func urlEncode(_ text: String) -> String {
    var output = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            output.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            output += "%" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
    return output
}
