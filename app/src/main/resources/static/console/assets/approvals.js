/* A supervisor's queue: every freeze request waiting for a decision, and whether it is theirs to take. */
"use strict";
(function () {
  var H = Holdfast, el = H.el;

  H.start("approvals.html", function (session) {
    var box = H.byId("queue");
    H.get("/api/cases?attention=FREEZE_AWAITING_APPROVAL&size=200").then(function (answer) {
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
        box.appendChild(el("table", {}, el("caption", { class: "skip", text: "Freeze requests waiting for a decision" }),
          el("thead", {}, el("tr", {}, ["Case", "Request", "Warrant", "Holdings", "Requested by", "Requested", "Decision"].map(function (h) { return el("th", { scope: "col", text: h }); }))),
          el("tbody", {}, rows)));
      });
    });
  });
})();
