/// How the words of a glossary term change their form in running text, written as data.
///
/// Each language's rules say which endings may follow a term word's stem; the matcher
/// (``TermIndex``) accepts a word of the text when it is a stem of a term word followed by an
/// ending the rules allow. Languages without rules match exact words only.
///
/// Sources:
/// - Kazakh: the suffix allomorphs and their conditions follow the tables of plural,
///   possessive and case endings in Ф. Ғ. Исаев, «Қазақ тілі» (Алматы: Атамұра, 2011), the
///   Kazakh grammar summary in Wikipedia's "Kazakh grammar" article (noun declension,
///   possessive and plural sections) and Apertium's Kazakh morphology (apertium-kaz), which
///   writes the same rules as twol/lexc data: vowel harmony by the stem's last vowel; the first
///   consonant of a suffix chosen by the sound before it (vowel; р й у; л; з ж; м н ң;
///   voiceless); к қ п becoming г ғ б before a vowel (жүрек → жүрегі); the н-forms after the
///   third-person possessive (аркасы → аркасынан); suffixes written after a hyphen after
///   abbreviations, digits and quotes (АЛЖИР-дің, 1937-жылы, «АЛЖИР»-дің); loanwords in -ь
///   dropping it before a vowel (лагерь → лагері, лагерьге).
/// - Russian: the noun and adjective endings of the three declensions, singular and plural,
///   from А. А. Зализняк, «Грамматический словарь русского языка» (declension tables) and
///   Wikipedia's "Russian declension"; fleeting е/о (день → дня, отец → отца); ё written as е.
/// - English: regular plurals (-s, -es, -y → -ies, -f/-fe → -ves), the possessive 's and s',
///   and the irregular plurals that occur in museum texts (woman → women, man → men,
///   child → children, person → people).
enum WordForms {
    /// The family of rules for a language tag (by its primary subtag).
    enum Rules: Sendable, Hashable {
        case kazakh, russian, english, exact
    }

    /// The rules for `language`: `kk`, `ru` and `en` (with any region or script) have theirs.
    static func rules(for language: String) -> Rules {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        switch primary {
        case "kk": return .kazakh
        case "ru": return .russian
        case "en": return .english
        default: return .exact
        }
    }

    /// Stems shorter than this take no endings (short words are too easily part of others).
    static let minimumStem = 3
}

// MARK: - Kazakh

/// Kazakh noun suffixes: plural, possessive and case, each allomorph with the sounds it may
/// follow.
enum KazakhSuffixes {
    /// What a suffix can follow: the class of the sound before it, or a possessive suffix.
    struct After: OptionSet, Sendable, Hashable {
        let rawValue: UInt16
        /// A vowel: а ә е ё и о ө у ұ ү ы і э ю я.
        static let vowel = After(rawValue: 1)
        /// р, й, у.
        static let ryu = After(rawValue: 2)
        /// л.
        static let l = After(rawValue: 4)
        /// з, ж.
        static let zj = After(rawValue: 8)
        /// The nasals м, н, ң.
        static let nasal = After(rawValue: 16)
        /// Voiceless consonants (and б в г д ғ in loanwords): к қ п с т ф х ц ч ш щ һ.
        static let voiceless = After(rawValue: 32)
        /// The third-person possessive (-ы/-і, -сы/-сі): the н-forms follow it.
        static let possessive3 = After(rawValue: 64)
        /// The first- and second-person singular possessive (-(ы)м, -(ы)ң): dative -а/-е.
        static let possessive12 = After(rawValue: 128)
        /// Any consonant.
        static let consonant: After = [.ryu, .l, .zj, .nasal, .voiceless]
        /// Any sound or possessive before a case ending that follows the ordinary rules.
        static let voicedOrVowel: After = [.vowel, .ryu, .l, .zj, .nasal]
    }

    /// The slot of a suffix in the chain: plural, then possessive, then case.
    enum Slot: Int, Sendable, Comparable {
        case plural, possessive, grammaticalCase
        static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One allomorph row.
    struct Suffix: Sendable {
        /// Where it stands in the chain.
        var slot: Slot
        /// The form after back vowels.
        var back: [UInt32]
        /// The form after front vowels.
        var front: [UInt32]
        /// The sounds or suffixes it may follow.
        var after: After
        /// What a following suffix sees: a possessive, or (when `nil`) the suffix's last sound.
        var leaves: After?

        init(_ slot: Slot, _ back: String, _ front: String, after: After, leaves: After? = nil) {
            self.slot = slot
            self.back = back.unicodeScalars.map(\.value)
            self.front = front.unicodeScalars.map(\.value)
            self.after = after
            self.leaves = leaves
        }
    }

    /// Every suffix row.
    static let all: [Suffix] = [
        // Plural.
        Suffix(.plural, "лар", "лер", after: [.vowel, .ryu]),
        Suffix(.plural, "дар", "дер", after: [.l, .zj, .nasal]),
        Suffix(.plural, "тар", "тер", after: .voiceless),
        // Possessive: 1st singular, 2nd singular, 2nd polite, 1st plural, 3rd.
        Suffix(.possessive, "м", "м", after: .vowel, leaves: .possessive12),
        Suffix(.possessive, "ым", "ім", after: .consonant, leaves: .possessive12),
        Suffix(.possessive, "ң", "ң", after: .vowel, leaves: .possessive12),
        Suffix(.possessive, "ың", "ің", after: .consonant, leaves: .possessive12),
        Suffix(.possessive, "ңыз", "ңіз", after: .vowel),
        Suffix(.possessive, "ыңыз", "іңіз", after: .consonant),
        Suffix(.possessive, "мыз", "міз", after: .vowel),
        Suffix(.possessive, "ымыз", "іміз", after: .consonant),
        Suffix(.possessive, "сы", "сі", after: .vowel, leaves: .possessive3),
        Suffix(.possessive, "ы", "і", after: .consonant, leaves: .possessive3),
        // Genitive.
        Suffix(.grammaticalCase, "ның", "нің", after: [.vowel, .nasal, .possessive3, .possessive12]),
        Suffix(.grammaticalCase, "дың", "дің", after: [.ryu, .l, .zj]),
        Suffix(.grammaticalCase, "тың", "тің", after: .voiceless),
        // Accusative.
        Suffix(.grammaticalCase, "ны", "ні", after: .vowel),
        Suffix(.grammaticalCase, "ды", "ді", after: [.ryu, .l, .zj, .nasal, .possessive12]),
        Suffix(.grammaticalCase, "ты", "ті", after: .voiceless),
        Suffix(.grammaticalCase, "н", "н", after: .possessive3),
        // Dative.
        Suffix(.grammaticalCase, "ға", "ге", after: .voicedOrVowel),
        Suffix(.grammaticalCase, "қа", "ке", after: .voiceless),
        Suffix(.grammaticalCase, "на", "не", after: .possessive3),
        Suffix(.grammaticalCase, "а", "е", after: .possessive12),
        // Locative, and the locative adjective -дағы.
        Suffix(.grammaticalCase, "да", "де", after: [.vowel, .ryu, .l, .zj, .nasal, .possessive12]),
        Suffix(.grammaticalCase, "та", "те", after: .voiceless),
        Suffix(.grammaticalCase, "нда", "нде", after: .possessive3),
        Suffix(.grammaticalCase, "дағы", "дегі", after: [.vowel, .ryu, .l, .zj, .nasal, .possessive12]),
        Suffix(.grammaticalCase, "тағы", "тегі", after: .voiceless),
        Suffix(.grammaticalCase, "ндағы", "ндегі", after: .possessive3),
        // Ablative.
        Suffix(.grammaticalCase, "дан", "ден", after: [.vowel, .ryu, .l, .zj]),
        Suffix(.grammaticalCase, "нан", "нен", after: [.nasal, .possessive3, .possessive12]),
        Suffix(.grammaticalCase, "тан", "тен", after: .voiceless),
        // Instrumental (no front/back pair).
        Suffix(.grammaticalCase, "мен", "мен", after: [.vowel, .ryu, .l, .nasal, .possessive3, .possessive12]),
        Suffix(.grammaticalCase, "бен", "бен", after: .zj),
        Suffix(.grammaticalCase, "пен", "пен", after: .voiceless),
    ]

    /// Which vowel harmony suffixes take.
    struct Harmony: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let back = Harmony(rawValue: 1)
        static let front = Harmony(rawValue: 2)
    }

    /// The class of the sound `scalar` (folded), or `nil` for ь, ъ and non-letters.
    static func sound(_ scalar: UInt32) -> After? {
        switch scalar {
        case 0x430, 0x4D9, 0x435, 0x43E, 0x4E9, 0x4B1, 0x4AF, 0x44B, 0x456, 0x44D, 0x44E, 0x44F: return .vowel
        case 0x438: return [.vowel, .ryu]  // и: a vowel in loanwords, a glide in Kazakh words
        case 0x443: return [.vowel, .ryu]  // у: the same
        case 0x440, 0x439: return .ryu  // р й
        case 0x43B: return .l  // л
        case 0x437, 0x436: return .zj  // з ж
        case 0x43C, 0x43D, 0x4A3: return .nasal  // м н ң
        case 0x44C, 0x44A: return nil  // ь ъ
        default:
            if (scalar >= 0x430 && scalar <= 0x44F) || (scalar >= 0x450 && scalar <= 0x4FF) { return .voiceless }
            if scalar >= 0x30 && scalar <= 0x39 { return [.vowel, .ryu, .l, .zj, .nasal, .voiceless] }
            return nil
        }
    }

    /// The harmony of a stem: by its last vowel (а о ұ ы я back; ә е ө ү і э и front; у, ю or
    /// no vowel (abbreviations like НКВД): either).
    static func harmony(of stem: some BidirectionalCollection<UInt32>) -> Harmony {
        for scalar in stem.reversed() {
            switch scalar {
            case 0x430, 0x43E, 0x4B1, 0x44B, 0x44F: return .back
            case 0x4D9, 0x435, 0x4E9, 0x4AF, 0x456, 0x44D, 0x438: return .front
            case 0x443, 0x44E: return [.back, .front]
            default: continue
            }
        }
        return [.back, .front]
    }

    /// The sound class at the end of `stem`, skipping ь and ъ.
    static func endSound(of stem: some BidirectionalCollection<UInt32>) -> After {
        for scalar in stem.reversed() {
            if let sound = sound(scalar) { return sound }
        }
        return []
    }

    /// Whether `rest` is a chain of suffixes (each slot at most once, in order) that may follow
    /// a stem ending in the sound `after` with vowel harmony `harmony`. An empty `rest` is the
    /// bare stem.
    static func accepts(
        _ rest: UnsafeBufferPointer<UInt32>, after: After, harmony: Harmony, from slot: Slot = .plural,
        firstStartsWithVowel: Bool? = nil
    ) -> Bool {
        if rest.isEmpty { return firstStartsWithVowel == nil }
        // The rows are read in place: copying one out of the array retained its two forms.
        return all.withUnsafeBufferPointer { all in
            for index in all.indices where all[index].slot >= slot && !all[index].after.isDisjoint(with: after) {
                if harmony.contains(.back),
                    continues(rest, with: all[index].back, all[index], harmony: .back, firstStartsWithVowel)
                {
                    return true
                }
                if harmony.contains(.front), all[index].front != all[index].back || !harmony.contains(.back),
                    continues(rest, with: all[index].front, all[index], harmony: .front, firstStartsWithVowel)
                {
                    return true
                }
            }
            return false
        }
    }

    /// Whether `rest` starts with `form` of `suffix` and what follows is a valid rest of the chain
    /// (nothing after a case ending).
    private static func continues(
        _ rest: UnsafeBufferPointer<UInt32>, with form: [UInt32], _ suffix: Suffix, harmony: Harmony,
        _ vowelFirst: Bool?
    ) -> Bool {
        guard rest.count >= form.count, rest.starts(with: form) else { return false }
        if let vowelFirst, (sound(form[0]) == .vowel) != vowelFirst { return false }
        let remaining = UnsafeBufferPointer(rebasing: rest[form.count...])
        guard let next = Slot(rawValue: suffix.slot.rawValue + 1) else { return remaining.isEmpty }
        return accepts(remaining, after: suffix.leaves ?? endSound(of: form), harmony: harmony, from: next)
    }

    /// The consonants that become voiced before a vowel: к → г, қ → ғ, п → б.
    static let voicing: [UInt32: UInt32] = [0x43A: 0x433, 0x49B: 0x493, 0x43F: 0x431]
}

// MARK: - Russian

/// Russian noun and adjective endings (folded: ё as е), all cases, both numbers.
enum RussianEndings {
    /// Every ending a declined noun or adjective may have, the empty one included.
    static let all: Set<[UInt32]> = Set(
        [
            "", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
            "ом", "ем", "ой", "ей", "ою", "ею", "ам", "ям", "ах", "ях", "ов", "ев",
            "ью", "ья", "ье", "ьи", "ий", "ый", "ая", "яя", "ое", "ее", "ие", "ые",
            "ую", "юю", "ым", "им", "ых", "их", "ия", "ии", "ию",
            "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими",
            "ьей", "ьев", "ьем", "ьям", "ьях", "ием", "иям", "иях", "иями", "ьями",
        ].map { $0.unicodeScalars.map(\.value) })

    /// ``all``, packed (``TermIndex/pack(_:)``): a glossary's every Russian word looks up its
    /// last one to four letters, and an array for each look-up was an allocation.
    static let allPacked = Set(all.map(TermIndex.pack))

    /// The endings of a neuter noun in -о (золото, письмо), both numbers: not the adjective
    /// endings (золотой, золотая), which make another word.
    static let neuterInO: Set<[UInt32]> = Set(
        ["", "о", "а", "у", "ом", "е", "ам", "ами", "ах", "ов"].map { $0.unicodeScalars.map(\.value) })

    /// The endings after a stem that lost its fleeting vowel (день → дн-я): the oblique ones.
    static let afterFleetingVowel: Set<[UInt32]> = Set(
        ["а", "я", "у", "ю", "е", "и", "ы", "ом", "ем", "ей", "ов", "ев", "ам", "ям", "ами", "ями", "ах", "ях"]
            .map { $0.unicodeScalars.map(\.value) })

    /// The longest ending of `word` in ``all`` that leaves a stem of at least
    /// ``WordForms/minimumStem`` letters (possibly the empty one).
    static func stem(of word: [UInt32]) -> [UInt32] {
        for length in stride(from: min(4, word.count - WordForms.minimumStem), through: 1, by: -1)
        where allPacked.contains(TermIndex.pack(word.suffix(length))) {
            // Nouns in -ье, -ья keep the soft sign in every form (платье, платья, платьем).
            let keepsSoftSign = length >= 2 && word[word.count - length] == 0x44C
            return Array(word.dropLast(keepsSoftSign ? length - 1 : length))
        }
        return word
    }

    /// The stem without its fleeting vowel (ден → дн, отец → отц), when it ends in a consonant,
    /// е or о, and a consonant.
    static func withoutFleetingVowel(_ stem: [UInt32]) -> [UInt32]? {
        guard stem.count >= 3 else { return nil }
        let vowel = stem[stem.count - 2]
        guard vowel == 0x435 || vowel == 0x43E, isConsonant(stem[stem.count - 1]), isConsonant(stem[stem.count - 3])
        else { return nil }
        var result = stem
        result.remove(at: stem.count - 2)
        return result
    }

    private static func isConsonant(_ scalar: UInt32) -> Bool {
        scalar >= 0x431 && scalar <= 0x449 && ![0x435, 0x438, 0x439, 0x43E, 0x443].contains(scalar)
    }
}

// MARK: - English

/// English plural endings.
enum EnglishForms {
    /// The endings after a noun's stem: none, -s, -es.
    static let regular: Set<[UInt32]> = Set(["", "s", "es"].map { $0.unicodeScalars.map(\.value) })
    /// Irregular plurals of words that occur in museum captions.
    static let irregular: [String: String] = [
        "woman": "women", "man": "men", "child": "children", "person": "people", "foot": "feet",
    ]

    /// The irregular plural of the folded word `word`, if it has one, as scalars: a glossary's
    /// every English word asks, and making a `String` of each to look it up in ``irregular``
    /// cost more than the rest of compiling it.
    static func irregularPlural(of word: [UInt32]) -> [UInt32]? {
        irregularScalars.first { $0.singular == word }?.plural
    }

    /// ``irregular`` as scalars.
    private static let irregularScalars: [(singular: [UInt32], plural: [UInt32])] = irregular.sorted { $0.key < $1.key }
        .map { ($0.key.unicodeScalars.map(\.value), $0.value.unicodeScalars.map(\.value)) }
}
