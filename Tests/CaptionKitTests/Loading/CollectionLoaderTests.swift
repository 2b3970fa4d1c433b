import Foundation
import Testing

@testable import CaptionKit

@Suite struct CollectionLoaderTests {
    @Test func loadsEveryExhibitFileSortedSkippingHiddenAndConfig() throws {
        let folder = try TestCollection(
            files: [
                ("b/wagon.yml", "id: wagon\n"), ("a/kurt.yaml", "id: kurt\n"), ("arch.yml", "id: arch\n"),
                (".hidden/x.yml", "id: x\n"), ("a/.draft.yml", "id: draft\n"), ("README.md", "not a caption\n"),
            ], config: "languages: [kk, ru]\n")
        let collection = try folder.load()
        #expect(collection.exhibits.map(\.relativePath) == ["a/kurt.yaml", "arch.yml", "b/wagon.yml"])
        #expect(
            collection.exhibits.map(\.path)
                == ["a/kurt.yaml", "arch.yml", "b/wagon.yml"].map { folder.root + "/" + $0 })
        #expect(collection.config.languages == ["kk", "ru"])
    }

    @Test func missingFolderIsCollectionNotFound() {
        #expect(throws: CaptionError.collectionNotFound(path: "/nonexistent/Captions")) {
            _ = try CollectionLoader.load(path: "/nonexistent/Captions")
        }
    }

    @Test func manyFilesLoadInPathOrder() throws {
        let files = (0..<500).map { ("g\($0 % 7)/e\($0).yml", "id: e\($0)\n") }
        let folder = try TestCollection(files: files)
        let collection = try folder.load()
        #expect(collection.exhibits.count == 500)
        #expect(collection.exhibits.map(\.relativePath) == files.map(\.0).sorted())
        #expect(collection.exhibits.allSatisfy { $0.id == $0.fileStem })
    }

    @Test func defaultCollectionIsFoundInAParentFolder() throws {
        let folder = try TestCollection(files: [("Captions/a.yml", "id: a\n"), ("deep/er/x.txt", "x")])
        #expect(CollectionLoader.defaultCollectionPath(from: folder.root + "/deep/er") == "../../Captions")
        #expect(CollectionLoader.defaultCollectionPath(from: folder.root) == "Captions")
    }

    /// A curator inside a collection of another name (made with `captions init Exhibits`), or in
    /// one of its galleries, uses that collection, not a `Captions` folder further up.
    @Test func theCollectionOneIsInIsTheDefault() throws {
        let folder = try TestCollection(files: [
            ("Captions/a.yml", "id: a\n"), ("work/Exhibits/captions.yml", "source: ru\n"),
            ("work/Exhibits/hall/b.yml", "id: b\n"), ("work/Exhibits/hall/deep/c.yml", "id: c\n"),
            ("work/notes/captions.yml/x.txt", "a folder named like the file is no collection"),
        ])
        let exhibits = folder.root + "/work/Exhibits"
        #expect(CollectionLoader.defaultCollectionPath(from: exhibits) == ".")
        #expect(CollectionLoader.defaultCollectionPath(from: exhibits + "/hall") == "..")
        #expect(CollectionLoader.defaultCollectionPath(from: exhibits + "/hall/deep") == "../..")
        #expect(CollectionLoader.defaultCollectionPath(from: folder.root + "/work/notes") == "../../Captions")
        // A Captions folder without a captions.yml (the defaults) is found from its parent.
        #expect(CollectionLoader.defaultCollectionPath(from: folder.root + "/Captions") == "../Captions")
    }

    /// The collection a gallery named alone lies in, named as the gallery was.
    @Test func theCollectionAGalleryIsInIsNamedFromTheGallerysPath() throws {
        let folder = try TestCollection(files: [
            ("Captions/captions.yml", "source: ru\n"), ("Captions/hall/deep/a.yml", "id: a\n"),
            ("Other/b.yml", "id: b\n"), ("Captions/hall2/captions.yml/x.txt", "a folder named like the file"),
        ])
        let root = folder.root
        #expect(CollectionLoader.enclosingCollection(of: root + "/Captions/hall") == root + "/Captions")
        #expect(CollectionLoader.enclosingCollection(of: root + "/Captions") == nil)
        #expect(CollectionLoader.enclosingCollection(of: root + "/Other") == nil)
        #expect(CollectionLoader.enclosingCollection(of: root + "/Captions/hall2") == root + "/Captions")
        #expect(CollectionLoader.enclosingCollectionAndFolder(of: root + "/Captions/hall/deep")?.folder == "hall/deep")
        // A folder that is not there is in no collection (a typo is reported as missing).
        #expect(CollectionLoader.enclosingCollection(of: root + "/Captions/hal") == nil)
        // Relative paths (from a gallery's folder): CheckCommandTests, which runs in one.
    }

    @Test func nestedFoldersAreWalkedOnAllCoresAndSorted() throws {
        let folder = try TestCollection(files: [
            ("top.yml", "id: top\n"), ("g1/a.yml", "id: a\n"), ("g1/deep/er/b.yaml", "id: b\n"),
            ("g1/deep/c.yml", "id: c\n"),
            ("g2/.hidden/d.yml", "id: d\n"), ("g2/e.yml", "id: e\n"),
            ("g3/notes.txt", "x"), ("g10/f.yml", "id: f\n"), ("captions.yaml", "languages: [ru]\n"),
        ])
        try FileManager.default.createSymbolicLink(
            atPath: folder.root + "/link", withDestinationPath: folder.root + "/g1")
        #expect(
            try CollectionLoader.exhibitFiles(in: folder.root) == [
                "g1/a.yml", "g1/deep/c.yml", "g1/deep/er/b.yaml", "g10/f.yml", "g2/e.yml", "top.yml",
            ])
    }

    /// A folder with a `captions.yml` of its own below the one given is a collection of its own:
    /// read as exhibits, its configuration and glossary made dozens of false findings, and the
    /// outer folder's configuration (if any) was not the one meant. `captions check .` in the
    /// repository that holds `Captions/` is the common case.
    @Test func aCollectionBelowTheFolderGivenIsRefusedByName() throws {
        let repository = try TestCollection(files: [
            ("Captions/captions.yml", "languages: [kk, ru]\nsource: ru\n"), ("Captions/g/a.yml", "id: a\n"),
            ("Captions/glossary.yml", "- id: x\n  ru: x\n"), ("Tools/list.yml", "- a\n"),
        ])
        #expect(throws: CaptionError.self) { try CollectionLoader.load(path: repository.root) }
        do {
            _ = try CollectionLoader.exhibitFiles(in: repository.root)
            Issue.record("the repository was read as a collection")
        } catch {
            #expect(
                error.description
                    == "\(repository.root)/Captions/captions.yml: error: \(repository.root) is not a caption collection, "
                    + "but \(repository.root)/Captions is: name that folder instead")
        }
        // Inside a collection: named as such, at the inner captions.yml.
        let nested = try TestCollection(files: [
            ("captions.yml", "languages: [kk, ru]\nsource: ru\n"), ("g/a.yml", "id: a\n"),
            ("g/old/captions.yml", "languages: [ru]\n"), ("h/captions.yml", "languages: [ru]\n"),
        ])
        do {
            _ = try CollectionLoader.load(path: nested.root)
            Issue.record("a collection inside the collection was read")
        } catch {
            let root = nested.root
            #expect(
                error.description
                    == "\(root)/g/old/captions.yml: error: a collection inside the collection \(root) (and 1 other "
                    + "collection): its files would be read as exhibits of \(root); move \(root)/g/old out of \(root), "
                    + "or delete this captions.yml")
        }
    }

    /// Names a curator may mean as captions but the loader does not read are skipped paths;
    /// hidden files, the tool's own files and files that are not YAML are not.
    @Test func skippedPathsAreFoundButNotHiddenKnownOrOtherFiles() throws {
        let folder = try TestCollection(
            files: [
                ("g/kurt.yml", "id: kurt\n"), ("g/wagon.YML", "id: wagon\n"), ("g/arch.Yml", "id: arch\n"),
                ("g/deep/stone.YAML", "id: stone\n"), ("g/notes.txt", "x"), ("g/.draft.YML", "id: draft\n"),
                (".git/x.YML", "x"), ("glossary.yml", "- id: alzhir\n  kk: АЛЖИР\n  ru: АЛЖИР\n"),
                ("captions.yaml", "languages: [ru]\n"),
                ("captions-baseline.json", "{}"), ("README.md", "x"), ("g/photo.JPG", "x"), ("g/kurt.yml~", "x"),
                ("shared/park/a.yml", "id: a\n"),
            ], config: "languages: [kk, ru]\n")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.root + "/park", withDestinationPath: folder.root + "/shared/park")
        try manager.createSymbolicLink(atPath: folder.root + "/g/gone", withDestinationPath: folder.root + "/nowhere")
        try manager.createSymbolicLink(atPath: folder.root + "/g/alias.yml", withDestinationPath: "kurt.yml")
        try manager.createSymbolicLink(atPath: folder.root + "/g/alias.YML", withDestinationPath: "kurt.yml")
        try manager.createSymbolicLink(atPath: folder.root + "/g/.hidden-link", withDestinationPath: "/nowhere")
        // A dangling link to a photo is not a caption left unread.
        try manager.createSymbolicLink(atPath: folder.root + "/g/photo.jpg", withDestinationPath: "/nowhere.jpg")
        try manager.createSymbolicLink(atPath: folder.root + "/g/gone.YML", withDestinationPath: "/nowhere.yml")
        let found = try CollectionLoader.scan(folder.root)
        #expect(found.files == ["g/alias.yml", "g/kurt.yml", "shared/park/a.yml"])
        #expect(
            found.skipped == [
                SkippedPath(relativePath: "captions.yaml", reason: .configurationName),
                SkippedPath(relativePath: "g/alias.YML", reason: .extensionCase),
                SkippedPath(relativePath: "g/arch.Yml", reason: .extensionCase),
                SkippedPath(relativePath: "g/deep/stone.YAML", reason: .extensionCase),
                SkippedPath(relativePath: "g/gone", reason: .brokenLink),
                SkippedPath(relativePath: "g/gone.YML", reason: .brokenLink),
                SkippedPath(relativePath: "g/wagon.YML", reason: .extensionCase),
                SkippedPath(relativePath: "park", reason: .linkToFolder),
            ])
        let collection = try folder.load()
        #expect(collection.skippedPaths == found.skipped)
        #expect(collection.config.languages == ["kk", "ru"])
    }

    @Test func aMissingFolderCannotBeListed() {
        #expect(throws: CaptionError.unreadable(path: "/nonexistent/Captions", reason: "cannot list the folder")) {
            _ = try CollectionLoader.exhibitFiles(in: "/nonexistent/Captions")
        }
    }
}
