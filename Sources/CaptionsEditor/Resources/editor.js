// The captions editor's live feedback: counters and findings of the unsaved draft, checked on the
// server (the same checks as `captions check`) a moment after typing stops. Pages work without it.
"use strict";
// After a save, an accept, a check of the draft or a conflict, the page opens on what happened:
// focus (and so a screen reader) goes to the result, not to the top of the page.
(function () {
  var result = document.querySelector("[data-focus-on-load]");
  if (result && (!document.activeElement || document.activeElement === document.body)) { result.focus(); }
  // A refused save's page says the draft is kept only where this script kept it.
  var kept = document.getElementById("draft-kept");
  if (kept) {
    try { kept.hidden = !window.localStorage; } catch (error) { kept.hidden = true; }
  }
})();

// A box left empty or typed in a format it does not take is said to be so in the interface
// language (the box's data-required or data-mismatch), not in the browser's ("Please fill out
// this field"). Without this script the browser says it in its own language.
(function () {
  function ours(box) {
    return !!box.setCustomValidity && (box.hasAttribute("data-required") || box.hasAttribute("data-mismatch"));
  }
  document.addEventListener("invalid", function (event) {
    var box = event.target;
    if (!ours(box)) { return; }
    var validity = box.validity;
    box.setCustomValidity(validity.valueMissing ? box.getAttribute("data-required") || "" :
      validity.patternMismatch ? box.getAttribute("data-mismatch") || "" : "");
  }, true);
  // Typing (or choosing a file) ends the message; the next submit judges the box again.
  function clear(event) {
    if (ours(event.target)) { event.target.setCustomValidity(""); }
  }
  document.addEventListener("input", clear, true);
  document.addEventListener("change", clear, true);
})();

(function () {
  var form = document.getElementById("exhibit-form");
  if (!form) { return; }
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var status = document.getElementById("live-status");
  var timer = null;
  var sequence = 0;
  var dirty = false;
  // Screen readers hear "Unsaved changes" once, and the draft's error and warning counts
  // (a visually hidden live region) only when they change: no "Checking…" after every pause.
  var counts = document.getElementById("live-counts");
  var said = form.getAttribute("data-errors") + " " + form.getAttribute("data-warnings");

  // The editor takes at most `data-limit` bytes from a page, as the browser sends the form
  // (URL-encoded: a Cyrillic letter takes six). A draft over it is not sent: the longest box's
  // counter says so instead of numbers that are no longer its own, and Save keeps the page.
  var limit = Number(form.getAttribute("data-limit")) || 0;
  function tooLarge(body) {
    if (limit <= 0) { return false; }
    // The browser sends a form's line breaks as CR LF (%0D%0A): three bytes more than here.
    var breaks = 0;
    form.querySelectorAll("textarea[name]").forEach(function (box) {
      breaks += (box.value.match(/\n/g) || []).length;
    });
    return body.toString().length + 3 * breaks + 64 > limit;
  }
  function longestBox() {
    var longest = null;
    form.querySelectorAll("textarea[name]").forEach(function (box) {
      if (!longest || box.value.length > longest.value.length) { longest = box; }
    });
    return longest;
  }
  function sayTooLong() {
    var box = longestBox();
    var count = Array.from(box.value).length.toLocaleString(document.documentElement.lang || undefined);
    var text = (form.getAttribute("data-toolong") || "").replace("{count}", count);
    var counter = document.getElementById("c-" + box.id.slice(2));
    if (counter) {
      counter.className = "counter over too-long";
      counter.textContent = text;
    }
    status.textContent = text;
    return box;
  }

  function check() {
    var mine = ++sequence;
    var body = new URLSearchParams(new FormData(form));
    body.delete("_action");
    if (tooLarge(body)) { sayTooLong(); return; }
    fetch(form.getAttribute("data-check"), {
      method: "POST",
      headers: { "X-CSRF-Token": token, "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (mine !== sequence) { return; }
      if (!result.ok) { status.textContent = result.data.error || ""; return; }
      var cells = result.data.cells;
      Object.keys(cells).forEach(function (key) {
        var id = key.replace(".", "-");
        var counter = document.getElementById("c-" + id);
        // The server builds these fragments with every text escaped.
        if (counter) { counter.outerHTML = cells[key].counter; }
        var list = document.getElementById("f-" + id);
        if (list) { list.innerHTML = cells[key].findings; }
        // A box with an error at it (its stale notice is one) is marked so for screen readers.
        var box = document.getElementById("t-" + id);
        if (box && list) {
          if (list.querySelector("li.error") || document.getElementById("stale-" + id)) {
            box.setAttribute("aria-invalid", "true");
          } else { box.removeAttribute("aria-invalid"); }
        }
      });
      document.getElementById("findings-general").innerHTML = result.data.general;
      document.getElementById("label-preview").innerHTML = result.data.preview;
      var unsaved = form.getAttribute("data-unsaved") || "";
      if (status.textContent !== unsaved) { status.textContent = unsaved; }
      var now = result.data.errors + " " + result.data.warnings;
      if (counts && now !== said) {
        said = now;
        counts.textContent = (form.getAttribute("data-counts") || "")
          .replace("{errors}", String(result.data.errors)).replace("{warnings}", String(result.data.warnings));
      }
    }).catch(function () { status.textContent = ""; });
  }

  form.addEventListener("input", function (event) {
    if (event.target.tagName !== "TEXTAREA") { return; }
    dirty = true;
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, 300);
  });
  form.addEventListener("submit", function (event) {
    if (tooLarge(new URLSearchParams(new FormData(form)))) {
      // Not sent (the editor would refuse it): the page stays, with the draft, saying why.
      event.preventDefault();
      if (timer) { clearTimeout(timer); }
      sayTooLong().focus();
      return;
    }
    dirty = false;
  });

  // The sticky Save bar never covers the box being typed in: Tab honours the page's
  // scroll-padding, but a click, a script's focus() or the caret of a growing text does not.
  var bar = form.querySelector(".actions");
  function clearOfBar(event) {
    var target = event.target;
    if (!bar || bar.contains(target) || window.getComputedStyle(bar).position !== "sticky") { return; }
    var covered = bar.getBoundingClientRect(), box = target.getBoundingClientRect();
    if (box.bottom > covered.top && box.top < covered.bottom) {
      window.scrollBy(0, Math.max(0, Math.min(box.bottom - covered.top + 8, box.top - 8)));
    }
  }
  form.addEventListener("focusin", clearOfBar);
  form.addEventListener("input", clearOfBar);
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();

// Review and approve in place. Without JavaScript the buttons submit the sign-off form as a
// plain form; with it, the answer's fragments (built by the server, every text escaped) replace
// the text's state, and the page's file digests follow the file the sign-off wrote.
(function () {
  var form = document.getElementById("signoff-form");
  if (!form) { return; }
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var status = document.getElementById("signoff-status");

  var busy = false;  // one sign-off at a time; the button is not disabled, which would drop focus

  // The cell of `key` (field.language) after a sign-off: the answer's message goes into it
  // (a refusal beside the button that was pressed) and focus stays in it, on the button pressed
  // if it is still there, else on the cell's first button, else on the message.
  function settle(key, name, message) {
    var cell = document.getElementById("so-" + key.replace(".", "-"));
    if (!cell) { return; }
    var old = cell.querySelector(".signoff-result");
    if (old) { old.remove(); }
    var holder = null;
    if (message) {
      holder = document.createElement("div");
      holder.className = "signoff-result";
      holder.tabIndex = -1;
      // The server builds the message with every text escaped.
      holder.innerHTML = message;
      cell.appendChild(holder);
    }
    var target = cell.querySelector('button[name="' + name + '"]:not([disabled])') ||
      cell.querySelector("button:not([disabled])");
    if (target) {
      target.focus();
      // Said once: by the live region for a success (the focused button is read, not the
      // message), by the refusal's own role="alert".
      if (message && !holder.querySelector('[role="alert"]')) { status.textContent = holder.textContent; }
      var said = holder && holder.querySelector('[role="status"]');
      if (said) { said.removeAttribute("role"); }
    } else if (holder) {
      // No button left (approved): the message itself has focus, and is read as such.
      var live = holder.querySelector('[role="status"]');
      if (live) { live.removeAttribute("role"); }
      holder.focus();
    }
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || (button.name !== "review" && button.name !== "approve")) { return; }
    event.preventDefault();
    if (busy) { return; }
    busy = true;
    var body = new URLSearchParams(new FormData(form));
    body.set(button.name, button.value);
    button.setAttribute("aria-disabled", "true");
    status.textContent = "";
    fetch(form.action, {
      method: "POST",
      headers: {
        "X-CSRF-Token": token, "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded"
      },
      body: body.toString(),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      busy = false;
      button.removeAttribute("aria-disabled");
      if (data.reload) {
        window.location.href = form.action.replace(/\/signoff$/, "") + "?signoff=conflict";
        return;
      }
      if (data.error) {
        // Not the sign-off's own answer (a session that ended, a bad request): said by the button.
        var text = document.createElement("p");
        text.className = "message error";
        text.setAttribute("role", "alert");
        text.textContent = data.error;
        settle(button.value, button.name, text.outerHTML);
        return;
      }
      Object.keys(data.cells || {}).forEach(function (key) {
        var cell = document.getElementById("so-" + key.replace(".", "-"));
        if (cell) { cell.outerHTML = data.cells[key]; }
      });
      if (data.digest) {
        document.querySelectorAll('input[name="_digest"]').forEach(function (input) { input.value = data.digest; });
      }
      if (data.signer) { document.getElementById("signer-box").outerHTML = data.signer; }
      settle(button.value, button.name, data.message || "");
    }).catch(function () {
      // No answer to read: send the same sign-off as a plain form.
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = button.name;
      hidden.value = button.value;
      form.appendChild(hidden);
      form.submit();
    });
  });

  // A text changed and not saved yet cannot be signed: the sign-off covers the saved text.
  var exhibitForm = document.getElementById("exhibit-form");
  if (!exhibitForm) { return; }
  exhibitForm.addEventListener("input", function (event) {
    var box = event.target;
    if (box.tagName !== "TEXTAREA") { return; }
    var cell = document.getElementById("so-" + box.getAttribute("data-field") + "-" + box.getAttribute("data-lang"));
    if (!cell) { return; }
    var reason = form.getAttribute("data-savefirst") || "";
    var buttons = cell.querySelectorAll("button");
    buttons.forEach(function (button) {
      button.disabled = true;
      button.title = reason;
    });
    // Said on the page as well: a title shows only to a mouse.
    if (buttons.length && !cell.querySelector(".savefirst")) {
      var note = document.createElement("p");
      note.className = "hint savefirst";
      note.textContent = reason;
      cell.appendChild(note);
    }
    // A signed text changed: said while typing, not only after the save that ends the sign-off
    // (the review, the approval or both: data-ends of the state).
    var state = cell.querySelector(".signoff-state");
    var which = state ? state.getAttribute("data-ends") : "";
    var ends = which ? form.getAttribute("data-ends" + which) : "";
    if (ends && !cell.querySelector(".signoff-ends")) {
      var warning = document.createElement("p");
      warning.className = "message warning signoff-ends";
      warning.id = "se-" + box.id;
      warning.textContent = ends;
      cell.appendChild(warning);
      var described = (box.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      box.setAttribute("aria-describedby", described.concat(warning.id).join(" "));
    }
  });
})();

// Drafts kept in this browser. Every change to a text box is kept (localStorage, per exhibit page
// and per tab) until a save of the exhibit in that tab succeeds, so a save refused because the
// session ended (the editor restarted, the password session was lost), a closed tab or a crash
// loses nothing, and two tabs of one exhibit never overwrite or forget each other's draft. A kept
// draft with changes the page does not show is offered, the newest first; restoring it puts back
// those changes and the file digest and texts of the page it was made on, so the save merges it
// with what others saved since, or says it is a conflict (DraftMerge). On the page the conflict
// page opens (`?conflict=DIGEST`), when it still shows that version of the file, this tab's draft
// keeps the page's digest and texts and the file's text stands under each restored box, so the
// curator combines the two and saves over the version they see.
(function () {
  var store = null;
  try { store = window.localStorage; } catch (error) { return; }
  if (!store) { return; }
  // Drafts neither saved nor discarded within 30 days are forgotten, on any page of the editor:
  // nobody is offered a draft months old, and none lingers on a shared computer.
  var oldest = Date.now() - 30 * 24 * 3600 * 1000;
  try {
    for (var index = store.length - 1; index >= 0; index--) {
      var name = store.key(index);
      if (!name || name.indexOf("captions-draft:") !== 0) { continue; }
      var at = null;
      try { at = JSON.parse(store.getItem(name) || "null").at; } catch (error) { at = null; }
      if (typeof at !== "number" || at < oldest) { store.removeItem(name); }
    }
  } catch (error) { /* storage refused */ }
  var form = document.getElementById("exhibit-form");
  var offer = document.getElementById("draft-restore");
  if (!form || !offer) { return; }
  // This tab's name, kept across its reloads (sessionStorage is the tab's own); a new tab gets a
  // new one. Without it, one tab's typing replaced another's draft, and its save forgot both.
  var tab = null;
  try {
    tab = window.sessionStorage.getItem("captions-tab");
    if (!tab) {
      tab = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
      window.sessionStorage.setItem("captions-tab", tab);
    }
  } catch (error) { tab = "tab"; }
  var exhibitKey = "captions-draft:" + new URL(form.action, window.location.href).pathname;
  var key = exhibitKey + "#" + tab;

  function boxes() { return form.querySelectorAll("textarea[name]"); }
  function pageFields() { return form.querySelectorAll('input[name="_digest"], input[name^="_base."]'); }
  function forget(name) { try { store.removeItem(name); } catch (error) { /* nothing kept */ } }
  function keep() {
    var draft = { at: Date.now(), texts: {}, page: {}, from: {} };
    boxes().forEach(function (box) { draft.texts[box.name] = box.value; });
    pageFields().forEach(function (input) { draft.page[input.name] = input.value; });
    // The earlier sources translations go with (not ticked as checked against the current one):
    // restored after a reload, the save still records the translation as made from them.
    form.querySelectorAll('input[name^="_from."]').forEach(function (input) {
      if (!input.disabled) { draft.from[input.name.slice("_from.".length)] = input.value; }
    });
    try { store.setItem(key, JSON.stringify(draft)); } catch (error) { /* storage full or refused */ }
  }
  // The kept drafts of this exhibit, every tab's (and the single draft of earlier versions).
  function keptDrafts() {
    var drafts = [];
    try {
      for (var index = 0; index < store.length; index++) {
        var name = store.key(index);
        if (name !== exhibitKey && (!name || name.indexOf(exhibitKey + "#") !== 0)) { continue; }
        var draft = null;
        try { draft = JSON.parse(store.getItem(name) || "null"); } catch (error) { draft = null; }
        if (draft && typeof draft.texts === "object" && typeof draft.page === "object") {
          drafts.push({ name: name, draft: draft });
        } else { forget(name); }
      }
    } catch (error) { /* storage refused */ }
    return drafts;
  }
  // A draft's own changes that the page does not show: a text the curator changed from what
  // their page showed (others' changes since are the page's, and stay).
  function unsaved(draft, box) {
    if (!Object.prototype.hasOwnProperty.call(draft.texts, box.name)) { return false; }
    var text = draft.texts[box.name];
    return text !== draft.page["_base." + box.name] && text !== box.value;
  }
  function hasUnsaved(draft) {
    return Array.prototype.some.call(boxes(), function (box) { return unsaved(draft, box); });
  }

  // A save of this exhibit in this tab just succeeded: what this tab kept is in the file now.
  if (new URLSearchParams(window.location.search).has("saved")) { forget(key); }
  var kept = null;  // the draft offered: { name, draft }
  function offerNewest() {
    kept = null;
    keptDrafts().forEach(function (entry) {
      if (hasUnsaved(entry.draft)) {
        if (!kept || entry.draft.at > kept.draft.at) { kept = entry; }
      } else if (entry.name !== key || form.getAttribute("data-draft") !== "shown") {
        // Its texts are in the file; on a page showing this tab's unsaved draft (the "Check"
        // button's answer) they are that draft, still unsaved.
        forget(entry.name);
      }
    });
    offer.hidden = !kept;
    if (!kept) { return; }
    // The texts the draft changed, named as the page heads them: "Text (en), Title (kk)".
    var names = Array.prototype.filter.call(boxes(), function (box) { return unsaved(kept.draft, box); })
      .map(function (box) {
        var heading = document.getElementById("h-" + box.getAttribute("data-field"));
        return (heading ? heading.textContent : box.getAttribute("data-field")) +
          " (" + box.getAttribute("data-lang") + ")";
      });
    var list = document.getElementById("draft-texts");
    list.textContent = (list.getAttribute("data-label") || "{list}").replace("{list}", names.join(", "));
    var time = new Date(kept.draft.at);
    document.getElementById("draft-time").textContent = isNaN(time.getTime()) ? "" :
      "(" + time.toLocaleString(document.documentElement.lang || undefined) + ")";
  }
  offerNewest();

  // Opened from the conflict page ("Open the file's current version"): the curator has seen the
  // conflict, so this tab's restored draft is edited against this page, the file's current
  // version; only while the page shows the version the conflict page showed (someone may have
  // saved since: the draft then merges, or is a conflict again, as any restored draft), and once:
  // a reload, or the address kept in the history, restores as any other page does.
  var params = new URLSearchParams(window.location.search);
  var digestField = form.querySelector('input[name="_digest"]');
  var ontoCurrent = params.has("conflict") && !!digestField && digestField.value === params.get("conflict");
  if (params.has("conflict") && window.history.replaceState) {
    params.delete("conflict");
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }
  // The file's text of a box the restored draft fills, shown under it: what to combine with.
  function showFileText(box, text) {
    var holder = noteUnder(box, "ft-" + box.id, "file-text", offer.getAttribute("data-filetext") || "");
    var body = document.createElement("p");
    body.className = "file-text-body";
    if (text) {
      body.lang = box.getAttribute("data-lang");
      body.textContent = text;
    } else {
      body.className += " empty";
      body.textContent = offer.getAttribute("data-empty") || "";
    }
    holder.appendChild(body);
  }
  // A note with `hint` under a box (after `after` when given), in place of an earlier one with
  // the same `id`, read with the box (aria-describedby): the note, to add to.
  function noteUnder(box, id, className, hint, after) {
    var old = document.getElementById(id);
    if (old) { old.remove(); }
    var holder = document.createElement("div");
    holder.className = className;
    holder.id = id;
    var text = document.createElement("p");
    text.className = "hint";
    text.textContent = hint;
    holder.appendChild(text);
    (after || box).insertAdjacentElement("afterend", holder);
    var described = (box.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (described.indexOf(id) < 0) { box.setAttribute("aria-describedby", described.concat(id).join(" ")); }
    return holder;
  }

  // A translation restored onto the current version whose source the file changed since the
  // draft's page showed it (and the draft did not): the source it goes with, the one that page
  // showed; null for any other box.
  function changedSource(box, draft) {
    var source = offer.getAttribute("data-source");
    var language = box.getAttribute("data-lang");
    if (!source || language === source) { return null; }
    var sourceName = box.getAttribute("data-field") + "." + source;
    var seen = draft.page["_base." + sourceName];
    var shown = form.querySelector('input[name="_base.' + sourceName + '"]');
    if (typeof seen !== "string" || !shown || shown.value === seen) { return null; }
    // A source the draft changed itself is saved with it: the translation is made from that.
    if (Object.prototype.hasOwnProperty.call(draft.texts, sourceName) && draft.texts[sourceName] !== seen) { return null; }
    return seen;
  }
  // The source a restored translation goes with: the one the draft kept (it was restored with
  // it, then the page reloaded), or after a conflict the one its page showed, when the file
  // changed it since; null when none.
  function earlierSource(box, draft, onto) {
    var from = draft.from && draft.from[box.name];
    if (typeof from === "string") { return from; }
    return onto ? changedSource(box, draft) : null;
  }
  // A translation restored with an earlier source goes with it (`_from.<field>.<lang>`), so the
  // save records it as made from it and it is reported stale; said under the box, beside the
  // source the file has now (the source box as the page came, not what is typed there since),
  // with a box to tick when the curator has checked it against the new source.
  function keepEarlierSource(box, seen) {
    var current = form.querySelector('textarea[name="' + box.getAttribute("data-field") + "." +
      offer.getAttribute("data-source") + '"]');
    // One pass, so that a text holding "{current}" is not replaced again; a function, so that a
    // `$` in a text is not a replacement pattern.
    var hint = (offer.getAttribute("data-earlier") || "").replace(/\{(source|current)\}/g, function (match, name) {
      return name === "source" ? seen : (current ? current.defaultValue : "");
    });
    var holder = noteUnder(box, "fs-" + box.id, "earlier-source", hint, document.getElementById("ft-" + box.id));
    var from = document.createElement("input");
    from.type = "hidden";
    from.name = "_from." + box.name;
    from.value = seen;
    var label = document.createElement("label");
    var checked = document.createElement("input");
    checked.type = "checkbox";
    checked.addEventListener("change", function () { from.disabled = checked.checked; keep(); });
    label.appendChild(checked);
    label.appendChild(document.createTextNode(" " + (offer.getAttribute("data-confirm") || "")));
    holder.appendChild(label);
    holder.appendChild(from);
  }

  document.getElementById("draft-restore-button").addEventListener("click", function () {
    offer.hidden = true;
    var draft = kept.draft;
    var restore = Array.prototype.filter.call(boxes(), function (box) { return unsaved(draft, box); });
    // The digest and texts of the page the draft was made on: the save merges the draft with
    // what changed in the file since, or says it is a conflict. After a conflict, the page's
    // own: the save then writes the combined texts over the version the curator sees.
    var onto = ontoCurrent && kept.name === key;
    if (!onto) {
      pageFields().forEach(function (input) {
        if (Object.prototype.hasOwnProperty.call(draft.page, input.name)) { input.value = draft.page[input.name]; }
      });
    }
    restore.forEach(function (box) {
      if (onto && box.value !== draft.texts[box.name]) { showFileText(box, box.value); }
      var earlier = earlierSource(box, draft, onto);
      if (earlier !== null) { keepEarlierSource(box, earlier); }
      box.value = draft.texts[box.name];
      // The live check, the counters and the sign-off buttons follow, as after typing.
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    // The restored draft is this tab's draft now (kept as the boxes changed).
    if (kept.name !== key) { keep(); forget(kept.name); }
    if (restore.length) { restore[0].focus(); }
  });
  // Discarding cannot be undone: the first press asks, the second discards.
  var confirmDiscard = document.getElementById("draft-discard-confirm");
  document.getElementById("draft-discard-button").addEventListener("click", function () {
    if (confirmDiscard.hidden) { confirmDiscard.hidden = false; return; }
    confirmDiscard.hidden = true;
    forget(kept.name);
    // Another tab's draft with changes of its own is offered next; else focus goes to the heading.
    offerNewest();
    if (kept) {
      document.getElementById("draft-restore-button").focus();
    } else {
      var heading = document.querySelector("main h1");
      heading.tabIndex = -1;
      heading.focus();
    }
  });
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") { keep(); }
  });
})();
