import Foundation

/// A situation in which `captions` cannot do its job (exit code 2).
///
/// Thrown, never collected. Each case reads as the situation it describes; its text has the
/// compiler-style shape `path:line:col: error: message` when a location is known (one such line
/// per error of ``several(_:)``).
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
    /// Several inputs are refused together (an export that cannot write some texts), each one
    /// line of ``description``.
    case several([CaptionError])

    /// The message printed on stderr: `path:line:col: error: message` (a line per error of
    /// ``several(_:)``), or
    /// `error: message` when no file is concerned.
    public var description: String {
        if case .several(let errors) = self { return errors.map(\.description).joined(separator: "\n") }
        return location.map { $0.line(.error, message) } ?? "error: \(SourceLocation.oneLine(message))"
    }

    /// Where the problem is: a position in a file, a file, or `nil` (an argument).
    public var location: SourceLocation? {
        switch self {
        case .collectionNotFound(let path), .unreadable(let path, _), .unwritable(let path, _),
            .alreadyExists(let path), .conflict(let path):
            SourceLocation(path: path)
        case .invalidConfig(let location, _), .invalidInput(let location, _), .unknownCheck(let location, _, _),
            .idInUse(let location, _):
            location
        case .invalidArgument:
            nil
        case .several(let errors):
            errors.first?.location
        }
    }

    /// What went wrong, without the location.
    public var message: String {
        switch self {
        case .collectionNotFound:
            "no caption collection here (expected a folder with captions.yml or exhibit .yml files)"
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .invalidConfig(_, let message), .invalidInput(_, let message), .invalidArgument(let message): message
        case .unknownCheck(_, let id, let suggestion):
            "unknown check '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .unwritable(_, let reason): "cannot write: \(reason)"
        case .alreadyExists: "already exists; refusing to overwrite it"
        case .idInUse(_, let id): "the id '\(id)' is already used by this exhibit; choose another id"
        case .conflict:
            "the file changed on disk since it was read (another command or the editor wrote it); nothing was written: run the command again"
        case .several(let errors): errors.map(\.message).joined(separator: "; ")
        }
    }

    /// Same as ``description``, for `LocalizedError` consumers.
    public var errorDescription: String? { description }
}
