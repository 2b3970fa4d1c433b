import Foundation

/// `captions accept`: a curator confirms that translations match the current source text, so
/// they are no longer stale.
public enum TranslationAcceptance {
    /// What was confirmed.
    public struct Result: Sendable, Equatable {
        /// The caption file.
        public var path: String
        /// `field (language)` entries whose record changed, in field then language order.
        public var accepted: [String]
        /// Entries that were already current.
        public var alreadyCurrent: [String]
    }

}
