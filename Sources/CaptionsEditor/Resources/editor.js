// The captions editor's live feedback: counters and findings of the unsaved draft, checked on the
// server (the same checks as `captions check`) a moment after typing stops. Pages work without it.
"use strict";
(function () {
  var form = document.getElementById("exhibit-form");
  if (!form) { return; }
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var status = document.getElementById("live-status");
  var timer = null;
  var sequence = 0;
  var dirty = false;

  function check() {
    var mine = ++sequence;
    var body = new URLSearchParams(new FormData(form));
    body.delete("_action");
    status.textContent = form.getAttribute("data-checking") || "…";
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
      });
      document.getElementById("findings-general").innerHTML = result.data.general;
      document.getElementById("label-preview").innerHTML = result.data.preview;
      status.textContent = form.getAttribute("data-unsaved") || "";
      form.setAttribute("data-errors", String(result.data.errors));
    }).catch(function () { status.textContent = ""; });
  }

  form.addEventListener("input", function (event) {
    if (event.target.tagName !== "TEXTAREA") { return; }
    dirty = true;
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, 300);
  });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();
