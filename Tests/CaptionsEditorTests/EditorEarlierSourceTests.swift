import Foundation
import HTTPTypes
import Testing

@testable import CaptionsEditor

@Suite("Editor: why a stale text's earlier source is unknown, in the interface language")
struct EditorEarlierSourceTests {
    static let file = "barracks/first-winter.yml"

    /// The bundled collection with first-winter's Kazakh title recorded as made from a source no
    /// version of the file has; with `git`, committed to a new repository.
    static func staleFixture(git: String? = nil) throws -> EditorFixture {
        try EditorFixture { root in
            let path = root + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try (text + "translations:\n  title: { kk: 00000000 }\n").write(
                toFile: path, atomically: true, encoding: .utf8)
            guard let git else { return }
            for arguments in [["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "captions"]] {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: git)
                process.arguments = ["-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
                process.currentDirectoryURL = URL(fileURLWithPath: root)
                try process.run()
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "git \(arguments)")
            }
        }
    }

    @Test("When git fails, its own message follows the file, marked English")
    func gitFailureShowsGitsMessage() async throws {
        guard let git = ["/usr/bin/git", "/usr/local/bin/git"].first(where: FileManager.default.isExecutableFile)
        else {
            print("EditorEarlierSourceTests: skipped the git failure test, git is not installed")
            return
        }
        let fixture = try Self.staleFixture(git: git)
        // The repository's objects lost: `git log` fails with "fatal: bad object HEAD".
        try FileManager.default.removeItem(atPath: fixture.root + "/.git/objects")
        try FileManager.default.createDirectory(
            atPath: fixture.root + "/.git/objects", withIntermediateDirectories: false)
        let path = Self.file
        try await fixture.test { browser in
            let kazakh = try await Self.exhibitPage(browser, language: "kk")
            #expect(
                kazakh.contains(
                    "Қай сөздер өзгергенін көрсету мүмкін емес: git жазба файлының тарихын оқи алмады. "
                        + "<code lang=\"en\">\(path)</code> (git: <span lang=\"en\">bad object HEAD</span>)</p>"))
        }
    }

    /// The exhibit page of first-winter in the interface language `language`.
    static func exhibitPage(_ browser: Browser, language: String) async throws -> String {
        _ = try await browser.get("/")
        _ = try await browser.post("/language", [("lang", language), ("back", "/exhibits/first-winter")])
        return try await browser.get("/exhibits/first-winter").body
    }

    @Test("Outside git, the reason is said in Russian (the file's path marked English), and in English")
    func notInGitLocalized() async throws {
        let fixture = try Self.staleFixture()
        let path = Self.file  // from the collection folder on, as curators know their files
        try await fixture.test { browser in
            let russian = try await Self.exhibitPage(browser, language: "ru")
            #expect(
                russian.contains(
                    "<p class=\"word-diff hint\">Нельзя показать, какие слова изменились: файл подписи не в репозитории "
                        + "git (или git не установлен), поэтому его прежние тексты неизвестны. "
                        + "<code lang=\"en\">\(path)</code></p>"))
            #expect(!russian.contains("is not in a git repository"))
            let english = try await Self.exhibitPage(browser, language: "en")
            #expect(
                english.contains(
                    "Which words changed cannot be shown: the caption file is not in a git repository (or git is not "
                        + "installed), so its earlier texts are unknown. <code>\(path)</code></p>"))
        }
    }

    @Test("In git, a source no commit has is said to be missing from the history, in Kazakh")
    func notInHistoryLocalized() async throws {
        guard let git = ["/usr/bin/git", "/usr/local/bin/git"].first(where: FileManager.default.isExecutableFile)
        else { return }
        let fixture = try Self.staleFixture(git: git)
        let path = Self.file  // from the collection folder on, as curators know their files
        try await fixture.test { browser in
            let kazakh = try await Self.exhibitPage(browser, language: "kk")
            #expect(
                kazakh.contains(
                    "Қай сөздер өзгергенін көрсету мүмкін емес: жазба файлының git тарихындағы бірде-бір нұсқасында бұл "
                        + "аударма жасалған бастапқы мәтін жоқ. <code lang=\"en\">\(path)</code></p>"))
        }
    }
}
