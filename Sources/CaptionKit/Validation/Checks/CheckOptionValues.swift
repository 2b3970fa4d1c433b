extension CheckOptions {
    /// A number greater than zero, or `nil` when absent.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` pointing at the value when it is not a
    ///   number or not greater than zero.
    func ratio(_ key: String) throws(CaptionError) -> Double? {
        guard let node = value(key) else { return nil }
        let number = try ConfigParser.number(node, what: "\(checkID).\(key)")
        guard number > 0 else { throw .invalidConfig(node.location, "\(checkID).\(key) must be greater than 0") }
        return number
    }
}
