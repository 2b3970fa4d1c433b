/// The word diff of two texts: what was kept, deleted and inserted, token by token (see
/// ``WordDiffTokens``), from a heaviest common subsequence of tokens.
public struct WordDiff: Sendable, Hashable {
    /// One piece of the diff.
    public enum Token: Sendable, Hashable {
        /// In both texts.
        case kept(String)
        /// Only in the old text.
        case deleted(String)
        /// Only in the new text.
        case inserted(String)
    }

    /// The pieces in reading order; neighbouring pieces of one kind are joined, and in a
    /// changed stretch the deletion comes before the insertion.
    public var tokens: [Token]

    /// The most table cells (tokens of the old text times tokens of the new one) the diff works
    /// out: about 30 MB. Captions are far below it (a 300-word text against another is 360,000).
    static let maximumCells = 4_000_000

    /// The diff of `old` and `new`. Texts too long for the table of ``maximumCells`` keep their
    /// common beginning and end, and the rest between them is one deletion and one insertion.
    public init(from old: String, to new: String) {
        let before = WordDiffTokens.of(old)
        let after = WordDiffTokens.of(new)
        guard (before.count + 1) * (after.count + 1) <= Self.maximumCells else {
            tokens = Self.coarse(before, after)
            return
        }
        // Each token as a number: 0 for white space, else the same number for the same token,
        // so the table compares numbers (it has a cell for every pair of tokens).
        var numbers: [String: Int32] = [:]
        func number(_ token: String) -> Int32 {
            if token.allSatisfy(\.isWhitespace) { return 0 }
            if let known = numbers[token] { return known }
            let next = Int32(numbers.count + 1)
            numbers[token] = next
            return next
        }
        let first = before.map(number)
        let second = after.map(number)
        // Weights of the heaviest common subsequences of the suffixes: a common word or mark
        // weighs 2, common white space 1, so a kept word wins over kept spaces. Row i, column j
        // at i * width + j.
        let width = after.count + 1
        var table = [Int32](repeating: 0, count: (before.count + 1) * width)
        for i in stride(from: before.count - 1, through: 0, by: -1) {
            for j in stride(from: after.count - 1, through: 0, by: -1) {
                var best = max(table[(i + 1) * width + j], table[i * width + j + 1])
                if let weight = Self.matchWeight(first[i], second[j]) {
                    best = max(best, table[(i + 1) * width + j + 1] + weight)
                }
                table[i * width + j] = best
            }
        }
        var raw: [Token] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if i < before.count, j < after.count, let weight = Self.matchWeight(first[i], second[j]),
                table[i * width + j] == table[(i + 1) * width + j + 1] + weight
            {
                // Two runs of white space match, but each side keeps its own (a paragraph break
                // that became a space is a change).
                if before[i] == after[j] {
                    raw.append(.kept(after[j]))
                } else {
                    raw.append(.deleted(before[i]))
                    raw.append(.inserted(after[j]))
                }
                i += 1
                j += 1
            } else if i < before.count, j == after.count || table[i * width + j] == table[(i + 1) * width + j] {
                raw.append(.deleted(before[i]))
                i += 1
            } else {
                raw.append(.inserted(after[j]))
                j += 1
            }
        }
        tokens = Self.grouped(raw)
    }

    /// The diff of texts too long for the table: their identical leading and trailing tokens
    /// kept, everything between deleted and inserted.
    private static func coarse(_ before: [String], _ after: [String]) -> [Token] {
        var prefix = 0
        while prefix < before.count, prefix < after.count, before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
            before[before.count - 1 - suffix] == after[after.count - 1 - suffix]
        {
            suffix += 1
        }
        var raw: [Token] = before[..<prefix].map { .kept($0) }
        raw += before[prefix..<(before.count - suffix)].map { .deleted($0) }
        raw += after[prefix..<(after.count - suffix)].map { .inserted($0) }
        raw += after[(after.count - suffix)...].map { .kept($0) }
        return grouped(raw)
    }

    /// The weight of keeping token number `first` for token number `second` (0 is white
    /// space): 2 for the same word or mark, 1 for two runs of white space; `nil` when they differ.
    @inline(__always)
    private static func matchWeight(_ first: Int32, _ second: Int32) -> Int32? {
        if first == 0 { return second == 0 ? 1 : nil }
        return first == second ? 2 : nil
    }

    /// Joins each changed stretch (changes with only white space kept between them) into one
    /// deletion followed by one insertion, and neighbouring kept tokens into one.
    private static func grouped(_ raw: [Token]) -> [Token] {
        var result: [Token] = []
        var index = 0
        while index < raw.count {
            if case .kept(let text) = raw[index] {
                if case .kept(let previous)? = result.last {
                    result[result.count - 1] = .kept(previous + text)
                } else {
                    result.append(.kept(text))
                }
                index += 1
                continue
            }
            var deleted = ""
            var inserted = ""
            var end = index
            stretch: while end < raw.count {
                switch raw[end] {
                case .deleted(let text): deleted += text
                case .inserted(let text): inserted += text
                case .kept(let text):
                    // White space between two changes belongs to the changed stretch.
                    guard text.allSatisfy(\.isWhitespace), end + 1 < raw.count, !raw[end + 1].isKept else {
                        break stretch
                    }
                    deleted += text
                    inserted += text
                }
                end += 1
            }
            if !inserted.isEmpty && inserted.allSatisfy(\.isWhitespace) {
                // Only deletions with white space between them: the white space stays kept.
                result.append(contentsOf: raw[index..<end])
            } else {
                if !deleted.isEmpty { result.append(.deleted(deleted)) }
                if !inserted.isEmpty { result.append(.inserted(inserted)) }
            }
            index = end
        }
        return result
    }

    /// The diff as text: deletions as `[-old-]`, insertions as `{+new+}` (as `git diff
    /// --word-diff` writes them).
    var text: String {
        tokens.map { token in
            switch token {
            case .kept(let text): text
            case .deleted(let text): "[-" + text + "-]"
            case .inserted(let text): "{+" + text + "+}"
            }
        }.joined()
    }
}

extension WordDiff.Token {
    var isKept: Bool {
        if case .kept = self { return true }
        return false
    }
}
