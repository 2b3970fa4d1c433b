import Testing

@testable import CaptionKit

@Suite struct KazakhLooksRussianCheckTests {
    /// With `min-words: 1`, a one-word text is `1 word`, not `1 words`.
    @Test func oneWordIsSingular() throws {
        let config = try ConfigParser.parse(
            text: "checks:\n  kazakh-looks-russian: { min-words: 1 }\n", path: "Captions/captions.yml")
        let options = CheckOptions(
            checkID: "kazakh-looks-russian", node: config.checks["kazakh-looks-russian"]?.node)
        let exhibit = ExhibitParser.parse(
            text: "id: door\ntitle:\n  ru: Дверь\n  kk: дверь\n", path: "Captions/door.yml", relativePath: "door.yml")
        let check = try KazakhLooksRussianCheck(options: options)
        #expect(
            check.check(exhibit, in: CheckContext(config: .default)).map(\.message) == [
                "title (kk) looks Russian: 1 word and none of the Kazakh letters ә ғ қ ң ө ұ ү һ і"
            ])
        // With a Kazakh letter (in a name, which is not counted): the one word shared is "is".
        let shared = ExhibitParser.parse(
            text: "id: door\ntitle:\n  ru: Дверь\n  kk: дверь Әлия\n", path: "Captions/door.yml",
            relativePath: "door.yml")
        #expect(
            check.check(shared, in: CheckContext(config: .default)).map(\.message) == [
                "title (kk) looks Russian: 1 of its 1 word is in the Russian (ru) text"
            ])
    }
}
