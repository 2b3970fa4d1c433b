import Testing

@testable import CaptionKit

@Suite struct LengthRatioCheckTests {
    func options(_ yaml: String) throws -> CheckOptions {
        let config = try ConfigParser.parse(text: "checks:\n  length-ratio: \(yaml)\n", path: "Captions/captions.yml")
        return CheckOptions(checkID: "length-ratio", node: config.checks["length-ratio"]?.node)
    }

    @Test func minimumMustBeBelowMaximum() throws {
        #expect(
            throws: CaptionError.invalidConfig(
                SourceLocation(path: "Captions/captions.yml", line: 2, column: 32),
                "length-ratio: min (3.0) must be smaller than max (2.0)")
        ) {
            _ = try LengthRatioCheck(options: try options("{ min: 3, max: 2 }"))
        }
    }

    @Test func ratiosMustBePositiveNumbers() throws {
        #expect(
            throws: CaptionError.invalidConfig(
                SourceLocation(path: "Captions/captions.yml", line: 2, column: 24),
                "length-ratio.min must be greater than 0")
        ) {
            _ = try LengthRatioCheck(options: try options("{ min: -1 }"))
        }
        #expect(
            throws: CaptionError.invalidConfig(
                SourceLocation(path: "Captions/captions.yml", line: 2, column: 24), "length-ratio.min must be a number")
        ) {
            _ = try LengthRatioCheck(options: try options("{ min: half }"))
        }
    }

    @Test func unknownOptionSuggestsTheClosest() throws {
        #expect(
            throws: CaptionError.invalidConfig(
                SourceLocation(path: "Captions/captions.yml", line: 2, column: 19),
                "unknown option 'mni' for check length-ratio; did you mean 'min'? (options: min, max, min-chars)")
        ) {
            _ = try LengthRatioCheck(options: try options("{ mni: 0.4 }"))
        }
    }

    @Test func widerBoundsAcceptAShortTranslation() throws {
        let exhibit = ExhibitParser.parse(
            text:
                """
                id: door\ntext:\n  ru: Это подлинная дверь комнаты допросов, её сохранили.\n  en: The original \
                door.\n
                """,
            path: "Captions/door.yml", relativePath: "door.yml")
        let check = try LengthRatioCheck(options: try options("{ min: 0.3 }"))
        #expect(check.check(exhibit, in: CheckContext(config: .default)).isEmpty)
        let strict = try LengthRatioCheck(options: .none("length-ratio"))
        #expect(
            strict.check(exhibit, in: CheckContext(config: .default)).map(\.message) == [
                "text (en) is 18 characters, 0.35× the 51 of the Russian (ru) source; it may be cut short"
            ])
    }

    /// A one-character translation is `1 character`, not `1 characters`.
    @Test func oneCharacterIsSingular() throws {
        let exhibit = ExhibitParser.parse(
            text: "id: door\ntext:\n  ru: Это подлинная дверь комнаты допросов, её сохранили.\n  en: —\n",
            path: "Captions/door.yml", relativePath: "door.yml")
        let check = try LengthRatioCheck(options: .none("length-ratio"))
        #expect(
            check.check(exhibit, in: CheckContext(config: .default)).map(\.message) == [
                "text (en) is 1 character, 0.02× the 51 of the Russian (ru) source; it may be cut short"
            ])
    }
}
