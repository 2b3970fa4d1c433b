/// The text of `captions check --explain ID`: what a check finds, its severity, its options and
/// its examples with the `↓` markers where findings point; or, for the id of a finding that
/// `captions import` or `captions export xliff` reports, what it means, what to do and examples.
public enum CheckExplanation {

    /// The explanation of a finding another command reports (``FindingRegistry``).
    static func text(for description: FindingDescription) -> String {
        var output = "\(description.id): \(description.name)\n"
        output += "Reported by: \(description.command.rawValue); severity \(description.severity.rawValue)\n"
        output += "Not one of captions check's checks: captions.yml cannot turn it off or change its severity.\n\n"
        output += description.rationale + "\n\n"
        output += "What to do: " + description.remedy + "\n"
        output += findingExamples("Not reported", description.notReported)
        output += findingExamples("Reported", description.reported)
        return output
    }

    private static func findingExamples(_ title: String, _ examples: [FindingExample]) -> String {
        var output = "\n\(title):\n"
        for example in examples {
            if let trustStatesBy = example.trustStatesBy {
                output += "\n  # with --trust-states --by \(trustStatesBy)"
            }
            for file in example.files {
                output += "\n  # Captions/\(file.path)\n" + indent(file.text)
            }
            if let input = example.input {
                output += "\n  # returned/\(input.path)\n" + indent(input.text)
            }
        }
        return output
    }

    /// The explanation of a check.
    static func text(for description: CheckDescription) -> String {
        var output = "\(description.id): \(description.name)\n"
        output +=
            description.isOnByDefault
            ? "Default severity: \(description.defaultSeverity.rawValue)\n\n"
            : "Default: off (turn it on in captions.yml; severity \(description.defaultSeverity.rawValue) then)\n\n"
        output += description.rationale + "\n\n"
        output += "Configure it in captions.yml:\n  checks:\n"
        if description.options.isEmpty {
            output += "    \(description.id): warning    # error, warning, note or off; it has no other options\n"
        } else {
            output += "    \(description.id):\n      severity: warning    # error, warning, note or off\n"
            let width = description.options.map(\.name.count).max() ?? 0
            output += "\nOptions:\n"
            for option in description.options {
                output +=
                    "  " + option.name + String(repeating: " ", count: width - option.name.count) + "  "
                    + option.summary + "\n"
            }
        }
        output += examples("Not reported", description.nonTriggeringExamples)
        output += examples("Reported (↓ marks where each finding points)", description.triggeringExamples)
        return output
    }

    private static func examples(_ title: String, _ examples: [CheckExample]) -> String {
        var output = "\n\(title):\n"
        for example in examples {
            for file in example.files {
                output += "\n" + (example.files.count > 1 ? "  # \(file.path)\n" : "")
                output += indent(file.text)
            }
            if let config = example.config {
                output += "    # with captions.yml:\n"
                for line in config.split(separator: "\n") { output += "    #   \(line)\n" }
            }
        }
        return output
    }

    private static func indent(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
