/* The sanctions lists: versions and their differences, the file held for a second person, an upload, screening runs, an account's addresses. */
"use strict";
(function () {
  var H = Holdfast, el = H.el;

  function section(title, id) { return el("section", { "aria-labelledby": id }, el("h2", { id: id, text: title })); }

  function lists(box) {
    var part = section("Lists and versions", "lists-title"), detail = el("div", { "aria-live": "polite" });
    box.appendChild(part);
    H.get("/api/sanctions/lists").then(function (answer) {
      if (!answer.ok) { part.appendChild(el("p", { class: "refusal", text: H.problemText(answer) })); return; }
      if (answer.data.lists.length === 0) part.appendChild(el("p", { text: "No list has been imported yet." }));
      answer.data.lists.forEach(function (list) {
        part.appendChild(el("h3", { text: list.list + ", version " + list.currentVersion }));
        if (list.held) part.appendChild(el("p", { class: "banner", text: "A file is held for a second person: " + list.held.fileName + " would remove "
          + list.held.entriesRemoved + " entries and " + list.held.addressesRemoved + " addresses (imported by " + list.held.importedBy + ")." }));
        part.appendChild(el("table", {}, el("caption", { class: "skip", text: list.list + " versions" }),
          el("thead", {}, el("tr", {}, ["Version", "Published", "Imported", "Entries", "Added", "Changed", "Removed", "Addresses +/−", ""].map(function (h) { return el("th", { scope: "col", text: h }); }))),
          el("tbody", {}, list.versions.slice().reverse().map(function (v) {
            return el("tr", {}, el("td", { class: "num", text: v.version }), el("td", { text: v.publicationDate || "" }), el("td", {}, H.time(v.importedAt), " by " + v.importedBy),
              el("td", { class: "num", text: v.entryCount }), el("td", { class: "num", text: v.entriesAdded }), el("td", { class: "num", text: v.entriesChanged }),
              el("td", { class: "num", text: v.entriesRemoved }), el("td", { class: "num", text: "+" + v.addressesAdded + " / −" + v.addressesRemoved }),
              el("td", {}, el("button", { type: "button", class: "secondary", text: "Differences of version " + v.version, on: { click: function () { difference(list.list, v.version, detail); } } })));
          }))));
      });
      part.appendChild(detail);
    });
  }

  function difference(list, version, box) {
    H.get("/api/sanctions/lists/" + encodeURIComponent(list) + "/versions/" + version).then(function (answer) {
      H.clear(box);
      if (!answer.ok) { box.appendChild(el("p", { text: H.problemText(answer) })); return; }
      var d = answer.data;
      box.appendChild(el("h3", { text: list + " version " + version + ": what changed" }));
      [["Entries added", d.entriesAdded], ["Entries changed", d.entriesChanged], ["Entries removed", d.entriesRemoved],
       ["Addresses added", d.addressesAdded], ["Addresses removed", d.addressesRemoved]].forEach(function (pair) {
        var items = pair[1] || [];
        box.appendChild(el("details", {}, el("summary", { text: pair[0] + " (" + items.length + ")" }),
          el("ul", {}, items.slice(0, 500).map(function (item) { return el("li", { text: typeof item === "string" ? item : JSON.stringify(item) }); }))));
      });
    });
  }

  function upload(box) {
    var part = section("Import a list version", "upload-title");
    var progress = el("progress", { max: 100, value: 0, id: "upload-progress", "aria-label": "Upload progress" });
    var form = el("form", { class: "action", "aria-labelledby": "upload-title" },
      H.field("List", H.choice("list", ["OFAC-SDN", "OFAC-CONSOLIDATED"], "OFAC-SDN")),
      H.field("OFAC's file", el("input", { type: "file", name: "file", required: true }), "sdn.xml, SDN_ADVANCED.XML, CONS_ADVANCED.XML or sdn.csv"),
      el("button", { type: "submit", text: "Import" }), progress);
    var outcome = el("div", { role: "status" });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var file = form.elements.file.files[0];
      if (!file) return;
      var data = new FormData();
      data.append("file", file);
      var request = new XMLHttpRequest();
      request.open("POST", "/api/sanctions/lists?list=" + encodeURIComponent(form.elements.list.value));
      request.setRequestHeader(H.session().csrfHeader, H.session().csrfToken);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", function (p) { if (p.lengthComputable) progress.value = Math.round(100 * p.loaded / p.total); });
      request.addEventListener("load", function () {
        var answer = { status: request.status, data: JSON.parse(request.responseText || "{}") };
        outcome.className = request.status < 300 ? "done" : "refusal";
        outcome.textContent = request.status < 300 ? (answer.data.held ? "Held for a second person: " : "Imported: ") + answer.data.list + " version "
          + answer.data.version + ", " + answer.data.entries + " entries, " + answer.data.addresses + " addresses." : H.problemText(answer);
      });
      request.send(data);
    });
    part.appendChild(form); part.appendChild(outcome); box.appendChild(part);
  }

  function screening(box) {
    var part = section("Screening", "screening-title"), status = el("div", { role: "status" });
    var form = el("form", { class: "action", "aria-label": "Screen every account again" }, el("button", { type: "submit", text: "Screen every registered address again" }));
    H.commandForm(form, function (key) {
      return H.api("POST", "/api/screening/runs", { body: {}, idempotencyKey: key }).then(function (a) {
        if (!a.ok) return { ok: false, message: H.problemText(a) };
        watch(a.data.runId, status);
        return { ok: true, message: "Run " + a.data.runId + " queued." };
      });
    });
    part.appendChild(form); part.appendChild(status);
    var account = el("form", { class: "action", "aria-label": "An account's addresses" }, H.field("Account", H.text("accountId", { required: true })),
      el("button", { type: "submit", text: "Show its registered addresses" }));
    var addresses = el("div", { "aria-live": "polite" });
    account.addEventListener("submit", function (event) {
      event.preventDefault();
      H.get("/api/accounts/" + encodeURIComponent(account.elements.accountId.value.trim()) + "/addresses").then(function (a) {
        H.clear(addresses);
        if (!a.ok) { addresses.appendChild(el("p", { text: H.problemText(a) })); return; }
        addresses.appendChild(el("p", { text: a.data.holderName + ": " + a.data.addresses.length + " addresses" }));
        addresses.appendChild(el("ul", {}, a.data.addresses.map(function (r) { return el("li", { class: "hash", text: r.currency + " " + r.address + (r.kind ? " (" + r.kind + ")" : "") }); })));
      });
    });
    part.appendChild(account); part.appendChild(addresses);
    box.appendChild(part);
  }

  function watch(runId, status) {
    H.get("/api/screening/runs/" + encodeURIComponent(runId)).then(function (a) {
      if (!a.ok) { status.textContent = H.problemText(a); return; }
      var r = a.data;
      status.textContent = "Run " + r.runId + ": " + r.status + ", " + (r.addressesScreened || 0) + " addresses screened, " + (r.flagsRaised || 0) + " cases opened.";
      if (r.status !== "FINISHED" && r.status !== "FAILED") setTimeout(function () { watch(runId, status); }, 1000);
    });
  }

  H.start("sanctions.html", function () {
    var box = H.clear(H.byId("sanctions"));
    lists(box);
    if (H.may(["OFFICER", "SUPERVISOR", "ADMIN"])) { upload(box); screening(box); }
  });
})();
