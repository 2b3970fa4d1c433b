import Foundation
import Testing

@testable import CaptionKit

/// The triggers that let ``Typography/typeset(_:language:)`` skip a rule: a rule changes nothing
/// in a text without its triggers, and no rule writes a trigger that makes a later rule run
/// where the text it started from would have skipped it.
@Suite struct TypographyTriggersTests {
    /// The rule examples, the tricky inputs, the bundled museum's texts and a generated
    /// collection's (when python3 runs `Benchmarks/gen_corpus.py`), with the texts' languages.
    static func texts() throws -> [(language: String, text: String)] {
        var texts: [(String, String)] = []
        for rule in Typography.rules {
            for example in rule.description.examples + rule.description.counterexamples {
                for language in TypographyFastPathTests.languages { texts.append((language, example.input)) }
            }
        }
        for input in TypographyFastPathTests.trickyInputs {
            for language in TypographyFastPathTests.languages { texts.append((language, input)) }
        }
        let config = try PanelFitBoundTests.config(PanelFitBoundTests.profiles[0])
        let (museum, generated) = try PanelFitBoundTests.exhibits(generated: 60)
        for exhibit in museum + (generated ?? []) {
            for text in exhibit.captionTexts(in: config) { texts.append((text.language, text.text)) }
        }
        return texts
    }

    @Test func aRuleChangesNothingWithoutItsTriggersAndWritesNoneALaterRuleReads() throws {
        var skipped = 0
        var ran = 0
        for (language, text) in try Self.texts() {
            let rules = Typography.unitRules.filter { $0.description.applies(to: language) }
            // The rules on scalars from the first one the text is simple for, as typeset runs them.
            var scalars: [Unicode.Scalar]?
            var first = 0
            var string = text
            var mayBeSimple = true
            for (index, rule) in rules.enumerated() {
                if mayBeSimple, let simple = SimpleScalars.scalarsOfSimpleLines(string) {
                    scalars = simple
                    first = index
                    break
                }
                string = rule.init().apply(to: string, language: language)
                mayBeSimple = rule == UnicodeNormalizationRule.self || rule == WhitespaceRule.self
            }
            guard var current = scalars else { continue }
            let atStart = TypographyTriggers(of: current)
            for (index, rule) in rules.enumerated() where index >= first {
                let now = TypographyTriggers(of: current)
                let result = rule.init().apply(toSimpleScalars: current, language: language)
                if let triggers = rule.triggers {
                    if triggers.isDisjoint(with: now) {
                        skipped += 1
                        #expect(result == current, "\(rule) changed \(language): \(text)")
                    } else {
                        ran += 1
                    }
                    // What the text holds now skips the rule wherever the text it started from did.
                    if triggers.isDisjoint(with: atStart) {
                        #expect(triggers.isDisjoint(with: now), "\(rule) reads what a rule before wrote: \(text)")
                    }
                }
                current = result
            }
        }
        // Not vacuous: rules are skipped and run, many times each.
        #expect(skipped > 1000)
        #expect(ran > 1000)
    }

    /// The triggers found while decoding are those of the decoded scalars, and a text has untidy
    /// spaces exactly when ``WhitespaceRule`` does not find it clean.
    @Test func triggersFoundWhileDecodingAreTheScalarsTriggers() throws {
        var untidy = 0
        for (_, text) in try Self.texts() {
            let decoded = TypographyTriggers.simpleScalars(of: text)
            let scalars = SimpleScalars.scalarsOfSimpleLines(text)
            #expect(decoded?.scalars == scalars, "\(text)")
            guard let scalars, let decoded else { continue }
            #expect(decoded.triggers == TypographyTriggers(of: scalars), "\(text)")
            #expect(decoded.triggers.contains(.untidySpace) == !WhitespaceRule.isClean(scalars), "\(text)")
            if decoded.triggers.contains(.untidySpace) { untidy += 1 }
        }
        #expect(untidy > 10)
    }

    @Test func untidySpaces() {
        for text in [
            " a", "a ", "\u{A0}a", "a\u{A0}", "\na", "a\n", "a  b", "a\n b", "a\n\u{A0}b", "a \nb", "a\u{A0}\nb",
        ] {
            #expect(TypographyTriggers(of: Array(text.unicodeScalars)) == [.untidySpace], "\(text)")
        }
        for text in ["", "a", "a b", "a\u{A0}b", "a\n\nb", "a \u{A0}b", "a\u{A0} b"] {
            #expect(TypographyTriggers(of: Array(text.unicodeScalars)) == [], "\(text)")
        }
    }

    @Test func theTriggersOfAText() {
        #expect(TypographyTriggers(of: Array("Ақмола, 1938 ж.".unicodeScalars)) == [.digit, .fullStop])
        #expect(TypographyTriggers(of: Array("don't say \"no\"".unicodeScalars)) == [.apostrophe, .doubleQuote])
        #expect(TypographyTriggers(of: Array("«А» и «Б»".unicodeScalars)) == [.guillemets])
        #expect(TypographyTriggers(of: Array("«А»".unicodeScalars)) == [])
        #expect(
            TypographyTriggers(of: Array("ер-тұрман — № 5 – x".unicodeScalars)) == [.hyphen, .dash, .numero, .digit])
    }
}
