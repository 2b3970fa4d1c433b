import CaptionKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// The name each session signs reviews and approvals with, given once on the exhibit page and
/// kept in memory with the session (a restart asks again). The editor has no user accounts (one
/// password, if any, for the whole museum), so the name is the curator's own word, as with
/// `captions review --by`.
final class SignerNames: Sendable {
    private let names = Mutex<[String: (name: String, used: Date)]>([:])

    /// The name of session `session`, if given.
    func name(session: String) -> String? {
        names.withLock { names in
            guard var entry = names[session] else { return nil }
            entry.used = Date()
            names[session] = entry
            return entry.name
        }
    }

    /// Remembers `name` for session `session`: at most as many names as sessions are kept; when
    /// full, the least recently used name goes (a search only then).
    func set(_ name: String, session: String) {
        names.withLock { names in
            if names.count >= SessionStore.limit, names[session] == nil,
                let oldest = names.min(by: { $0.value.used < $1.value.used })
            {
                names[oldest.key] = nil
            }
            names[session] = (name, Date())
        }
    }
}

/// The sign-offs each save ended, kept for the page the save leads to. The redirect carries only
/// a random token (`ended=`), good once, for the session that saved and the exhibit it saved: an
/// address cannot make a page name signers, so a link someone made ("approved by X was
/// removed") shows no notice, and neither does another tab's or another exhibit's page. Kept for
/// an hour, at most ``limit`` at once (the oldest goes first).
final class EndedSignOffs: Sendable {
    /// A signed-off text a save changed, and who had reviewed and approved it.
    struct Ended: Sendable, Equatable {
        var text: TextKey
        var reviewer: String?
        var approver: String?
    }

    static let limit = 1000
    private let entries = Mutex<[String: (exhibit: String, session: String, ended: [Ended], time: Date)]>([:])

    /// Keeps what a save of `exhibit` by session `session` ended; the token of the page after it.
    func keep(_ ended: [Ended], exhibit: String, session: String) -> String {
        let token = SessionStore.randomToken()
        entries.withLock { entries in
            makeRoom(in: &entries, limit: Self.limit) { $0.time }
            entries[token] = (exhibit, session, ended, Date())
        }
        return token
    }

    /// What `token` keeps, once, when it was kept for `exhibit` and `session`; none otherwise.
    func take(_ token: String, exhibit: String, session: String) -> [Ended] {
        entries.withLock { entries in
            guard let entry = entries[token], entry.exhibit == exhibit, entry.session == session else { return [] }
            entries[token] = nil
            return entry.ended
        }
    }
}

extension EditorApp {
    /// The sign-off routes: `POST /exhibits/{id}/signoff` (a `review` or `approve` field naming
    /// `field.language`, the `fp.<field>.<lang>` fingerprints of the texts the page showed, and
    /// optionally `signer`; or `signas` with `signer`, the name alone).
    func addSignOffRoutes(to router: Router<EditorContext>) {
        router.post("/exhibits/{id}/signoff") { request, context in try await self.signOff(request, context) }
    }

    /// The sign-off part of an exhibit page: states, diffs of stale texts, fingerprints, signer.
    func signOffPanel(_ exhibit: Exhibit, _ snapshot: Snapshot, _ context: EditorContext) -> SignOffPanel {
        let config = snapshot.config
        let states = LibraryBridge.signOffStates(of: exhibit, config: config)
        return SignOffPanel(
            signer: signers.name(session: context.session.id), states: states,
            diffs: sourceDiffs(exhibit, snapshot, states: states),
            fingerprints: LibraryBridge.fingerprints(of: exhibit, config: config),
            slugForID: LibraryBridge.slugForSignOff(of: exhibit))
    }

    /// The word diffs of the sources of the exhibit's stale translations (as saved), keyed
    /// `field.language`; none asked of git when no translation is stale.
    func sourceDiffs(
        _ exhibit: Exhibit, _ snapshot: Snapshot, states: [String: SignOffState]? = nil
    ) -> [String: SourceDiff] {
        let states = states ?? LibraryBridge.signOffStates(of: exhibit, config: snapshot.config)
        guard states.values.contains(where: { $0.translation.isStale }) else { return [:] }
        return LibraryBridge.sourceDiffs(id: exhibit.id ?? "", in: snapshot.indexed)
    }

    /// Reviews or approves one text, or (`signas`) only gives the session's name and shows the
    /// page again. Without JavaScript, answers with the exhibit page (a
    /// redirect after success; the page with the message for a refusal, 422, or a conflict,
    /// 409); asked for JSON (the page's script), with the message and the changed fragments.
    func signOff(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context)
        // Not the snapshot itself: held while the store replaces the exhibit, it would make the
        // store copy all its exhibits (see `save`).
        let (position, exhibit, config) = try {
            let (snapshot, position, exhibit) = try self.exhibit(context)
            return (position, exhibit, snapshot.config)
        }()
        let words = words(context)
        let id = exhibit.id ?? ""
        let wantsJSON = (request.headers[.accept] ?? "").contains("application/json")
        let action: SignOff.Action = form["review"] != nil ? .review : .approve
        let target = form["review"] ?? form["approve"]
        // The text (`field.language`) and the fingerprints the page showed; none for "Use this
        // name" (`signas`), which only gives the session's name.
        var signed: (field: String, language: String, shownText: String, shownSource: String)?
        if let target {
            let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, config.field(parts[0]) != nil, config.languages.contains(parts[1]),
                let shownText = form["fp.\(target)"], let shownSource = form["fp.\(parts[0]).\(config.source)"]
            else {
                throw PageError(status: .badRequest, titleKey: "error.title", message: words("error.badrequest"))
            }
            signed = (parts[0], parts[1], shownText, shownSource)
        } else if form["signas"] == nil {
            throw PageError(status: .badRequest, titleKey: "error.title", message: words("error.badrequest"))
        }

        /// The exhibit page (read again) with `message`, or the JSON answer.
        func answer(_ message: HTML, kind: String, status: HTTPResponse.Status) -> Response {
            let current = store.refresh(relativePath: exhibit.relativePath)
            let shown = current.exhibit(id: id)?.exhibit ?? exhibit
            let panel = signOffPanel(shown, current, context)
            if wantsJSON {
                var cells: [String: String] = [:]
                for spec in config.fields {
                    for language in config.languages {
                        cells["\(spec.name).\(language)"] =
                            Pages.signOffCell(
                                field: spec.name, language: language, panel: panel, config: config, words: words
                            ).raw
                    }
                }
                let body: [String: Any] = [
                    "message": message.raw, "kind": kind, "cells": cells,
                    "digest": LibraryBridge.digest(ofFileAt: shown.path),
                    "signer": Pages.signerBox(panel.signer, words: words).raw,
                    "reload": status == .conflict,
                ]
                let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
                return Response(
                    status: status, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
            let view = exhibitView(shown, current, position: position, message: message, context: context)
            return html(Pages.exhibit(page(request, context), current, view), status: status)
        }
        func refusal(_ text: String, status: HTTPResponse.Status = .unprocessableContent) -> Response {
            refusal(html: "\(text)", status: status)
        }
        func refusal(html text: HTML, status: HTTPResponse.Status = .unprocessableContent) -> Response {
            answer("<p class=\"message error\" role=\"alert\">\(text)</p>", kind: "error", status: status)
        }

        var signer = signers.name(session: context.session.id)
        if let given = form["signer"]?.trimmingCharacters(in: .whitespaces), !given.isEmpty, given != signer {
            if let problem = LibraryBridge.signerProblem(given) {
                let reason = words.nameProblem(problem)
                return refusal(html: words.html("signoff.badname", ["name": "\(given)", "reason": "\(reason)"]))
            }
            signers.set(given, session: context.session.id)
            signer = given
        }
        guard let signer else { return refusal(words("signoff.noname")) }
        guard let target, let signed else {
            // The name alone: the page again, its buttons for that name.
            return redirect("/exhibits/\(urlEncode(id))")
        }
        let (field, language, shownText, shownSource) = signed
        var expected = [field: [language: shownText]]
        expected[field]?[config.source] = shownSource
        let result: SignOff.Result
        do {
            result = try await store.write { [expected] () throws(CaptionError) in
                try LibraryBridge.signOff(
                    action, id: id, field: field, language: language, by: signer, expected: expected,
                    in: store.snapshot.indexed)
            }
        } catch .conflict {
            store.replace([exhibit.relativePath])
            if wantsJSON {
                return answer("", kind: "conflict", status: .conflict)
            }
            return refusal(words("signoff.conflict"), status: .conflict)
        } catch {
            return refusal(error.description)
        }
        store.replace([exhibit.relativePath])
        if let refused = result.refused.first {
            // The library's reason, said in the interface's language.
            let what = words.textName(field: field, language: language)
            let reason: String
            switch refused.kind {
            case .approvedByReviewer:
                // Four eyes: the only refusal of a reviewed text's approval by its reviewer.
                return refusal(words("signoff.refusedfoureyes", ["what": what]))
            case .idNotASlug(let slug):
                // The whole exhibit, which the page offers no button for (a hand-made request).
                return refusal(words("signoff.refusedid", ["id": id, "slug": slug]))
            case .noText: reason = words("signoff.refusedmissing")
            case .stale: reason = words("signoff.refusedstale")
            case .notReviewed: reason = words("signoff.refusednotreviewed")
            case .noSourceText: reason = words("signoff.refusednosource")
            case .sourceReviewed: reason = words("signoff.refusedsource")
            }
            return refusal(words("signoff.refused", ["what": what, "reason": reason]))
        }
        let done =
            result.signedOff.isEmpty
            ? result.alreadySignedOff.joined(separator: "; ") : words.textName(field: field, language: language)
        let key = action == .review ? "signoff.donereview" : "signoff.doneapprove"
        if wantsJSON {
            let text = result.signedOff.isEmpty ? done : words(key, ["what": done, "name": signer])
            return answer("<p class=\"message ok\" role=\"status\">\(text)</p>", kind: "ok", status: .ok)
        }
        // The text's id, not a sentence: the page says who signed it off, read from the file.
        return redirect("/exhibits/\(urlEncode(id))?\(action.rawValue)=\(urlEncode(target))")
    }

    /// The message of an exhibit page after a sign-off (the `review`, `approve` or `signoff`
    /// query parameters), or `nil`. The query is the browser's: `review` and `approve` must name
    /// a text (`field.language`) of `exhibit` that its file records as reviewed or approved, and
    /// the name shown is the one recorded.
    func signOffMessage(_ query: FormData, exhibit: Exhibit, config: CollectionConfig, _ context: EditorContext)
        -> HTML?
    {
        let words = words(context)
        if query["signoff"] == "conflict" {
            return "<p class=\"message error\" role=\"alert\">\(words("signoff.conflict"))</p>"
        }
        for (action, key) in [("review", "signoff.donereview"), ("approve", "signoff.doneapprove")] {
            guard let target = query[action] else { continue }
            let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, config.field(parts[0]) != nil, config.languages.contains(parts[1]) else {
                return nil
            }
            let state = LibraryBridge.signOffStates(of: exhibit, config: config)[target]
            guard let mark = action == "review" ? state?.review : state?.approval else { return nil }
            let text = words(key, ["what": words.textName(field: parts[0], language: parts[1]), "name": mark.by])
            return "<p class=\"message ok\" role=\"status\">\(text)</p>"
        }
        return nil
    }
}
