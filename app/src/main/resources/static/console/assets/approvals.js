/* A supervisor's queue: every freeze request waiting for a decision, and whether it is theirs to take. */
"use strict";
(function () {
  var H = Holdfast, el = H.el;

  var PAGE_SIZE = 20;

  H.start("approvals.html", function (session) { show(session, Number(new URLSearchParams(window.location.search).get("page") || 0)); });

  function show(session, page) {
    var box = H.byId("queue");
    H.get("/api/cases?attention=FREEZE_AWAITING_APPROVAL&size=" + PAGE_SIZE + "&page=" + page).then(function (answer) {
      H.clear(box);
      if (!answer.ok) { box.appendChild(el("p", { class: "refusal", text: H.problemText(answer) })); return; }
      if (answer.data.items.length === 0) { box.appendChild(el("p", { text: "No freeze request is waiting for a decision." })); return; }
      return Promise.all(answer.data.items.map(function (summary) {
        return H.get("/api/cases/" + encodeURIComponent(summary.caseId)).then(function (view) { return view.ok ? view.data : null; });
      })).then(function (views) {
        var rows = [];
        views.filter(Boolean).forEach(function (view) {
          (view.pendingFreezeRequests || []).forEach(function (request) {
            var own = request.requestedBy === session.user;
            rows.push(el("tr", {},
              el("td", {}, el("a", { href: "case.html?id=" + encodeURIComponent(view.caseId) + "#approve-" + request.requestId + "-form", text: view.caseId })),
              el("td", { text: request.requestId }), el("td", { text: request.warrantId }), el("td", { text: H.amounts(request.holdings) }),
              el("td", { text: request.requestedBy }), el("td", {}, H.time(request.requestedAt)),
              el("td", { text: own ? "You requested it: another supervisor decides (policy approverMustNotBeRequester)." : "Yours to decide." })));
          });
        });
        var pages = Math.max(1, Math.ceil(answer.data.total / PAGE_SIZE));
        box.appendChild(el("p", { text: answer.data.total + " cases wait for a decision, oldest flag last; page " + (page + 1) + " of " + pages + "." }));
        box.appendChild(el("table", {}, el("caption", { class: "skip", text: "Freeze requests waiting for a decision" }),
          el("thead", {}, el("tr", {}, ["Case", "Request", "Warrant", "Holdings", "Requested by", "Requested", "Decision"].map(function (h) { return el("th", { scope: "col", text: h }); }))),
          el("tbody", {}, rows)));
        var nav = el("nav", { class: "pager", "aria-label": "Pages of the queue" });
        if (page > 0) nav.appendChild(el("a", { href: "?page=" + (page - 1), text: "Previous page" }));
        if (page + 1 < pages) nav.appendChild(el("a", { href: "?page=" + (page + 1), text: "Next page" }));
        box.appendChild(nav);
      });
    });
  }
})();
