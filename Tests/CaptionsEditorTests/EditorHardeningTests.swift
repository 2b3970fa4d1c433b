import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import CaptionKit
@testable import CaptionsEditor

/// The defects of the security review, each with the request that showed it.
@Suite("Editor hardening")
struct EditorHardeningTests {
    @Test("A flood of sessions whose cookie comes back signs out no curator and drops no token in use")
    func sessionsSurviveAReturningFlood() {
        for openByDefault in [false, true] {
            let store = SessionStore(openByDefault: openByDefault)
            var curator = store.session(id: nil).session
            if openByDefault {
                store.keep(curator.id)
            } else {
                curator = store.signIn(curator.id) ?? curator
            }
            // Each request of the flood: one without a cookie, then one sending it back.
            for _ in 0..<(SessionStore.limit * 2 + 10) {
                let id = store.session(id: nil).session.id
                _ = store.session(id: id)
            }
            let again = store.session(id: curator.id)
            #expect(!again.isNew && again.session.signedIn && again.session.csrfToken == curator.csrfToken)
        }
    }
}
