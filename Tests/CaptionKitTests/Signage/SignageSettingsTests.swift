import Testing

@testable import CaptionKit

@Suite struct SignageSettingsTests {
    let path = "Captions/captions.yml"

    func settings(_ text: String) throws -> SignageSettings {
        try SignageSettings(config: try ConfigParser.parse(text: text, path: path))
    }

    func error(_ text: String) -> String? {
        do {
            _ = try settings(text)
            return nil
        } catch {
            return (error as? CaptionError)?.description ?? "\(error)"
        }
    }

    @Test func defaultsToWidth48() throws {
        #expect(try settings("") == SignageSettings(width: 48, fieldWidths: [:]))
        #expect(try settings("signage:\n") == SignageSettings(width: 48, fieldWidths: [:]))
    }

    @Test func readsTheWidthAndPerFieldOverrides() throws {
        let read = try settings(
            "fields:\n  title: { required: true, signage-width: 32 }\n  text: {}\nsignage: { width: 40 }\n")
        #expect(read.width == 40)
        #expect(read.width(for: "title") == 32)
        #expect(read.width(for: "text") == 40)
    }

    @Test func unknownKeysAndBadValuesAreLocatedErrors() {
        #expect(
            error("signage: { widht: 40 }\n")
                == "Captions/captions.yml:1:12: error: unknown signage setting 'widht'; did you mean 'width'?")
        #expect(
            error("signage: { width: wide }\n")
                == "Captions/captions.yml:1:19: error: signage width must be a whole number greater than 0")
        #expect(
            error("signage: { width: 5000 }\n")
                == "Captions/captions.yml:1:19: error: signage width must be at most 1000 characters")
        #expect(
            error("signage: [48]\n")
                == "Captions/captions.yml:1:10: error: signage must be a mapping such as '{ width: 48 }'")
        #expect(
            error("fields:\n  title: { signage-width: 0 }\n")
                == "Captions/captions.yml:2:27: error: signage-width of title must be a whole number greater than 0")
    }
}
