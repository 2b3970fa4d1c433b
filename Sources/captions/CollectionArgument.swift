import ArgumentParser
import CaptionKit

/// The collection folder argument shared by the commands that read captions.
struct CollectionArgument: ParsableArguments {
    @Argument(
        help: "The caption collection folder (\(CollectionArgument.defaultFolder)).")
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
    /// Which folder a command reads when none is named, for `--help`.
    static let defaultFolder = "default: the collection you are in, or Captions here or in the nearest parent"

    /// The help of a command's `--collection` option.
    static let optionHelp = "The collection folder (\(defaultFolder))."

    /// An argument value made in code (for commands that take the folder as an option).
    init(path: String?) {
        self.init()
        self.path = path
    }
}
