import Foundation

/// Serialises export units as XLIFF 1.2 or 2.0 with ``XMLWriter``.
struct XLIFFDocumentWriter {
    /// One exhibit's units.
    typealias Group = (id: String, relativePath: String, units: [XLIFFExportUnit])

    var version: XLIFFVersion
    /// The `original` attribute: the collection folder's name, never an absolute path.
    var original: String
    var sourceLanguage: String
    var targetLanguage: String
    var prefillTarget: Bool

    /// The document's bytes.
    func write(_ groups: [Group], path: String) throws(CaptionError) -> Data {
        let xml = XMLWriter()
        switch version {
        case .v1_2: write12(groups, to: xml)
        case .v2_0: write20(groups, to: xml)
        }
        return try xml.finish(path: path)
    }

    /// XLIFF 1.2: states on `<target>`, limits as `maxwidth` + `size-unit="char"`, notes after the target.
    private func write12(_ groups: [Group], to xml: XMLWriter) {
        xml.start("xliff")
        xml.attribute("xmlns", XLIFFVersion.namespace12)
        xml.attribute("version", "1.2")
        xml.start("file")
        xml.attribute("original", original)
        xml.attribute("source-language", sourceLanguage)
        xml.attribute("target-language", targetLanguage)
        xml.attribute("datatype", "plaintext")
        xml.start("body")
        for group in groups {
            xml.start("group")
            xml.attribute("id", group.id)
            xml.attribute("resname", group.relativePath)
            for unit in group.units {
                xml.start("trans-unit")
                xml.attribute("id", unit.id)
                xml.attribute("resname", unit.resourceName)
                if let limit = unit.maxChars {
                    xml.attribute("maxwidth", String(limit))
                    xml.attribute("size-unit", "char")
                }
                // 1.2's flag for "passed its review": Translate Toolkit (so Weblate) reads
                // `signed-off` and `final` only with it.
                if unit.target != nil, !unit.state.isStale, unit.signOff != .translated {
                    xml.attribute("approved", "yes")
                }
                xml.attribute("xml:space", "preserve")
                xml.element("source", text: unit.source)
                xml.start("target")
                if let target = unit.target {
                    xml.attribute("state", unit.state.isStale ? "needs-review-translation" : Self.state12(unit.signOff))
                    xml.text(target)
                } else {
                    xml.attribute("state", "needs-translation")
                    if isPrefilled(unit) { xml.text(unit.source) }
                }
                xml.endFull()
                // The caption's text as exported (none: empty), for the import to tell a text the
                // translator left from one the curator changed since, the language it was
                // exported for, and whether the target is the source prefilled (see ``ExportedTarget``).
                xml.start("context-group")
                xml.attribute("purpose", "information")
                xml.element(
                    "context", ["context-type": ExportedTarget.contextType12],
                    text: ExportedTarget.fingerprint(unit.currentText))
                xml.element("context", ["context-type": ExportedTarget.languageContextType12], text: targetLanguage)
                xml.element(
                    "context", ["context-type": ExportedTarget.prefilledContextType12],
                    text: ExportedTarget.prefilledValue(isPrefilled(unit)))
                xml.end()
                for note in unit.notes { xml.element("note", ["from": XLIFFExportUnit.Note.author12], text: note.text) }
                if !unit.glossary.isEmpty {
                    xml.element(
                        "note", ["from": XLIFFExportUnit.Note.author12],
                        text: XLIFFGlossaryHint.note12(unit.glossary, source: sourceLanguage, target: targetLanguage))
                }
                if let match = unit.suggestion {
                    xml.start("alt-trans")
                    xml.attribute("match-quality", String(match.similarity))
                    xml.attribute("origin", match.unitID)
                    xml.element("source", text: match.source)
                    xml.element("target", text: match.target)
                    xml.end()
                }
                xml.end()
            }
            xml.end()
        }
        xml.end()
        xml.end()
        xml.end()
    }

    /// XLIFF 2.0: states on `<segment>`, notes on `<unit>`, limits through the Size and Length
    /// Restriction module with the `xliff:codepoints` profile.
    private func write20(_ groups: [Group], to xml: XMLWriter) {
        let hasLimits = groups.contains { $0.units.contains { $0.maxChars != nil } }
        let hasGlossary = groups.contains { $0.units.contains { !$0.glossary.isEmpty } }
        let hasMatches = groups.contains { $0.units.contains { $0.suggestion != nil } }
        xml.start("xliff")
        xml.attribute("xmlns", XLIFFVersion.namespace20)
        if hasLimits { xml.attribute("xmlns:slr", XLIFFVersion.sizeRestrictionNamespace) }
        if hasGlossary { xml.attribute("xmlns:gls", XLIFFVersion.glossaryNamespace) }
        if hasMatches { xml.attribute("xmlns:mtc", XLIFFVersion.matchesNamespace) }
        xml.attribute("xmlns:mda", XLIFFVersion.metadataNamespace)
        xml.attribute("version", "2.0")
        xml.attribute("srcLang", sourceLanguage)
        xml.attribute("trgLang", targetLanguage)
        xml.start("file")
        xml.attribute("id", "f1")
        xml.attribute("original", original)
        if hasLimits {
            xml.start("slr:profiles")
            xml.attribute("generalProfile", "xliff:codepoints")
            xml.start("slr:normalization")
            xml.attribute("general", "nfc")
            xml.end()
            xml.end()
        }
        for group in groups {
            xml.start("group")
            xml.attribute("id", group.id)
            xml.attribute("name", group.relativePath)
            for unit in group.units {
                xml.start("unit")
                xml.attribute("id", unit.id)
                xml.attribute("name", unit.resourceName)
                if let limit = unit.maxChars { xml.attribute("slr:sizeRestriction", String(limit)) }
                xml.attribute("xml:space", "preserve")
                if let match = unit.suggestion {
                    // The match applies to the unit's one segment (`ref` points at its id).
                    xml.start("mtc:matches")
                    xml.start("mtc:match")
                    xml.attribute("ref", "#s1")
                    xml.attribute("similarity", String(match.similarity))
                    xml.attribute("type", "tm")
                    xml.attribute("origin", match.unitID)
                    xml.element("source", text: match.source)
                    xml.element("target", text: match.target)
                    xml.end()
                    xml.end()
                }
                writeGlossary20(unit.glossary, to: xml)
                xml.start("mda:metadata")
                xml.start("mda:metaGroup")
                xml.attribute("category", ExportedTarget.name)
                xml.element(
                    "mda:meta", ["type": ExportedTarget.metaType20], text: ExportedTarget.fingerprint(unit.currentText)
                )
                xml.element("mda:meta", ["type": ExportedTarget.languageMetaType20], text: targetLanguage)
                xml.element(
                    "mda:meta", ["type": ExportedTarget.prefilledMetaType20],
                    text: ExportedTarget.prefilledValue(isPrefilled(unit)))
                xml.end()
                xml.end()
                if !unit.notes.isEmpty {
                    xml.start("notes")
                    for note in unit.notes {
                        xml.element("note", ["category": note.category.rawValue], text: note.text)
                    }
                    xml.end()
                }
                xml.start("segment")
                if unit.suggestion != nil { xml.attribute("id", "s1") }
                if unit.target != nil {
                    if unit.state.isStale {
                        xml.attribute("state", "initial")
                        xml.attribute("subState", "captions:stale")
                    } else {
                        xml.attribute("state", Self.state20(unit.signOff))
                    }
                } else {
                    xml.attribute("state", "initial")
                }
                xml.element("source", text: unit.source)
                if let target = unit.target {
                    xml.element("target", text: target)
                } else if isPrefilled(unit) {
                    xml.element("target", text: unit.source)
                }
                xml.end()
                xml.end()
            }
            xml.end()
        }
        xml.end()
        xml.end()
    }

    /// Whether `unit`'s target is its source, copied in by `--prefill-target` (a unit without a
    /// translation, or whose translation is a copy of the source).
    private func isPrefilled(_ unit: XLIFFExportUnit) -> Bool { prefillTarget && unit.target == nil }

    /// The Glossary module: a `gls:glossEntry` per entry (`id` = the entry id) with the source
    /// term, each allowed target term as a `gls:translation`, and the note, the forbidden terms
    /// and do-not-translate as `gls:definition`.
    private func writeGlossary20(_ hints: [XLIFFGlossaryHint], to xml: XMLWriter) {
        guard !hints.isEmpty else { return }
        xml.start("gls:glossary")
        for hint in hints {
            xml.start("gls:glossEntry")
            xml.attribute("id", hint.entryID)
            xml.element("gls:term", text: hint.sourceTerm)
            for target in hint.targets { xml.element("gls:translation", text: target) }
            if let definition = hint.definition { xml.element("gls:definition", text: definition) }
            xml.end()
        }
        xml.end()
    }

    /// XLIFF 1.2's `state` of a current translation: `signed-off` when reviewed, `final` when approved.
    static func state12(_ level: SignOffLevel) -> String {
        switch level {
        case .translated: "translated"
        case .reviewed: "signed-off"
        case .approved: "final"
        }
    }

    /// XLIFF 2.0's segment `state` of a current translation: `reviewed`, `final` when approved.
    static func state20(_ level: SignOffLevel) -> String {
        switch level {
        case .translated: "translated"
        case .reviewed: "reviewed"
        case .approved: "final"
        }
    }
}
