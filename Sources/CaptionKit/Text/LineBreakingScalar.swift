extension Unicode.Scalar {
    /// Whether the scalar is a control character or a line or paragraph separator: something
    /// that would break a one-line message or end a YAML comment (libyaml also breaks lines at
    /// U+2028 and U+2029).
    var breaksALine: Bool {
        switch properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
