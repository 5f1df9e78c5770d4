/* The cases: what needs attention first, then the list with the API's filters, and the form to flag an account. */
"use strict";
(function () {
  var H = Holdfast, el = H.el;
  var STATUSES = ["", "FLAGGED", "WARRANT_RECEIVED", "FROZEN", "RELEASED", "TURNED_OVER", "DISMISSED"];
  var WEEK = 7 * 24 * 3600 * 1000;

  function caseLink(caseId) { return el("a", { href: "case.html?id=" + encodeURIComponent(caseId), text: caseId }); }

  function businessDaysUntil(iso) {
    var end = new Date(iso), day = new Date(), count = 0, step = end >= day ? 1 : -1;
    day.setHours(0, 0, 0, 0);
    var last = new Date(end); last.setHours(0, 0, 0, 0);
    while (day.getTime() !== last.getTime()) {
      day.setDate(day.getDate() + step);
      if (day.getDay() !== 0 && day.getDay() !== 6) count += step;
    }
    return count;
  }

  function dueText(iso) {
    var days = businessDaysUntil(iso);
    if (days < 0) return " (" + -days + " business days overdue)";
    if (days === 0) return " (due today)";
    return " (due in " + days + " business days)";
  }

  function attention() {
    var box = H.clear(H.byId("attention"));
    var soon = new Date(Date.now() + WEEK).toISOString();
    var lists = [
      { title: "Freeze requests awaiting approval", path: "/api/cases?attention=FREEZE_AWAITING_APPROVAL&size=20",
        item: function (c) { return [caseLink(c.caseId), " — account " + c.accountId + ", " + c.status]; } },
      { title: "Frozen under warrants that have all expired", path: "/api/cases?attention=WARRANT_EXPIRED&size=20",
        item: function (c) { return [caseLink(c.caseId), " — frozen " + H.amounts(c.frozen)]; } },
      { title: "Warrants expiring within 7 days", path: "/api/warrants?expiringBefore=" + encodeURIComponent(soon) + "&size=20",
        keep: function (w) { return !w.expired; },
        item: function (w) { return [caseLink(w.caseId), " — warrant " + w.warrantId + " (" + w.requestingAgency + ") expires ", H.time(w.expiresAt)]; } },
      { title: "Blocking reports overdue", path: "/api/obligations?status=OVERDUE&size=20",
        item: function (o) { return [caseLink(o.caseId), " — report " + o.obligationId + " was due ", H.time(o.dueAt), dueText(o.dueAt)]; } },
      { title: "Blocking reports due within 7 days", path: "/api/obligations?status=OPEN&dueBefore=" + encodeURIComponent(soon) + "&size=20",
        item: function (o) { return [caseLink(o.caseId), " — report " + o.obligationId + " due ", H.time(o.dueAt), dueText(o.dueAt)]; } }
    ];
    var shown = 0;
    Promise.all(lists.map(function (list) { return H.get(list.path).then(function (answer) { return { list: list, answer: answer }; }); }))
      .then(function (results) {
        results.forEach(function (result) {
          if (!result.answer.ok) return;
          var items = result.answer.data.items.filter(result.list.keep || function () { return true; });
          if (items.length === 0) return;
          shown++;
          box.appendChild(el("h3", { text: result.list.title + " (" + (result.list.keep ? items.length : result.answer.data.total) + ")" }));
          box.appendChild(el("ul", {}, items.map(function (item) { return el("li", {}, result.list.item(item)); })));
        });
        if (shown === 0) box.appendChild(el("p", { text: results.every(function (r) { return !r.answer.ok; })
          ? H.problemText(results[0].answer) : "Nothing needs attention now." }));
      });
  }

  function filtersFromAddress() {
    var query = new URLSearchParams(window.location.search);
    return { status: query.get("status") || "", agency: query.get("agency") || "", accountId: query.get("accountId") || "",
      flaggedFrom: query.get("flaggedFrom") || "", flaggedTo: query.get("flaggedTo") || "",
      page: Number(query.get("page") || 0), size: Number(query.get("size") || 20) };
  }

  function localInputValue(iso) {
    if (!iso) return "";
    var at = new Date(iso);
    if (isNaN(at.getTime())) return "";
    var shifted = new Date(at.getTime() - at.getTimezoneOffset() * 60000);
    return shifted.toISOString().slice(0, 16);
  }

  function filtersForm(filters) {
    var form = el("form", { class: "action", role: "search", "aria-label": "Filter the cases" },
      H.field("Status", H.choice("status", STATUSES, filters.status)),
      H.field("Agency", H.text("agency", { value: filters.agency }), "as FBI or HSI"),
      H.field("Account", H.text("accountId", { value: filters.accountId })),
      H.field("Flagged from", el("input", { type: "datetime-local", name: "flaggedFrom", value: localInputValue(filters.flaggedFrom) }), "your time zone"),
      H.field("Flagged before", el("input", { type: "datetime-local", name: "flaggedTo", value: localInputValue(filters.flaggedTo) })),
      el("button", { type: "submit", text: "Show" }));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var next = new URLSearchParams();
      ["status", "agency", "accountId"].forEach(function (name) { if (form.elements[name].value) next.set(name, form.elements[name].value.trim()); });
      ["flaggedFrom", "flaggedTo"].forEach(function (name) { if (form.elements[name].value) next.set(name, H.instant(form.elements[name].value)); });
      window.history.pushState(null, "", "?" + next.toString());
      list();
    });
    return form;
  }

  function list() {
    var filters = filtersFromAddress();
    H.clear(H.byId("filters")).appendChild(filtersForm(filters));
    var query = new URLSearchParams();
    Object.keys(filters).forEach(function (name) { if (filters[name] !== "") query.set(name, filters[name]); });
    var box = H.byId("list");
    H.get("/api/cases?" + query.toString()).then(function (answer) {
      H.clear(box);
      if (!answer.ok) { box.appendChild(el("p", { class: "refusal", text: H.problemText(answer) })); return; }
      var page = answer.data, pages = Math.max(1, Math.ceil(page.total / page.size));
      box.appendChild(el("p", { text: page.total + " cases, newest flag first. Page " + (page.page + 1) + " of " + pages + "." }));
      box.appendChild(el("table", {},
        el("caption", { class: "skip", text: "Cases" }),
        el("thead", {}, el("tr", {}, ["Case", "Account", "Status", "Reason", "Agencies", "Flagged", "Last change", "Frozen", "Attention"]
          .map(function (name) { return el("th", { scope: "col", text: name }); }))),
        el("tbody", {}, page.items.map(function (c) {
          return el("tr", {}, el("td", {}, caseLink(c.caseId)), el("td", { text: c.accountId }), el("td", {}, el("span", { class: "status", text: c.status })),
            el("td", { text: c.reasonType }), el("td", { text: (c.agencies || []).join(", ") }), el("td", {}, H.time(c.flaggedAt)),
            el("td", {}, H.time(c.lastChangedAt)), el("td", { text: H.amounts(c.frozen) }), el("td", { class: "attention", text: (c.attention || []).join(", ") }));
        }))));
      var nav = el("nav", { class: "pager", "aria-label": "Pages" });
      function go(to, label) {
        var next = new URLSearchParams(window.location.search); next.set("page", to);
        return el("a", { href: "?" + next.toString(), text: label, on: { click: function (event) { event.preventDefault(); window.history.pushState(null, "", "?" + next.toString()); list(); } } });
      }
      if (page.page > 0) { nav.appendChild(go(0, "First page")); nav.appendChild(go(page.page - 1, "Previous page")); }
      if (page.page + 1 < pages) { nav.appendChild(go(page.page + 1, "Next page")); nav.appendChild(go(pages - 1, "Last page")); }
      box.appendChild(nav);
    });
  }

  function flagForm(session) {
    var liaison = session.role === "LIAISON";
    var reasons = liaison ? ["LAW_ENFORCEMENT_REQUEST"] : ["SANCTIONS_MATCH", "LAW_ENFORCEMENT_REQUEST", "INTERNAL_INVESTIGATION"];
    var form = el("form", { class: "action", id: "flag-form", "aria-labelledby": "flag-title" },
      H.field("Case id", H.text("caseId"), "optional; Holdfast gives one when left empty"),
      H.field("Account", H.text("accountId", { required: true })),
      H.field("Holder's name", H.text("holderName", { required: true })),
      H.field("Wallet addresses", el("textarea", { name: "walletAddresses" }), "one per line"),
      H.field("Reason", H.choice("reasonType", reasons, reasons[0])),
      H.field("Sanctions list", H.text("list"), "for a sanctions match, as OFAC-SDN"),
      H.field("List entry", H.text("listEntryId"), "the entry's id on that list"),
      H.field("Agency", H.text("agency", { value: liaison ? session.agency : "" }), "for a law-enforcement request"),
      H.field("Details", el("textarea", { name: "details", required: true })),
      H.field("Evidence", H.text("evidenceDescription", { required: true }), "what it is"),
      H.field("Evidence SHA-256", H.text("evidenceSha256", { required: true }), "64 hex digits of the document"),
      el("button", { type: "submit", text: "Flag the account" }));
    H.commandForm(form, function (key) {
      var f = form.elements;
      var reason = { type: f.reasonType.value, details: f.details.value };
      if (f.list.value) reason.list = f.list.value.trim();
      if (f.listEntryId.value) reason.listEntryId = f.listEntryId.value.trim();
      if (f.agency.value) reason.agency = f.agency.value.trim();
      var body = { accountId: f.accountId.value.trim(),
        subject: { holderName: f.holderName.value, walletAddresses: f.walletAddresses.value.split("\n").map(function (a) { return a.trim(); }).filter(Boolean) },
        reason: reason, evidence: [{ description: f.evidenceDescription.value, sha256: f.evidenceSha256.value.trim() }] };
      if (f.caseId.value.trim()) body.caseId = f.caseId.value.trim();
      return H.api("POST", "/api/cases", { body: body, idempotencyKey: key }).then(function (answer) {
        if (!answer.ok) return { ok: false, message: H.problemText(answer) };
        return { ok: true, message: "Case " + answer.data.caseId + " was opened.",
          after: function () { window.location.assign("case.html?id=" + encodeURIComponent(answer.data.caseId) + "&version=" + answer.data.version); } };
      });
    });
    return form;
  }

  H.start("cases.html", function (session) {
    if (session.role === "ADMIN") {
      H.clear(H.byId("main")).appendChild(el("p", { class: "refusal", text: "An administrator reads no case data. Operations, sanctions lists and the ledger are open to you." }));
      return;
    }
    attention();
    list();
    window.addEventListener("popstate", list);
    if (H.may(["OFFICER", "SUPERVISOR", "LIAISON"])) {
      H.byId("flag-section").hidden = false;
      H.byId("flag").appendChild(flagForm(session));
    }
  });
})();
