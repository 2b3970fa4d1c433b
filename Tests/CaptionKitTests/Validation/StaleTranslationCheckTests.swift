import Testing

@testable import CaptionKit

/// `stale-translation` after `source:` was changed in `captions.yml`.
@Suite struct StaleTranslationCheckTests {
    /// The records name the former source's text (Курт, fingerprint 8577ed6c), not an earlier
    /// version of the new source: the message says so instead of sending the curator to
    /// `captions diff`, which finds no earlier Kazakh text.
    @Test func aTranslationOfTheFormerSourceIsNamedAsSuch() throws {
        let collection = try TestCollection(files: [
            ("captions.yml", "source: kk\n"),
            (
                "kurt.yml",
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                text:
                  kk: Ақ құрт.
                  ru: Белый курт.
                  en: White kurt.
                translations:  # machine-owned: source fingerprints of translations; do not edit
                  title: { en: 8577ed6c }
                  text: { en: aaaaaaaa }

                """
            ),
        ])
        #expect(
            try collection.findings().filter { $0.hasSuffix("[stale-translation]") } == [
                """
                kurt.yml:5:3: error: title (en) of kurt was translated from its ru text, but the source is kk now \
                (source: in captions.yml); review it against the kk text and run captions accept, or export it with \
                --needed [stale-translation]
                """,
                """
                kurt.yml:9:3: error: text (en) of kurt was translated from an earlier kk text; see what changed with \
                captions diff kurt, review it and run captions accept, or export it with --needed [stale-translation]
                """,
            ])
    }
}
