import Testing

@testable import CaptionKit

/// The ids `git log -p` of `glossary.yml` says were removed, and by which commit.
@Suite struct GlossaryHistoryTests {
    @Test func theNewestCommitThatRemovesAnIdAndAddsItNowhereIsItsRemoval() {
        let log = """
            \u{1}c3 2026-12-05

            diff --git a/glossary.yml b/glossary.yml
            --- a/glossary.yml
            +++ b/glossary.yml
            @@ -5,4 +4,0 @@
            -- id: barrack
            -  kk: барак
            -  ru: барак
            -  en: [barrack, hut]
            @@ -20 +20 @@
            --  id: "yurt"  # moved
            +-  id: "yurt"  # moved
            \u{1}c2 2026-11-01

            diff --git a/glossary.yml b/glossary.yml
            @@ -9,2 +9,0 @@
            -- id: 'kurt'\r
            -  ru: курт\r
            -  note: "id: notanid"
            \u{1}c1 2026-10-01

            diff --git a/glossary.yml b/glossary.yml
            @@ -1,0 +1,2 @@
            -- id: barrack
            +- id: barracks

            """
        #expect(
            GlossaryHistory.removals(fromLog: log) == [
                "barrack": GlossaryRemoval(commit: "c3", date: "2026-12-05"),
                "kurt": GlossaryRemoval(commit: "c2", date: "2026-11-01"),
            ])
        #expect(GlossaryHistory.removals(fromLog: "").isEmpty)
    }

    @Test(
        arguments: [
            ("-- id: barrack", "barrack"), ("-  id: barrack", "barrack"), ("+- id: \"barrack\" # note", "barrack"),
            ("-- id:", nil), ("-  note: id: x", nil), ("-- ids: x", nil),
        ] as [(String, String?)])
    func anIdLineOfADiff(_ line: String, _ id: String?) {
        #expect(GlossaryHistory.id(inChangedLine: line[...]) == id)
    }
}
