@testable import CaptionKit

/// Swift Testing also declares `SourceLocation`; in these tests the name means ours.
typealias SourceLocation = CaptionKit.SourceLocation
