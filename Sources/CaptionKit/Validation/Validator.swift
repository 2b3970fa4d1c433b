import Dispatch
import Foundation

/// Runs the registered checks over a collection, with the configuration's severities applied.
struct Validator: Sendable {
    /// A check as configured: the instance and the severity it reports with.
    struct ConfiguredCheck: Sendable {
        /// The check.
        var check: any CaptionCheck
        /// The configured severity.
        var severity: Severity
    }

    /// The enabled checks, in registry order.
    let checks: [ConfiguredCheck]
    /// The context handed to every check.
    let context: CheckContext

    /// The ids of the enabled checks.
    var checkIDs: Set<String> { Set(checks.map { type(of: $0.check).description.id }) }

    /// Configures every registered check from `config`.
    ///
    /// - Parameters:
    ///   - only: When given, runs just these check types (used by the example tests).
    ///   - turnedOn: Ids of checks to run as errors whatever `captions.yml` says (`--require`: a
    ///     gate that a `warning` in `captions.yml` turned into a pass was no gate).
    /// - Throws: ``CaptionError/unknownCheck(_:id:suggestion:)`` for a `checks:` entry that
    ///   names no check, and ``CaptionError/invalidConfig(_:_:)`` for malformed options.
    ///   - typesetMemo: Where `overflows-panel` keeps the texts it typesets (``CheckContext/typesetMemo``).
    init(
        config: CollectionConfig, only: [any CaptionCheck.Type]? = nil, turnedOn: Set<String> = [],
        typesetMemo: TypesetMemo? = nil
    ) throws(CaptionError) {
        for (id, setting) in config.checks.sorted(by: { $0.key < $1.key }) where CheckRegistry.check(id: id) == nil {
            throw .unknownCheck(setting.location, id: id, suggestion: Suggestion.closest(to: id, in: CheckRegistry.ids))
        }
        var configured: [ConfiguredCheck] = []
        for type in only ?? CheckRegistry.all {
            let description = type.description
            let setting = config.checks[description.id]
            var severity: Severity?
            if let chosen = setting?.severity {
                severity = chosen.severity
            } else if description.isOnByDefault || setting != nil {
                severity = description.defaultSeverity
            } else {
                severity = nil
            }
            if turnedOn.contains(description.id) { severity = .error }
            let instance = try type.init(options: CheckOptions(checkID: description.id, node: setting?.node))
            if let severity { configured.append(ConfiguredCheck(check: instance, severity: severity)) }
        }
        self.checks = configured
        var context = CheckContext(config: config)
        let usesTerms = configured.contains { type(of: $0.check) is any TerminologyCheck.Type }
        if !usesTerms { context.terminology = nil }
        context.typesetMemo = typesetMemo
        self.context = context
    }

    /// Every finding about `collection`, sorted by path, line and column.
    ///
    /// The collection-wide checks run as one more concurrent task, first, so that they overlap
    /// the per-exhibit checks instead of running alone on one core after them; their findings
    /// still come after the per-exhibit ones before sorting, as when they ran last. Each chunk's
    /// findings are sorted in its task; the sorted chunks usually just follow each other.
    func validate(_ collection: CaptionCollection) -> [Diagnostic] {
        let exhibits = collection.exhibits
        let chunkSize = 256
        let chunks = (exhibits.count + chunkSize - 1) / chunkSize
        // Slot 0: the collection-wide findings; slot 1 + n: those of chunk n.
        let slots = ResultSlots<[Diagnostic]>(count: chunks + 1)
        // The texts share the words' term look-ups (a collection has few distinct words).
        let termMemos = Terminology.MemoPool()
        DispatchQueue.concurrentPerform(iterations: chunks + 1) { task in
            var found: [Diagnostic] = []
            if task == 0 {
                for configured in checks {
                    for var finding in configured.check.check(collection: collection, in: context) {
                        finding.severity = configured.severity
                        found.append(finding)
                    }
                }
                slots.set(0, found)
                return
            }
            let chunk = task - 1
            termMemos.withMemos { memos in
                for exhibit in exhibits[(chunk * chunkSize)..<min((chunk + 1) * chunkSize, exhibits.count)] {
                    let analysis = ExhibitAnalysis(
                        exhibit, config: context.config, terminology: context.terminology,
                        termMemos: context.terminology == nil ? nil : memos)
                    for configured in checks {
                        for var finding in configured.check.check(exhibit, analysis: analysis, in: context) {
                            finding.severity = configured.severity
                            found.append(finding)
                        }
                    }
                }
            }
            slots.set(task, found.sortedForReport())
        }
        var parts = slots.takeValues()
        let collectionWide = parts[0]
        parts.removeFirst()
        return .concatenatingSortedRuns(parts, then: collectionWide)
    }
}
