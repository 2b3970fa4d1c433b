import Testing

@testable import CaptionKit

/// The stale translations of `status`, counted in chunks on all cores, are those counted one
/// exhibit after another.
@Suite struct StaleCountTests {
    @Test func chunkedCountsEqualTheSequentialCount() throws {
        // 1,300 exhibits: three chunks; every third has a stale kk title, every fifth a stale en one.
        let files = (0..<1300).map { index -> (path: String, text: String) in
            var recorded: [String] = []
            if index % 3 == 0 { recorded.append("kk: 8577ed6c") }
            if index % 5 == 0 { recorded.append("en: 8577ed6c") }
            let record = recorded.isEmpty ? "" : "translations:\n  title: { \(recorded.joined(separator: ", ")) }\n"
            return (
                "g\(index % 4)/e\(index).yml",
                "id: e\(index)\ntitle:\n  kk: Құрт\n  ru: Курт \(index)\n  en: Kurt\n" + record
            )
        }
        let collection = try TestCollection(files: files).load()
        var sequential: [String: Int] = [:]
        for exhibit in collection.exhibits {
            for entry in TranslationTracker.staleTranslations(in: exhibit, config: collection.config) {
                sequential[entry.language, default: 0] += 1
            }
        }
        #expect(sequential == ["kk": 434, "en": 260])
        #expect(TranslationStatus.staleCounts(in: collection) == sequential)
        #expect(TranslationStatus(collection: collection).languages.map(\.stale) == [434, 0, 260])
    }
}
