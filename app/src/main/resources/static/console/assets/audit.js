/* The audit trail across cases with its exports, a case's history verification, the ledger and its checkpoints. */
"use strict";
(function () {
  var H = Holdfast, el = H.el;

  function section(title, id) { return el("section", { "aria-labelledby": id }, el("h2", { id: id, text: title })); }

  function save(name, type, text) {
    var link = el("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: name });
    document.body.appendChild(link); link.click(); link.remove();
  }

  function trail(box) {
    var part = section("Audit trail", "trail-title"), results = el("div", { "aria-live": "polite" }), page = 0;
    var form = el("form", { class: "action", "aria-label": "Filter the audit trail" },
      H.field("From", el("input", { type: "datetime-local", name: "from" }), "your time zone"),
      H.field("Before", el("input", { type: "datetime-local", name: "to" })),
      el("button", { type: "submit", text: "Show" }), " ",
      el("button", { type: "button", class: "secondary", id: "export-json", text: "Export as JSON", on: { click: function () { exportAs("application/json", "audit.json"); } } }), " ",
      el("button", { type: "button", class: "secondary", id: "export-csv", text: "Export as CSV", on: { click: function () { exportAs("text/csv", "audit.csv"); } } }));
    function query(extra) {
      var q = new URLSearchParams();
      if (form.elements.from.value) q.set("from", H.instant(form.elements.from.value));
      if (form.elements.to.value) q.set("to", H.instant(form.elements.to.value));
      Object.keys(extra || {}).forEach(function (k) { q.set(k, extra[k]); });
      return q.toString();
    }
    function exportAs(type, name) {
      H.api("GET", "/api/audit/events?" + query({ size: 200, page: 0 }), { accept: type }).then(function (answer) {
        if (!answer.ok) { results.textContent = H.problemText(answer); return; }
        save(name, type, typeof answer.data === "string" ? answer.data : JSON.stringify(answer.data, null, 2));
      });
    }
    function show() {
      H.get("/api/audit/events?" + query({ page: page, size: 50 })).then(function (answer) {
        H.clear(results);
        if (!answer.ok) { results.appendChild(el("p", { class: "refusal", text: H.problemText(answer) })); return; }
        var d = answer.data, pages = Math.max(1, Math.ceil(d.total / d.size));
        results.appendChild(el("p", { text: d.total + " entries; page " + (d.page + 1) + " of " + pages + "." }));
        results.appendChild(el("table", {}, el("caption", { class: "skip", text: "Audit entries" }),
          el("thead", {}, el("tr", {}, ["Global index", "Case", "Event", "When", "Who", "Ledger index", "Hash"].map(function (h) { return el("th", { scope: "col", text: h }); }))),
          el("tbody", {}, d.items.map(function (e) {
            var type = (e.type || "").substring((e.type || "").lastIndexOf(".") + 1);
            return el("tr", {}, el("td", { class: "num", text: e.globalIndex }),
              el("td", {}, el("a", { href: "case.html?id=" + encodeURIComponent(e.caseId), text: e.caseId })), el("td", { text: type }),
              el("td", {}, H.time(e.occurredAt)), el("td", { text: e.actor + " (" + e.role + ")" }),
              el("td", { class: "num", text: e.ledgerIndex === null ? "—" : e.ledgerIndex }), el("td", { class: "hash", text: e.hash }));
          }))));
        var nav = el("nav", { class: "pager", "aria-label": "Audit pages" });
        if (d.page > 0) nav.appendChild(el("button", { type: "button", class: "secondary", text: "Previous page", on: { click: function () { page--; show(); } } }));
        if (d.page + 1 < pages) nav.appendChild(el("button", { type: "button", class: "secondary", text: "Next page", on: { click: function () { page++; show(); } } }));
        results.appendChild(nav);
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); page = 0; show(); });
    part.appendChild(form); part.appendChild(results); box.appendChild(part);
    show();
  }

  function caseChecks(box) {
    var part = section("A case's history and evidence", "case-check-title"), result = el("div", { role: "status" });
    var form = el("form", { class: "action", "aria-label": "Check a case" }, H.field("Case", H.text("caseId", { required: true })),
      el("button", { type: "submit", text: "Verify its history" }), " ",
      el("button", { type: "button", class: "secondary", text: "Download its evidence bundle", on: { click: function () {
        var id = form.elements.caseId.value.trim();
        if (!id) return;
        H.get("/api/cases/" + encodeURIComponent(id) + "/evidence-bundle").then(function (answer) {
          if (!answer.ok) { result.textContent = H.problemText(answer); return; }
          save(id + "-evidence-bundle.json", "application/json", JSON.stringify(answer.data, null, 1));
        });
      } } }));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      H.get("/api/cases/" + encodeURIComponent(form.elements.caseId.value.trim()) + "/history/verification").then(function (answer) {
        H.clear(result);
        if (!answer.ok) { result.appendChild(el("p", { class: "refusal", text: H.problemText(answer) })); return; }
        var v = answer.data;
        result.appendChild(el("p", { class: v.valid ? "valid" : "invalid", text: v.valid ? "Valid: " + v.entries + " entries, head " + v.headHash
          : "Not valid from entry " + v.firstInvalidSequence + ": " + (v.finding || "") }));
      });
    });
    part.appendChild(form); part.appendChild(result); box.appendChild(part);
  }

  function ledger(box) {
    var part = section("The ledger", "ledger-title"), latest = el("div"), result = el("div", { role: "status" });
    part.appendChild(latest);
    function showLatest() {
      H.get("/api/audit/ledger/checkpoints?size=20").then(function (answer) {
        H.clear(latest);
        if (!answer.ok) { latest.appendChild(el("p", { text: H.problemText(answer) })); return; }
        if (answer.data.items.length === 0) { latest.appendChild(el("p", { text: "No checkpoint has been signed yet." })); return; }
        var newest = answer.data.items[0];
        latest.appendChild(el("h3", { text: "Latest checkpoint: " + newest.treeSize + " leaves" }));
        latest.appendChild(el("pre", { class: "hash", id: "latest-note", text: newest.note }));
        latest.appendChild(el("button", { type: "button", class: "secondary", text: "Save this checkpoint", on: { click: function () {
          save("checkpoint-" + newest.treeSize + ".note", "text/plain", newest.note); } } }));
        latest.appendChild(table(answer.data.items));
      });
    }
    function table(items) {
      return el("table", {}, el("caption", { class: "skip", text: "Checkpoints" }),
        el("thead", {}, el("tr", {}, ["Leaves", "Root hash", "Signed"].map(function (h) { return el("th", { scope: "col", text: h }); }))),
        el("tbody", {}, items.map(function (c) { return el("tr", {}, el("td", { class: "num", text: c.treeSize }), el("td", { class: "hash", text: c.rootHash }), el("td", {}, H.time(c.signedAt))); })));
    }
    part.appendChild(el("button", { type: "button", class: "secondary", text: "Download the ledger's public key", on: { click: function () {
      H.get("/api/audit/ledger/public-key").then(function (answer) { if (answer.ok) save("ledger.pem", "application/x-pem-file", answer.data.publicKeyPem); });
    } } }));
    if (H.may(["AUDITOR", "ADMIN"])) {
      var sign = el("form", { class: "action", "aria-label": "Sign a checkpoint" }, el("button", { type: "submit", text: "Sign a checkpoint now" }));
      H.commandForm(sign, function (key) {
        return H.api("POST", "/api/audit/ledger/checkpoints", { idempotencyKey: key }).then(function (a) {
          return a.ok ? { ok: true, message: "Checkpoint of " + a.data.treeSize + " leaves.", after: showLatest } : { ok: false, message: H.problemText(a) };
        });
      });
      part.appendChild(sign);
      part.appendChild(el("button", { type: "button", id: "verify-ledger", text: "Verify the ledger", on: { click: function () {
        result.textContent = "Verifying…";
        H.get("/api/audit/ledger/verification").then(function (answer) {
          H.clear(result);
          if (!answer.ok) { result.textContent = H.problemText(answer); return; }
          var v = answer.data;
          result.appendChild(el("p", { class: v.valid ? "valid" : "invalid", text: v.valid
            ? "Valid: " + v.treeSize + " leaves, and the latest checkpoint (" + v.checkpointTreeSize + " leaves) matches them."
            : "Not valid: " + JSON.stringify(v.firstDifference) }));
        });
      } } }));
      part.appendChild(result);
    }
    box.appendChild(part);
    showLatest();
  }

  H.start("audit.html", function () {
    var box = H.byId("audit");
    if (H.may(["OFFICER", "SUPERVISOR", "AUDITOR"])) { trail(box); caseChecks(box); }
    ledger(box);
  });
})();
