/* An administrator's view of the processors, their replays, what is parked, and the backups. */
"use strict";
(function () {
  var H = Holdfast, el = H.el;
  var PROCESSORS = ["case-views", "case-summaries", "account-holdings", "warrant-registry", "audit-trail", "obligations", "sanctions-screening", "sanctions-lists"];

  function section(title, id) { return el("section", { "aria-labelledby": id }, el("h2", { id: id, text: title })); }

  H.start("operations.html", function () {
    var box = H.clear(H.byId("operations"));
    var processors = section("Processors", "processors-title");
    var table = el("tbody");
    processors.appendChild(el("table", {}, el("caption", { class: "skip", text: "Processors" }),
      el("thead", {}, el("tr", {}, ["Processor", "State", "Position", "Head", "Behind", "Replay"].map(function (h) { return el("th", { scope: "col", text: h }); }))), table));
    box.appendChild(processors);
    PROCESSORS.forEach(function (name) {
      var row = el("tr", {}, el("td", { text: name }));
      table.appendChild(row);
      H.get("/api/admin/replays/" + name).then(function (answer) {
        if (!answer.ok) { row.appendChild(el("td", { colspan: 5, text: H.problemText(answer) })); return; }
        var s = answer.data;
        var replay = el("form", { class: "inline" }, el("button", { type: "submit", class: "secondary", text: "Replay " + name }));
        H.commandForm(replay, function (key) {
          return H.api("POST", "/api/admin/replays/" + name, { idempotencyKey: key }).then(function (a) {
            return a.ok ? { ok: true, message: "Replay started." } : { ok: false, message: H.problemText(a) };
          });
        });
        row.appendChild(el("td", { text: s.state })); row.appendChild(el("td", { class: "num", text: s.position }));
        row.appendChild(el("td", { class: "num", text: s.head })); row.appendChild(el("td", { class: "num", text: Math.max(0, (s.head || 0) - (s.position || 0)) }));
        row.appendChild(el("td", {}, replay));
      });
    });
    var parked = section("Dead letters", "parked-title");
    box.appendChild(parked);
    H.get("/api/admin/dead-letters").then(function (answer) {
      if (!answer.ok) { parked.appendChild(el("p", { text: H.problemText(answer) })); return; }
      var items = Array.isArray(answer.data) ? answer.data : (answer.data.items || []);
      parked.appendChild(items.length === 0 ? el("p", { text: "Nothing is parked." }) : el("ul", {}, items.map(function (p) {
        return el("li", { text: p.processor + ": " + p.type + " of case " + p.caseId + " (sequence " + p.sequence + "): " + p.cause });
      })));
    });
    var backups = section("Backups", "backups-title");
    box.appendChild(backups);
    var take = el("form", { class: "action", "aria-label": "Take a backup" }, el("button", { type: "submit", text: "Take a backup now" }));
    H.commandForm(take, function (key) {
      return H.api("POST", "/api/admin/backups", { idempotencyKey: key }).then(function (a) {
        return a.ok ? { ok: true, message: "Backup " + a.data.name + " taken (" + a.data.bytes + " bytes, SHA-256 " + a.data.sha256 + ")." }
          : { ok: false, message: H.problemText(a) };
      });
    });
    backups.appendChild(take);
    H.get("/api/admin/backups").then(function (answer) {
      if (!answer.ok) { backups.appendChild(el("p", { text: H.problemText(answer) })); return; }
      backups.appendChild(answer.data.backups.length === 0 ? el("p", { text: "No backups yet." }) : el("ul", {}, answer.data.backups.map(function (b) {
        return el("li", {}, b.name + ", " + b.bytes + " bytes, taken ", H.time(b.takenAt));
      })));
    });
  });
})();
