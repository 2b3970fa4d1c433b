import Foundation

/// A situation in which `captions` cannot do its job (exit code 2).
///
/// Thrown, never collected. Each case reads as the situation it describes; its text has the
/// compiler-style shape `path:line:col: error: message` when a location is known.
public enum CaptionError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// No caption collection folder was found where one was expected.
    case collectionNotFound(path: String)
    /// A file or folder could not be read.
    case unreadable(path: String, reason: String)
    /// `captions.yml` is not valid YAML or has a value of the wrong kind.
    case invalidConfig(SourceLocation, String)
    /// `captions.yml` sets the severity of a check that does not exist.
    case unknownCheck(SourceLocation, id: String, suggestion: String?)
    /// A file could not be written.
    case unwritable(path: String, reason: String)
    /// A file the command would create already exists.
    case alreadyExists(path: String)
    /// A new exhibit's id is the id of the exhibit at the location.
    case idInUse(SourceLocation, id: String)
    /// An argument names something invalid (an id, a language, a gallery).
    case invalidArgument(String)
    /// An input file is malformed or unsafe; the location says where.
    case invalidInput(SourceLocation, String)
    /// A file changed on disk since it was read, so writing it would lose someone else's change.
    case conflict(path: String)

    /// The one-line message printed on stderr.
    public var description: String {
        switch self {
        case .collectionNotFound(let path):
            return SourceLocation(path: path).line(
                .error, "no caption collection here (expected a folder with captions.yml or exhibit .yml files)")
        case .unreadable(let path, let reason):
            return SourceLocation(path: path).line(.error, "cannot read: \(reason)")
        case .invalidConfig(let location, let message), .invalidInput(let location, let message):
            return location.line(.error, message)
        case .unknownCheck(let location, let id, let suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return location.line(.error, "unknown check '\(id)'\(hint)")
        case .unwritable(let path, let reason):
            return SourceLocation(path: path).line(.error, "cannot write: \(reason)")
        case .alreadyExists(let path):
            return SourceLocation(path: path).line(.error, "already exists; refusing to overwrite it")
        case .idInUse(let location, let id):
            return location.line(.error, "the id '\(id)' is already used by this exhibit; choose another id")
        case .invalidArgument(let message):
            return "error: \(message)"
        case .conflict(let path):
            return SourceLocation(path: path).line(
                .error, "the file changed on disk since it was read; nothing was written")
        }
    }

    /// Same as ``description``, for `LocalizedError` consumers.
    public var errorDescription: String? { description }
}
