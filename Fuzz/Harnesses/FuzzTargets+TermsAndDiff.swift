import Foundation

extension FuzzTargets {
    /// The languages the glossary target picks from (the last one has no word-form rules).
    static let glossaryLanguages = ["kk", "ru", "en", "de"]

    /// A glossary and a text made from fuzz bytes: the first byte sets the flags (bit 0 `case:
    /// exact`, bit 1 `do-not-translate`, bits 2–3 the language), the lines up to the first NUL
    /// are terms, one entry each (a line starting with `!` is a forbidden term), and the bytes
    /// after it are the text. `nil` when the terms are not UTF-8.
    static func glossaryAndText(_ bytes: UnsafeRawBufferPointer) -> (Glossary, language: String, text: String)? {
        guard let flags = bytes.first else { return nil }
        let rest = bytes.dropFirst()
        let split = rest.firstIndex(of: 0) ?? rest.endIndex
        guard let header = String(validating: rest[..<split], as: UTF8.self) else { return nil }
        let text = split < rest.endIndex ? String(decoding: rest[(split + 1)...], as: UTF8.self) : ""
        let language = glossaryLanguages[Int(flags >> 2) & 3]
        var entries: [GlossaryEntry] = []
        for (index, line) in header.split(separator: "\n", omittingEmptySubsequences: true).prefix(32).enumerated() {
            let isForbidden = line.hasPrefix("!")
            let term = String(isForbidden ? line.dropFirst() : line)
            entries.append(
                GlossaryEntry(
                    id: "e\(index)", terms: isForbidden ? [:] : [language: [term]],
                    forbidden: isForbidden ? [language: [term]] : [:], note: nil, doNotTranslate: flags & 2 != 0,
                    caseExact: flags & 1 != 0, location: SourceLocation(path: "glossary.yml", line: index + 1)))
        }
        return (Glossary(entries: entries, path: "glossary.yml"), language, text)
    }

    /// Whether the matcher reads `scalar` as part of a word (``TermTokens``'s rule; a combining
    /// mark only continues a word).
    static func isWordScalar(_ scalar: Unicode.Scalar, inWord: Bool) -> Bool {
        TextWords.isLetter(scalar) || ("0"..."9").contains(scalar) || (inWord && TextWords.isCombiningMark(scalar))
    }

    /// Glossary matching: never a crash; every match lies inside the text and starts and ends
    /// on word boundaries; and every allowed term is found where it stands on its own between
    /// spaces, covering exactly its words.
    static func glossaryProperty(_ bytes: UnsafeRawBufferPointer) {
        guard let (glossary, language, text) = glossaryAndText(bytes) else { return }
        let terminology = Terminology(glossary, languages: [language])
        guard let scan = terminology.scan(text, language: language) else { return }
        let scalars = Array(text.unicodeScalars)
        for match in scan.matches {
            let last = match.firstWord + match.wordCount - 1
            guard match.wordCount >= 1, last < scan.tokens.count else {
                fatalError("match \(match) outside the \(scan.tokens.count) words of \(text.debugDescription)")
            }
            let start = scan.offset(of: match)
            let end = scan.tokens.offset(last) + scan.tokens.length(last)
            guard start >= 0, start < end, end <= scalars.count else {
                fatalError("match \(match) at scalars \(start)..<\(end) outside \(scalars.count) scalars")
            }
            if start > 0, isWordScalar(scalars[start - 1], inWord: false) {
                fatalError("match \(match) starts inside a word at \(start) of \(text.debugDescription)")
            }
            if end < scalars.count, isWordScalar(scalars[end], inWord: true) {
                fatalError("match \(match) ends inside a word at \(end) of \(text.debugDescription)")
            }
        }
        // Every allowed term, standing alone after the text, is found there with all its words.
        for (entryIndex, entry) in glossary.entries.enumerated() {
            guard let term = entry.terms[language]?.first else { continue }
            let termWords = TermTokens(term).count
            guard termWords > 0 else { continue }
            let prefix = text.utf8.count > 4_096 ? "" : text + " "
            let firstWord = TermTokens(prefix).count
            let combined = prefix + term + " ."
            guard let found = terminology.scan(combined, language: language) else {
                fatalError("no index for \(language) although entry \(entryIndex) has a term")
            }
            let hit = found.matches.contains { match in
                match.firstWord == firstWord && match.wordCount == termWords
                    && found.term(match).entry == entryIndex && !found.term(match).isForbidden
            }
            if !hit {
                fatalError(
                    "\(language) term \(term.debugDescription) (entry \(entryIndex)) not found in "
                        + "\(combined.debugDescription) at word \(firstWord): \(found.matches)")
            }
        }
    }

    /// `text` with every run of white space as one space: the word diff keeps a run of white
    /// space for any other run.
    static func withSpacesJoined(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }

    /// The word diff: the kept and inserted pieces give back the new text byte for byte; the
    /// kept and deleted pieces give back the old text (up to what the diff treats as equal:
    /// canonically equivalent words, and any run of white space for another); no piece is
    /// empty and no two kept pieces follow each other; a text against itself is all kept.
    /// The input is the old text, a NUL, the new text; texts over 2,000 bytes are skipped (the
    /// diff's table is quadratic; a caption text is far shorter).
    static func wordDiffProperty(_ bytes: UnsafeRawBufferPointer) {
        let split = bytes.firstIndex(of: 0) ?? bytes.count
        guard split <= 2_000, bytes.count - split <= 2_001 else { return }
        let old = String(decoding: bytes[..<split], as: UTF8.self)
        let new = split < bytes.count ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : ""
        if WordDiffTokens.of(old).joined().utf8.elementsEqual(old.utf8) == false {
            fatalError("the tokens of \(old.debugDescription) do not join to it")
        }
        let diff = WordDiff(from: old, to: new)
        var newSide = ""
        var oldSide = ""
        var previousKept = false
        for token in diff.tokens {
            switch token {
            case .kept(let text):
                if text.isEmpty || previousKept { fatalError("empty or split kept piece in \(diff.tokens)") }
                newSide += text
                oldSide += text
            case .inserted(let text):
                if text.isEmpty { fatalError("empty insertion in \(diff.tokens)") }
                newSide += text
            case .deleted(let text):
                if text.isEmpty { fatalError("empty deletion in \(diff.tokens)") }
                oldSide += text
            }
            previousKept = token.isKept
        }
        if !newSide.utf8.elementsEqual(new.utf8) {
            fatalError("applying the diff gives \(newSide.debugDescription), not \(new.debugDescription)")
        }
        if withSpacesJoined(oldSide) != withSpacesJoined(old) {
            fatalError("removing the insertions gives \(oldSide.debugDescription), not \(old.debugDescription)")
        }
        let same = WordDiff(from: new, to: new).tokens
        if !(same.isEmpty && new.isEmpty) && same != [.kept(new)] {
            fatalError("a text against itself is not all kept: \(same)")
        }
    }
}

extension FuzzTargets {
    /// The collection the `tbx` target merges into: the bundled museum's languages.
    static let tbxConfig: CollectionConfig = {
        do {
            return try ConfigParser.parse(text: "languages: [kk, ru, en]\nsource: ru\n", path: "captions.yml")
        } catch {
            fatalError("the tbx target's configuration does not parse: \(error)")
        }
    }()

    /// The glossary the `tbx` target merges into.
    static let tbxGlossaryText = """
        - id: alzhir
          do-not-translate: true
          kk: АЛЖИР
          ru: АЛЖИР
          en: ALZHIR
        - id: arch-of-sorrow
          kk: Қасірет аркасы
          ru: [Арка скорби, арка Скорби]
          en: Arch of Sorrow
          note: The monument at the entrance.

        """

    /// TBX import (`captions import FILE.tbx`): any bytes give entries or a located error, and
    /// whatever the merge appends to `glossary.yml` reads back as exactly the entries merged
    /// (ids, terms, forbidden terms, notes, do-not-translate), so no imported term is changed
    /// or lost on the way through YAML.
    static func tbxImport(_ bytes: UnsafeRawBufferPointer) {
        let path = "fuzz.tbx"
        let languages = tbxConfig.languages
        let entries: [TBXEntry]
        do {
            entries = try TBXReader.parse(Data(bytes), path: path)
        } catch {
            if !error.description.hasPrefix(path) { fatalError("an error without the file: \(error)") }
            return
        }
        let glossary: Glossary
        do {
            glossary = try GlossaryParser.parse(text: tbxGlossaryText, path: "glossary.yml", languages: languages)
        } catch {
            fatalError("the tbx target's glossary does not parse: \(error)")
        }
        var merge = GlossaryMerge(glossary, config: tbxConfig)
        for entry in entries.prefix(64) {
            do {
                _ = try merge.merge(entry)
            } catch {
                if !error.description.hasPrefix(path) { fatalError("an error without the file: \(error)") }
                return
            }
        }
        guard !merge.added.isEmpty else { return }
        let text = GlossaryMerge.appending(merge.added, importedFrom: path, to: tbxGlossaryText, languages: languages)
        let readBack: Glossary
        do {
            readBack = try GlossaryParser.parse(text: text, path: "glossary.yml", languages: languages)
        } catch {
            fatalError("the merged glossary does not read back: \(error)\n\(text)")
        }
        func content(_ entry: GlossaryEntry) -> String {
            "\(entry.id) \(entry.terms.sorted { $0.key < $1.key }) \(entry.forbidden.sorted { $0.key < $1.key }) "
                + "\(entry.note.debugDescription) \(entry.doNotTranslate) \(entry.caseExact)"
        }
        let written = merge.entries.map(content)
        let read = readBack.entries.map(content)
        if written != read {
            fatalError("the merged glossary reads back differently:\nmerged \(written)\nread   \(read)\n\(text)")
        }
    }
}
