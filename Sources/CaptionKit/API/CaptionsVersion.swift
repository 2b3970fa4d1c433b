/// The version of `captions`, shown by `captions --version` and written into exports.
public enum CaptionsVersion {
    /// Semantic version.
    public static let string = "0.1.0"
}
