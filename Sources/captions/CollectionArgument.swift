import ArgumentParser
import CaptionKit

/// The collection folder argument shared by the commands that read captions.
struct CollectionArgument: ParsableArguments {
    @Argument(
        help: "The caption collection folder (default: Captions in this folder or the nearest parent that has one).")
    var path: String?

    /// The folder to use.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` when none is given and none is found.
    func resolved() throws(CaptionError) -> String {
        if let path { return path }
        return try CaptionCollection.requireDefaultPath()
    }
}

extension CollectionArgument {
    /// An argument value made in code (for commands that take the folder as an option).
    init(path: String?) {
        self.init()
        self.path = path
    }
}
