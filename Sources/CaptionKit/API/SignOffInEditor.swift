/// The sign-off operations on one exhibit of an ``IndexedCollection``, for the browser editor:
/// each gives exactly what the operation of the same name on the whole collection gives
/// (``SignOff/run(_:in:dryRun:)``, ``SourceDiff/of(id:fields:languages:in:)``), handed the
/// exhibits that share the id.
extension IndexedCollection {
    /// ``SignOff/run(_:in:dryRun:)`` for the exhibit `request.id`. The written file is not read
    /// back: ``replace(_:)`` the exhibit with it read again.
    public func signOff(_ request: SignOff.Request, dryRun: Bool = false) throws(CaptionError) -> SignOff.Result {
        try SignOff.run(request, in: neighbourhood(of: request.id), dryRun: dryRun)
    }

    /// ``SourceDiff/of(id:fields:languages:in:)`` for the exhibit `id`.
    public func sourceDiffs(id: String, fields: [String] = [], languages: [String] = []) throws(CaptionError)
        -> [SourceDiff]
    {
        try SourceDiff.of(id: id, fields: fields, languages: languages, in: neighbourhood(of: id))
    }
}

extension SignOffState {
    /// Whether an approval of this text by `name` would count: not, with four eyes
    /// (``CollectionConfig/fourEyes()``), when `name` reviewed it, as ``SignOff/run(_:in:dryRun:)``
    /// then refuses it. The editor offers **Approve for print** only to a name whose approval counts.
    public func approvalCounts(by name: String, config: CollectionConfig) -> Bool {
        SignOffTracker.approvalCounts(by: name, review: review, config: config)
    }
}

/// Whether exhibits are ready for print: `export signage` would print their label with every
/// text at a sign-off level (``SignOffLevel/approved`` by default: cleared for print), whatever
/// level `signage: require:` configures for the export itself. The judge is the export's own
/// gate, with its options' defaults: no error of `captions check` in the file (as without
/// `--allow-check-errors`) and no field on a panel whose font is missing where `overflows-panel`
/// is an error (as without `--allow-unmeasured`), so the editor's "ready for print" list and the
/// export agree.
public struct PrintReadiness: Sendable {
    private var gate: SignageGate

    /// The judge for the exhibits of `collection` (ids are counted once, for duplicates; the
    /// panels' fonts are looked for once).
    public init(collection: CaptionCollection, level: SignOffLevel = .approved) {
        gate = SignageGate(collection: collection)
        gate.required = level
    }

    /// Whether `exhibit` would be printed with every text at the level, given `findings`, what
    /// `captions check` reports in its file.
    public func isReady(_ exhibit: Exhibit, findings: [Diagnostic]) -> Bool {
        // Most exhibits have no sign-off at all: above `translated`, that is a quick no.
        if gate.required > .translated, TranslationRecord(exhibit: exhibit).signOffs.isEmpty { return false }
        return gate.reasons(for: exhibit, checkFindings: findings).isEmpty
    }
}
