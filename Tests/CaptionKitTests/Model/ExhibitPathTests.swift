import Testing

@testable import CaptionKit

/// The byte fast paths for an exhibit's file stem and gallery must give what splitting by
/// characters gives.
@Suite struct ExhibitPathTests {
    static let paths = [
        "", "/", "//", "a", "a.yml", "garden/a.yml", "floor-1/arch/a.yml", "/a.yml", "garden//a.yml", "garden/a.yml/",
        "garden/", "a/b/c/d.yaml", "ә/a.yml", "garden/ә.yml", "гал/\u{301}a.yml", "x/\u{301}/a.yml", "a\r\n/b.yml",
        "a/\r\nb.yml", "🇰🇿/flag.yml", "e\u{301}/a.yml", "a/b/", "a//", "Garden/A.YML",
    ]

    @Test(arguments: paths) func lastComponentAndFolderAgreeWithSplit(_ path: String) {
        #expect(Exhibit.lastComponent(of: path) == (path.split(separator: "/").last.map(String.init) ?? path))
        #expect(Exhibit.folder(of: path) == path.split(separator: "/").dropLast().joined(separator: "/"))
    }

    @Test(arguments: paths + ["garden", "floor-1/arch", "a--b", "-a", "a/-b", "a/b-", "Ab", "a/é"])
    func galleryValidityAgreesWithSplit(_ gallery: String) {
        let plain =
            gallery.isEmpty
            || gallery.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
                ExhibitID.isValid(String($0))
            }
        #expect(ExhibitID.isValidGallery(gallery) == plain)
    }
}
