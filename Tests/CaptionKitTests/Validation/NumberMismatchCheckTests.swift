import Testing

@testable import CaptionKit

/// `number-mismatch` on whole collections: the exact findings a curator sees.
@Suite struct NumberMismatchCheckTests {
    func findings(_ files: [(path: String, text: String)]) throws -> [String] {
        let collection = try TestCollection(files: files)
        let result = try CaptionChecker.run(CheckRequest(path: collection.root))
        return result.diagnostics.map { $0.formatted.replacingOccurrences(of: collection.root + "/", with: "") }
            .filter { $0.hasSuffix("[number-mismatch]") }
    }

    @Test func romanNumeralsTypedInCyrillicCountAsTheirValue() throws {
        let gramophone = """
            id: gramophone
            title:
              kk: ХІХ ғасырдың соңындағы граммофон
              ru: Граммофон конца ХІХ века
              en: A late 19th-century gramophone
            text:
              kk: Граммофон ХХ ғасырдың басына дейін ойналды.
              ru: На граммофоне играли до начала ХХ века.
              en: The gramophone was played until the early XX century.

            """
        #expect(try findings([("gramophone.yml", gramophone)]) == [])
    }

    @Test func aWrongCenturyAgainstACyrillicNumeralIsReportedWithItsValue() throws {
        let gramophone = """
            id: gramophone
            title:
              kk: ХІХ ғасырдың граммофоны
              ru: Граммофон ХІХ века
              en: An 18th-century gramophone

            """
        #expect(
            try findings([("gramophone.yml", gramophone)]) == [
                """
                gramophone.yml:5:7: error: title (en) has other numbers than the Russian (ru) source: missing 19; \
                extra 18 [number-mismatch]
                """
            ])
    }
}
