import Testing

@testable import CaptionKit

/// `stale-translation` after `source:` was changed in `captions.yml`.
@Suite struct StaleTranslationCheckTests {
    /// The records name the former source's text (Сундук кебеже, fingerprint fc93ec8a), not an earlier
    /// version of the new source: the message says so instead of sending the curator to
    /// `captions diff`, which finds no earlier Kazakh text.
    @Test func aTranslationOfTheFormerSourceIsNamedAsSuch() throws {
        let collection = try TestCollection(files: [
            ("captions.yml", "source: kk\n"),
            (
                "chest.yml",
                """
                id: chest
                title:
                  kk: Кебеже
                  ru: Сундук кебеже
                  en: Kebezhe chest
                text:
                  kk: Ағаш сандық.
                  ru: Деревянный сундук для посуды.
                  en: A wooden chest for dishes.
                translations:  # machine-owned: source fingerprints of translations; do not edit
                  title: { en: fc93ec8a }
                  text: { en: aaaaaaaa }

                """
            ),
        ])
        #expect(
            try collection.findings().filter { $0.hasSuffix("[stale-translation]") } == [
                """
                chest.yml:5:3: error: title (en) of chest was translated from its ru text, but the source is kk now \
                (source: in captions.yml); review it against the kk text and run captions accept, or export it with \
                --needed [stale-translation]
                """,
                """
                chest.yml:9:3: error: text (en) of chest was translated from an earlier kk text; see what changed with \
                captions diff chest, review it and run captions accept, or export it with --needed [stale-translation]
                """,
            ])
    }
}
