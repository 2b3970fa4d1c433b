/// A caption file that a command over every exhibit (`approve --all-reviewed`, `accept
/// --untracked`) passes over, doing the other files, with the warning that names it.
public struct PassedOverFile: Sendable, Hashable {
    /// Why a file is passed over.
    public enum Reason: Sendable, Hashable {
        /// It cannot be read as captions (a merge conflict, a file saved as UTF-16).
        case unreadable
        /// It is read with errors (a key twice in one mapping, a value that is not text), which
        /// the caption file editor refuses to write over.
        case errors
        /// It has no id (`approve --all-reviewed` only): texts are signed off by exhibit id, and
        /// the exports hold a file without one back.
        case noID
        /// Its id is not a slug (`approve --all-reviewed` only): `check` reports it (`invalid-id`)
        /// and the exports hold the file back, as for a file without an id.
        case invalidID
    }

    public var reason: Reason
    /// One located line: `path:line:col: warning: <path> <why>; skipped: fix it, then run the
    /// command again` (for a file without an id, `skipped: add 'id: <suggestion>', then …`; for
    /// an id that is not a slug, `skipped: make it 'id: <suggestion>', then …`).
    public var warning: String

    /// The count of `files` (in the order of ``Reason``), e.g. `skipped 2 exhibit files that
    /// cannot be read as captions` or, for files skipped for different reasons, `skipped 2
    /// exhibit files: 1 that cannot be read as captions and 1 with errors`; `nil` for none.
    public static func summary(_ files: [PassedOverFile]) -> String? {
        guard !files.isEmpty else { return nil }
        let counts: [(Reason, String)] = [
            (.unreadable, "that cannot be read as captions"), (.errors, "with errors"), (.noID, "without an id"),
            (.invalidID, "with an id that is not a slug"),
        ]
        let parts = counts.compactMap { reason, what in
            let count = files.count { $0.reason == reason }
            return count == 0 ? nil : (count, what)
        }
        let total = files.count == 1 ? "1 exhibit file" : "\(files.count) exhibit files"
        guard parts.count > 1 else { return "skipped \(total) \(parts[0].1)" }
        let listed = parts.map { "\($0.0) \($0.1)" }
        return "skipped \(total): \(listed.dropLast().joined(separator: ", ")) and \(listed.last ?? "")"
    }
}

extension CaptionCollection {
    /// The files, in collection order, in the gallery folder `gallery` (with the galleries below
    /// it) or anywhere, that a command over every exhibit passes over: those that cannot be read
    /// as captions or are read with errors (``Exhibit/isReadWithoutErrors``) and, `needingID`,
    /// those without an id or whose id is not a slug (``Exhibit/hasValidID``).
    func filesPassedOver(inGallery gallery: String? = nil, needingID: Bool = false) -> [PassedOverFile] {
        exhibits.compactMap { exhibit in
            guard exhibit.isInGallery(gallery) else { return nil }
            guard exhibit.isReadable else {
                return PassedOverFile(
                    reason: .unreadable, warning: exhibit.skipped(at: exhibit.unreadableAt, exhibit.whyUnreadable))
            }
            if let first = exhibit.loadFindings.first(where: { $0.severity == .error }) ?? exhibit.loadFindings.first {
                return PassedOverFile(
                    reason: .errors,
                    warning: exhibit.skipped(at: first.location, "\(exhibit.path) has errors: \(first.message)"))
            }
            guard needingID, !exhibit.hasValidID else { return nil }
            if let notASlug = exhibit.idNotASlug {
                return PassedOverFile(
                    reason: .invalidID,
                    warning: exhibit.skipped(at: exhibit.idLocation, notASlug.why, fix: notASlug.fix))
            }
            return PassedOverFile(
                reason: .noID,
                warning: exhibit.skipped(
                    at: SourceLocation(path: exhibit.path, line: 1, column: 1),
                    "\(exhibit.path) has no id, and texts are signed off by exhibit id",
                    fix: "add 'id: \(ExhibitID.suggestion(from: exhibit.fileStem))'"))
        }
    }
}

extension Exhibit {
    /// Whether this file is read as captions without a finding in reading it: only then does
    /// the caption file editor write its record (a command over every exhibit passes over the others).
    var isReadWithoutErrors: Bool { isReadable && loadFindings.isEmpty }

    /// Whether this file has an id that is a slug (``ExhibitID/isValid(_:)``): only then does a
    /// command over every exhibit sign off its texts.
    var hasValidID: Bool { id.map(ExhibitID.isValid) ?? false }

    /// Why texts of this file, whose id is not a slug, are not signed off, and the slug to use
    /// instead; `nil` when the id is a slug or there is none. `approve --all-reviewed` passes such
    /// a file over with it, `review` and `approve` of its id refuse it with it, an import does
    /// not record its reviews.
    var idNotASlug: IDNotASlug? {
        guard let id, !ExhibitID.isValid(id) else { return nil }
        return IDNotASlug(path: path, id: id, suggestion: ExhibitID.suggestion(from: fileStem))
    }

    /// `location: warning: <why>; skipped: <fix>, then run the command again`.
    fileprivate func skipped(at location: SourceLocation, _ why: String, fix: String = "fix it") -> String {
        location.line(.warning, "\(why); skipped: \(fix), then run the command again")
    }
}

/// An exhibit id that is not a slug, where texts are signed off by exhibit id (``Exhibit/idNotASlug``).
struct IDNotASlug: Sendable, Equatable {
    /// The caption file.
    var path: String
    /// The id as written.
    var id: String
    /// The slug to use instead, made of the file's name (`kurt-story`).
    var suggestion: String

    /// `<path> has the id 'Kurt Story', which is not a slug (lowercase letters, digits and single
    /// hyphens), and texts are signed off by exhibit id`.
    var why: String {
        """
        \(path) has the id '\(id)', which is not a slug (\(ExhibitID.slugLetters)), and texts are signed off by \
        exhibit id
        """
    }

    /// `make it 'id: kurt-story'`.
    var fix: String { "make it 'id: \(suggestion)'" }
}
