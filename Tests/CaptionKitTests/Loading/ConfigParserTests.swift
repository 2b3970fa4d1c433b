import Testing

@testable import CaptionKit

@Suite struct ConfigParserTests {
    let path = "Captions/captions.yml"

    func error(_ text: String) -> String? {
        do {
            _ = try ConfigParser.parse(text: text, path: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func emptyFileGivesTheDefaults() throws {
        let config = try ConfigParser.parse(text: "", path: path)
        #expect(config.languages == ["kk", "ru", "en"])
        #expect(config.source == "ru")
        #expect(config.fields.map(\.name) == ["title", "text", "credit"])
        #expect(config.fields.map(\.required) == [true, true, false])
        #expect(config.fields.map(\.maxChars) == [80, 900, 160])
    }

    @Test func readsEveryKey() throws {
        let config = try ConfigParser.parse(
            text: """
                languages: [kk, ru, en, kk-Latn]
                source: kk
                fields:
                  title: { required: true, max-chars: 60 }
                  label: {}
                checks:
                  id-file-mismatch: off
                  missing-translation: { severity: warning }
                """, path: path)
        #expect(config.languages == ["kk", "ru", "en", "kk-Latn"])
        #expect(config.targetLanguages == ["ru", "en", "kk-Latn"])
        #expect(config.fields.map(\.name) == ["title", "label"])
        #expect(config.fields.map(\.maxChars) == [60, nil])
        #expect(config.checks["id-file-mismatch"]?.severity == .off)
        #expect(config.checks["missing-translation"]?.severity == .warning)
    }

    @Test(arguments: [
        (
            "languages: [kk, ru]\nsource: ru\nsource: kk\n",
            "Captions/captions.yml:3:1: error: duplicate key 'source'; the first is at line 2"
        ),
        (
            "panels:\n  p: { font: PT Sans, size-pt: 24,\n       leading-pt: 30, size-pt: 20 }\n",
            "Captions/captions.yml:3:24: error: duplicate key 'size-pt'; the first is at line 2"
        ),
        (
            "langauges: [kk]\n",
            "Captions/captions.yml:1:1: error: unknown setting 'langauges'; did you mean 'languages'?"
        ),
        (
            "languages: [kk, kz kz]\n",
            "Captions/captions.yml:1:17: error: 'kz kz' is not a BCP 47 language tag such as kk, ru, en or kk-Latn"
        ),
        (
            "languages: [kk, en]\n",
            "Captions/captions.yml:1:12: error: source language 'ru' is not one of the languages (kk, en)"
        ),
        (
            "source: de\n",
            "Captions/captions.yml:1:9: error: source language 'de' is not one of the languages (kk, ru, en)"
        ),
        (
            "source: rus\n",
            """
            Captions/captions.yml:1:9: error: source language 'rus' is not one of the languages (kk, ru, en); did you \
            mean 'ru'?
            """
        ),
        (
            "fields:\n  title: { requried: true }\n",
            "Captions/captions.yml:2:12: error: unknown field option 'requried'; did you mean 'required'?"
        ),
        (
            "fields:\n  title: { max-chars: -3 }\n",
            "Captions/captions.yml:2:23: error: max-chars must be a whole number greater than 0"
        ),
        // The signage and panels sections are read with the rest: a bad one stops every command.
        (
            "signage: { require: aproved }\n",
            "Captions/captions.yml:1:21: error: signage require must be translated, reviewed or approved"
        ),
        (
            "signage: { widht: 40 }\n",
            "Captions/captions.yml:1:12: error: unknown signage setting 'widht'; did you mean 'width'?"
        ),
        (
            "signage: { width: 0 }\n",
            "Captions/captions.yml:1:19: error: signage width must be a whole number greater than 0"
        ),
        (
            "fields:\n  title: { signage-width: abc }\n",
            "Captions/captions.yml:2:27: error: signage-width of title must be a whole number greater than 0"
        ),
        (
            "panels:\n  wall: { font: PT Sans }\n",
            "Captions/captions.yml:2:3: error: panel 'wall' needs size-pt "
                + "(every panel sets font, size-pt, leading-pt, width-mm, max-lines)"
        ),
        (
            "checks:\n  empty-text: loud\n",
            "Captions/captions.yml:2:15: error: severity 'loud' must be error, warning, note or off"
        ),
        (
            "languages: [kk\n",
            """
            Captions/captions.yml:2:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a \
            flow sequence at line 1, column 12)
            """
        ),
        ("- kk\n", "Captions/captions.yml:1:1: error: captions.yml must be a mapping of settings, found a list"),
    ])
    func malformedConfigIsALocatedError(_ text: String, _ message: String) {
        #expect(error(text) == message)
    }
}
