/*
 * One case: what it is now (or at any earlier moment), its timeline, and the forms to act on it.
 * Every form is sent with the version this page shows (If-Match), so a change made meanwhile by
 * someone else is refused rather than overwritten; the page follows changes live.
 */
"use strict";
(function () {
  var H = Holdfast, el = H.el;
  var caseId = new URLSearchParams(window.location.search).get("id");
  var state = { view: null, history: [], asOf: null, latestVersion: null, stream: null };

  function path(suffix) { return "/api/cases/" + encodeURIComponent(caseId) + (suffix || ""); }

  function shortType(entry) { var name = entry.type || entry.payloadType || ""; return name.substring(name.lastIndexOf(".") + 1); }

  function who(entry) { return entry.actor + " (" + entry.role + (entry.agency ? ", " + entry.agency : "") + ")"; }

  function load(options) {
    var o = options || {};
    var atLeast = o.minVersion !== undefined && o.minVersion !== null ? "?minVersion=" + o.minVersion : "";
    var viewPath = path(state.asOf ? "?asOf=" + encodeURIComponent(state.asOf) : atLeast);
    return Promise.all([H.get(viewPath), H.get(path("/history" + atLeast))]).then(function (answers) {
      var view = answers[0], history = answers[1];
      if (!view.ok) {
        H.clear(H.byId("case")).appendChild(el("p", { class: "refusal", text: view.status === 404
          ? "There is no case " + caseId + " that you may see." : H.problemText(view) }));
        return false;
      }
      state.view = view.data;
      state.history = history.ok ? history.data.entries : [];
      if (!state.asOf) state.latestVersion = Math.max(state.latestVersion || 0, view.data.version);
      var warning = view.headers.get("Warning");
      render(warning);
      return true;
    });
  }

  function liveStatus(text) { H.byId("live").textContent = text; }

  function follow() {
    if (!window.EventSource) { liveStatus("This browser cannot follow changes live; reload to see them."); return; }
    var stream = new EventSource(path("/updates"));
    state.stream = stream;
    stream.addEventListener("open", function () { liveStatus("Following changes live."); });
    stream.addEventListener("case", function (message) {
      var view = JSON.parse(message.data);
      state.latestVersion = Math.max(state.latestVersion || 0, view.version);
      if (state.asOf) { liveStatus("Following changes live: the case is now at version " + view.version + "."); return; }
      if (view.version > state.view.version && view.version !== state.ownVersion) {
        if (typing()) {
          liveStatus("Behind: the case changed to version " + view.version + " while you were typing; this page shows version "
            + state.view.version + ". A form you send now will be refused; reload the case to act on the current state.");
          showReload();
        } else {
          load().then(function () { liveStatus("Following changes live; updated to version " + view.version + "."); });
        }
      }
    });
    stream.addEventListener("error", function () { liveStatus("Behind: the live connection was lost; reconnecting. What you see may be out of date."); });
  }

  function typing() {
    return Array.prototype.some.call(document.querySelectorAll("#actions input:not([type=hidden]), #actions textarea"), function (input) {
      return input.value && input.value !== input.defaultValue;
    });
  }

  function showReload() {
    var live = H.byId("live");
    if (live.querySelector("button")) return;
    live.appendChild(el("button", { type: "button", class: "secondary", text: "Show the current state",
      on: { click: function () { load(); } } }));
  }

  function facts(pairs) {
    return el("dl", { class: "facts" }, pairs.filter(function (p) { return p[1] !== null && p[1] !== undefined && p[1] !== ""; })
      .map(function (p) { return [el("dt", { text: p[0] }), el("dd", {}, p[1])]; }));
  }

  function eventsOf(type) { return state.history.filter(function (entry) { return shortType(entry) === type && inView(entry); }); }

  function inView(entry) { return !state.asOf || entry.sequence <= state.view.version; }

  function table(caption, headings, rows) {
    if (rows.length === 0) return el("p", { text: "None." });
    return el("table", {}, el("caption", { class: "skip", text: caption }),
      el("thead", {}, el("tr", {}, headings.map(function (h) { return el("th", { scope: "col", text: h }); }))),
      el("tbody", {}, rows.map(function (cells) { return el("tr", {}, cells.map(function (c) { return el("td", {}, c); })); })));
  }

  function businessDays(iso) {
    var day = new Date(); day.setHours(0, 0, 0, 0);
    var end = new Date(iso); end.setHours(0, 0, 0, 0);
    var count = 0, step = end >= day ? 1 : -1;
    while (day.getTime() !== end.getTime()) { day.setDate(day.getDate() + step); if (day.getDay() % 6 !== 0) count += step; }
    return count < 0 ? -count + " business days overdue" : count === 0 ? "due today" : "due in " + count + " business days";
  }

  function render(warning) {
    var view = state.view, box = H.clear(H.byId("case"));
    H.clear(H.byId("notice"));
    if (state.stream && !state.asOf && view.version >= (state.latestVersion || 0)) liveStatus("Following changes live.");
    document.title = "Case " + view.caseId + " · Holdfast";
    H.byId("main").querySelector("h1").textContent = "Case " + view.caseId;
    var banner = H.clear(H.byId("asof"));
    if (state.asOf) {
      banner.appendChild(el("span", {}, "You are looking at the case as it stood at ", H.time(state.asOf), " (version " + view.version + "). "));
      banner.appendChild(el("button", { type: "button", class: "secondary", text: "Back to now", on: { click: function () { state.asOf = null; load(); } } }));
    } else if (warning) {
      banner.textContent = "The view has not yet caught up with your change; it shows version " + view.version + ". It follows live and will update.";
    }
    var flagged = eventsOf("AccountFlagged")[0];
    var subject = flagged ? flagged.payload.subject : null;
    box.appendChild(el("section", { "aria-labelledby": "summary-title" }, el("h2", { id: "summary-title", text: "The case" }), facts([
      ["Status", el("span", { class: "status", text: view.status })],
      ["Version", String(view.version)],
      ["Account", view.accountId],
      ["Holder", subject ? subject.holderName : null],
      ["Wallet addresses", subject ? subject.walletAddresses.join(", ") : null],
      ["Flagged", H.time(view.flaggedAt)],
      ["Last change", H.time(view.lastChangedAt)],
      ["Reason", view.reason ? view.reason.type + (view.reason.list ? " · " + view.reason.list + " " + (view.reason.listEntryId || "") : "")
        + (view.reason.agency ? " · " + view.reason.agency : "") : null],
      ["Details", view.reason ? view.reason.details : null],
      ["Sanctions match", view.sanctionsMatch ? view.sanctionsMatch.list + " version " + view.sanctionsMatch.listVersion + ", entry "
        + view.sanctionsMatch.entryUid + ": " + view.sanctionsMatch.accountAddress + " listed as " + view.sanctionsMatch.listedAddress : null],
      ["Agencies", (view.agencies || []).join(", ")],
      ["Needs attention", (view.attention || []).length ? el("span", { class: "attention", text: view.attention.join(", ") }) : null]
    ])));

    box.appendChild(el("section", { "aria-labelledby": "warrants-title" }, el("h2", { id: "warrants-title", text: "Warrants" }),
      table("Warrants", ["Warrant", "Order", "Agency", "Reference", "Issued", "Expires"], (view.warrants || []).map(function (w) {
        return [w.warrantId, w.orderType, w.requestingAgency, w.referenceNumber, H.time(w.issuedAt),
          el("span", { class: w.expired ? "attention" : null }, H.time(w.expiresAt), w.expired ? " (expired)" : "")];
      }))));

    var decided = eventsOf("AssetsFrozen").map(function (e) { return [e.payload.requestId, e.payload.warrantId, H.amounts(e.payload.holdings),
      e.payload.requestedBy.userId, "approved by " + e.payload.approvedBy.userId + (e.payload.comment ? ": " + e.payload.comment : ""), H.time(e.occurredAt)]; })
      .concat(eventsOf("FreezeRequestRejected").map(function (e) { return [e.payload.requestId, e.payload.warrantId, H.amounts(e.payload.holdings),
        e.payload.requestedBy.userId, "rejected by " + e.payload.rejectedBy.userId + ": " + e.payload.reason, H.time(e.occurredAt)]; }));
    var pending = (view.pendingFreezeRequests || []).map(function (r) { return [el("span", { id: "request-" + r.requestId, text: r.requestId }), r.warrantId,
      H.amounts(r.holdings), r.requestedBy, "waiting for a supervisor's decision", H.time(r.requestedAt)]; });
    box.appendChild(el("section", { "aria-labelledby": "requests-title" }, el("h2", { id: "requests-title", text: "Freeze requests" }),
      table("Freeze requests", ["Request", "Warrant", "Holdings", "Requested by", "Decision", "When"], pending.concat(decided))));

    box.appendChild(el("section", { "aria-labelledby": "holdings-title" }, el("h2", { id: "holdings-title", text: "Holdings" }), facts([
      ["Frozen now", H.amounts(view.frozen)], ["Released", H.amounts(view.released)], ["Turned over", H.amounts(view.turnedOver)]])));

    var filed = {};
    eventsOf("BlockingReportFiled").forEach(function (e) { filed[e.payload.obligationId] = e; });
    var overdue = {};
    eventsOf("BlockingReportOverdue").forEach(function (e) { overdue[e.payload.obligationId] = true; });
    box.appendChild(el("section", { "aria-labelledby": "obligations-title" }, el("h2", { id: "obligations-title", text: "Blocking reports" }),
      table("Blocking reports", ["Report", "Warrant", "Due", "State"], eventsOf("BlockingReportDue").map(function (e) {
        var done = filed[e.payload.obligationId];
        return [e.payload.obligationId, e.payload.warrantId, el("span", {}, H.time(e.payload.dueAt), done ? "" : " (" + businessDays(e.payload.dueAt) + ")"),
          done ? "filed as " + done.payload.reportReference + " at " + new Date(done.payload.filedAt).toLocaleString()
            : el("span", { class: overdue[e.payload.obligationId] ? "attention" : null, text: overdue[e.payload.obligationId] ? "overdue" : "open" })];
      }))));

    box.appendChild(el("section", { "aria-labelledby": "notes-title" }, el("h2", { id: "notes-title", text: "Notes" }),
      eventsOf("NoteAdded").length === 0 ? el("p", { text: "None." }) : el("ul", {}, eventsOf("NoteAdded").map(function (e) {
        return el("li", {}, el("p", { class: "note", text: e.payload.text }), el("span", { class: "hint" }, who(e) + ", ", H.time(e.occurredAt)));
      }))));

    box.appendChild(timeline());
    box.appendChild(proofs());
    if (!state.asOf) box.appendChild(actions());
  }

  function timeline() {
    var entries = state.history;
    var section = el("section", { "aria-labelledby": "timeline-title" }, el("h2", { id: "timeline-title", text: "Timeline" }));
    if (entries.length === 0) { section.appendChild(el("p", { text: "No history is readable yet." })); return section; }
    var shown = state.asOf ? Math.min(state.view.version + 1, entries.length) : entries.length;
    var slider = el("input", { type: "range", id: "moment", min: 1, max: entries.length, step: 1, value: shown,
      "aria-valuetext": describe(entries[shown - 1]) });
    var moment = el("input", { type: "datetime-local", id: "moment-at", step: 1 });
    var go = el("form", { class: "action", id: "as-of-form", "aria-label": "The case at an earlier moment" },
      H.field("The case as it stood after the event at version", slider, "drag, or use the arrow keys, then show"),
      el("output", { for: "moment", id: "moment-label", text: describe(entries[shown - 1]) }),
      H.field("or at a moment", moment, "your time zone"),
      el("button", { type: "submit", text: "Show the case then" }));
    slider.addEventListener("input", function () {
      var entry = entries[Number(slider.value) - 1];
      slider.setAttribute("aria-valuetext", describe(entry));
      H.byId("moment-label").textContent = describe(entry);
    });
    go.addEventListener("submit", function (event) {
      event.preventDefault();
      state.asOf = moment.value ? H.instant(moment.value) : entries[Number(slider.value) - 1].occurredAt;
      if (!moment.value && Number(slider.value) === entries.length) state.asOf = null;
      load();
    });
    section.appendChild(go);
    section.appendChild(el("table", { class: "timeline" }, el("caption", { class: "skip", text: "Every event of the case, in order" }),
      el("thead", {}, el("tr", {}, ["Version", "Event", "When", "Who", "Correlation id", "Ledger index", "What"].map(function (h) { return el("th", { scope: "col", text: h }); }))),
      el("tbody", {}, entries.map(function (entry) {
        return el("tr", { class: inView(entry) ? null : "future" },
          el("td", { class: "num", text: entry.sequence }), el("td", { text: shortType(entry) }), el("td", {}, H.time(entry.occurredAt)),
          el("td", { text: who(entry) }), el("td", { class: "hash", text: entry.correlationId || "" }),
          el("td", { class: "num", text: entry.ledgerIndex === null || entry.ledgerIndex === undefined ? "not yet in the ledger" : entry.ledgerIndex }),
          el("td", {}, el("details", {}, el("summary", { text: "payload" }), el("pre", { text: JSON.stringify(entry.payload, null, 2) }))));
      }))));
    return section;
  }

  function describe(entry) { return entry ? "version " + entry.sequence + ": " + shortType(entry) + ", " + new Date(entry.occurredAt).toLocaleString() : ""; }

  function proofs() {
    var result = el("div", { role: "status" });
    return el("section", { "aria-labelledby": "proof-title" }, el("h2", { id: "proof-title", text: "Proof" }),
      el("p", {}, el("a", { href: path("/evidence-bundle"), download: caseId + "-evidence-bundle.json", id: "bundle-link", text: "Download the evidence bundle" }),
        " and check it offline with the ledger's public key, in ", el("a", { href: "verify.html", text: "your browser" }), " or with verify-bundle."),
      el("button", { type: "button", class: "secondary", id: "verify-history", text: "Verify this case's history", on: { click: function () {
        H.get(path("/history/verification")).then(function (answer) {
          H.clear(result);
          if (!answer.ok) { result.textContent = H.problemText(answer); return; }
          var v = answer.data;
          result.appendChild(el("p", { class: v.valid ? "valid" : "invalid", text: v.valid
            ? "Valid: " + v.entries + " entries chain to head " + v.headHash + "."
            : "Not valid from entry " + v.firstInvalidSequence + ": " + (v.finding || "") }));
        });
      } } }), result);
  }

  /* The forms, each shown to the roles the API lets do it. */
  function actions() {
    var view = state.view, section = el("section", { id: "actions", "aria-labelledby": "actions-title" }, el("h2", { id: "actions-title", text: "Act on the case" }));
    var open = ["DISMISSED", "RELEASED", "TURNED_OVER"].indexOf(view.status) < 0 || (view.frozen || []).length > 0;
    var warrants = (view.warrants || []).map(function (w) { return w.warrantId; });
    var forms = [];
    if (H.may(["OFFICER", "SUPERVISOR", "LIAISON"])) {
      forms.push(form("warrant", "Record a warrant", [
        H.field("Warrant id", H.text("warrantId"), "optional"),
        H.field("Order", H.choice("orderType", ["SEIZURE_WARRANT", "FREEZE_ORDER", "COURT_ORDER", "SANCTIONS_BLOCKING"], "SEIZURE_WARRANT")),
        H.field("Issuing authority", H.text("issuingAuthority")), H.field("Requesting agency", H.text("requestingAgency", { value: H.session().agency || "" })),
        H.field("Jurisdiction", H.text("jurisdiction"), "as US-DC"), H.field("Reference number", H.text("referenceNumber")),
        H.field("Issued", el("input", { type: "datetime-local", name: "issuedAt" })), H.field("Expires", el("input", { type: "datetime-local", name: "expiresAt" })),
        H.field("Scope", el("textarea", { name: "scope" }), "one asset per line, with its largest amount if the warrant names one: USDT 3100000"),
        H.field("Document SHA-256", H.text("documentSha256"))], function (f) {
        var body = { orderType: f.orderType.value, issuingAuthority: f.issuingAuthority.value, requestingAgency: f.requestingAgency.value.trim(),
          jurisdiction: f.jurisdiction.value.trim(), referenceNumber: f.referenceNumber.value, issuedAt: H.instant(f.issuedAt.value),
          expiresAt: H.instant(f.expiresAt.value), scope: H.holdingsFrom(f.scope.value, "maxAmount"), documentSha256: f.documentSha256.value.trim() };
        if (f.warrantId.value.trim()) body.warrantId = f.warrantId.value.trim();
        return ["POST", path("/warrants"), body, "The warrant was recorded."];
      }));
      if (warrants.length) forms.push(form("extension", "Extend a warrant", [
        H.field("Warrant", H.choice("warrantId", warrants, warrants[0])),
        H.field("New expiry", el("input", { type: "datetime-local", name: "newExpiresAt" })),
        H.field("Authority's reference", H.text("authorityReference")), H.field("Document SHA-256", H.text("documentSha256"))], function (f) {
        return ["POST", path("/warrants/" + encodeURIComponent(f.warrantId.value) + "/extension"),
          { newExpiresAt: H.instant(f.newExpiresAt.value), authorityReference: f.authorityReference.value, documentSha256: f.documentSha256.value.trim() }, "The warrant was extended."];
      }));
    }
    if (H.may(["OFFICER", "SUPERVISOR"]) && warrants.length) {
      forms.push(form("freeze", "Request a freeze", [
        H.field("Request id", H.text("requestId"), "optional"),
        H.field("Under warrant", H.choice("warrantId", warrants, warrants[0])),
        H.field("Holdings", el("textarea", { name: "holdings" }), "one per line: asset and amount, as USDT 3050000.00")], function (f) {
        var body = { warrantId: f.warrantId.value, holdings: H.holdingsFrom(f.holdings.value) };
        if (f.requestId.value.trim()) body.requestId = f.requestId.value.trim();
        return ["POST", path("/freeze-requests"), body, "The freeze was requested; a supervisor other than you decides it."];
      }));
    }
    if (H.may(["SUPERVISOR"])) {
      (view.pendingFreezeRequests || []).forEach(function (r) {
        forms.push(form("approve-" + r.requestId, "Approve freeze request " + r.requestId + " (" + H.amounts(r.holdings) + ", by " + r.requestedBy + ")", [
          H.field("Comment", H.text("comment"), "optional")], function (f) {
          var body = f.comment.value ? { comment: f.comment.value } : {};
          return ["POST", path("/freeze-requests/" + encodeURIComponent(r.requestId) + "/approval"), body, "Approved: the assets are frozen."];
        }));
        forms.push(form("reject-" + r.requestId, "Reject freeze request " + r.requestId, [H.field("Reason", el("textarea", { name: "reason" }))], function (f) {
          return ["POST", path("/freeze-requests/" + encodeURIComponent(r.requestId) + "/rejection"), { reason: f.reason.value }, "Rejected."];
        }));
      });
      if ((view.frozen || []).length) {
        forms.push(form("release", "Release", [
          H.field("Holdings", el("textarea", { name: "holdings" }), "one per line, as BTC 10; empty releases everything still frozen"),
          H.field("Reason", H.choice("reason", ["ORDER_LIFTED", "WARRANT_EXPIRED", "FALSE_POSITIVE", "LICENSE_GRANTED"], "ORDER_LIFTED")),
          H.field("Authority's reference", H.text("authorityReference"))], function (f) {
          var body = { reason: f.reason.value, authorityReference: f.authorityReference.value };
          if (f.holdings.value.trim()) body.holdings = H.holdingsFrom(f.holdings.value);
          return ["POST", path("/releases"), body, "Released."];
        }));
        forms.push(form("turnover", "Turn over", [
          H.field("Holdings", el("textarea", { name: "holdings" }), "one per line; empty turns over everything still frozen"),
          H.field("Destination", H.text("destination"), "where the assets go"), H.field("Authority's reference", H.text("authorityReference"))], function (f) {
          var body = { destination: f.destination.value, authorityReference: f.authorityReference.value };
          if (f.holdings.value.trim()) body.holdings = H.holdingsFrom(f.holdings.value);
          return ["POST", path("/turnovers"), body, "Turned over."];
        }));
      }
    }
    if (H.may(["OFFICER", "SUPERVISOR"])) {
      var openReports = eventsOf("BlockingReportDue").map(function (e) { return e.payload.obligationId; })
        .filter(function (id) { return !eventsOf("BlockingReportFiled").some(function (e) { return e.payload.obligationId === id; }); });
      if (openReports.length) forms.push(form("report", "File a blocking report", [
        H.field("Report", H.choice("obligationId", openReports, openReports[0])), H.field("Report reference", H.text("reportReference")),
        H.field("Filed", el("input", { type: "datetime-local", name: "filedAt" }))], function (f) {
        return ["POST", path("/obligations/" + encodeURIComponent(f.obligationId.value) + "/report"),
          { reportReference: f.reportReference.value, filedAt: H.instant(f.filedAt.value) }, "The report was recorded as filed."];
      }));
      forms.push(form("note", "Add a note", [H.field("Note", el("textarea", { name: "text" }))], function (f) {
        return ["POST", path("/notes"), { text: f.text.value }, "The note was added."];
      }));
      if (open) forms.push(form("dismiss", "Dismiss the case", [H.field("Reason", el("textarea", { name: "reason" }))], function (f) {
        return ["POST", path("/dismissal"), { reason: f.reason.value }, "The case was dismissed."];
      }));
    }
    if (forms.length === 0) section.appendChild(el("p", { text: "Your role reads this case; it takes no action on it." }));
    forms.forEach(function (f) { section.appendChild(f); });
    return section;
  }

  /** A command form sent at the version the page showed when it was drawn. */
  function form(id, title, fields, build) {
    var shownVersion = state.view.version;
    var node = el("form", { class: "action", id: id + "-form", "aria-labelledby": id + "-title" },
      el("h3", { id: id + "-title", text: title }), fields, el("button", { type: "submit", text: title.split(" (")[0] }));
    H.commandForm(node, function (key) {
      var request = build(node.elements);
      return H.api(request[0], request[1], { body: request[2], version: shownVersion, idempotencyKey: key }).then(function (answer) {
        if (answer.ok) {
          var version = answer.data && answer.data.version;
          return { ok: true, message: request[3], after: function () {
            state.ownVersion = version;
            load({ minVersion: version }).then(function () { H.byId("notice").textContent = request[3] + " The case is at version " + version + "."; });
          } };
        }
        var refusal = { ok: false, message: H.problemText(answer) };
        if (answer.status === 412) {
          refusal.message = "Someone changed the case since this page showed it (version " + shownVersion + "), so nothing was done. "
            + "What you typed is kept; look at the current state, then send again.";
          refusal.offer = el("button", { type: "button", class: "secondary", text: "Show the current state", on: { click: function () { refreshKeeping(); } } });
        }
        return refusal;
      });
    });
    return node;
  }

  /** Draws the case again at its current version, putting back what was typed in every form. */
  function refreshKeeping() {
    var typed = {};
    document.querySelectorAll("#actions form").forEach(function (f) {
      typed[f.id] = {};
      Array.prototype.forEach.call(f.elements, function (input) { if (input.name) typed[f.id][input.name] = input.value; });
    });
    load().then(function () {
      Object.keys(typed).forEach(function (formId) {
        var f = H.byId(formId);
        if (!f) return;
        Object.keys(typed[formId]).forEach(function (name) { if (f.elements[name]) f.elements[name].value = typed[formId][name]; });
      });
    });
  }

  H.start("cases.html", function () {
    if (!caseId) { H.clear(H.byId("case")).appendChild(el("p", { text: "No case was named." })); return; }
    // a page opened right after a write asks for at least that write's version (read your writes)
    var written = new URLSearchParams(window.location.search).get("version");
    load({ minVersion: written }).then(function (found) { if (found) follow(); });
  });
})();
