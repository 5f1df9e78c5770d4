/*
 * What every console page shares: the signed-in person, calls to Holdfast's API with the session
 * (CSRF token on writes, If-Match and Idempotency-Key where given), the navigation, and building
 * the page only through text nodes, so nothing a person typed is ever read as markup.
 */
"use strict";
var Holdfast = (function () {
  var session = null;

  var PAGES = [
    { href: "cases.html", label: "Cases", roles: ["OFFICER", "SUPERVISOR", "AUDITOR", "LIAISON"] },
    { href: "approvals.html", label: "Approvals", roles: ["SUPERVISOR"] },
    { href: "audit.html", label: "Audit", roles: ["OFFICER", "SUPERVISOR", "AUDITOR", "ADMIN"] },
    { href: "verify.html", label: "Verify a bundle", roles: null },
    { href: "sanctions.html", label: "Sanctions", roles: ["OFFICER", "SUPERVISOR", "AUDITOR", "ADMIN"] },
    { href: "operations.html", label: "Operations", roles: ["ADMIN"] }
  ];

  function el(tag, attributes) {
    var node = document.createElement(tag);
    var options = attributes || {};
    Object.keys(options).forEach(function (name) {
      var value = options[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = String(value);
      else if (name === "on") Object.keys(value).forEach(function (event) { node.addEventListener(event, value[event]); });
      else if (name === "value") node.value = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function byId(id) { return document.getElementById(id); }

  function loadSession() {
    return fetch("/console/session", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (answer) { session = answer; return answer; });
  }

  function signIn() { window.location.assign("/console/sign-in.html?expired"); }

  /** Calls the API; resolves to {ok, status, data, headers}; a session that ended leads to the sign-in page. */
  function api(method, path, options) {
    var o = options || {};
    var headers = { Accept: o.accept || "application/json" };
    var body;
    if (o.body !== undefined) { headers["Content-Type"] = o.contentType || "application/json"; body = o.contentType ? o.body : JSON.stringify(o.body); }
    if (method !== "GET" && session) headers[session.csrfHeader] = session.csrfToken;
    if (o.version !== undefined && o.version !== null) headers["If-Match"] = '"' + o.version + '"';
    if (o.idempotencyKey) headers["Idempotency-Key"] = o.idempotencyKey;
    return fetch(path, { method: method, headers: headers, body: body, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.status === 401 || response.type === "opaqueredirect") { signIn(); return new Promise(function () {}); }
        var type = response.headers.get("Content-Type") || "";
        var read = type.indexOf("json") >= 0 ? response.json() : response.text();
        return read.then(function (data) {
          return { ok: response.ok, status: response.status, data: data, headers: response.headers };
        });
      });
  }

  /**
   * A read; while Holdfast answers 503 with Retry-After (a view catching up with a write, a store
   * briefly away), it asks again after the time it names, a few times, before showing the answer.
   */
  function get(path, attempt) {
    var tries = attempt || 0;
    return api("GET", path).then(function (answer) {
      var wait = Number(answer.headers.get("Retry-After"));
      if (answer.status === 503 && tries < 8 && wait >= 0 && wait <= 10) {
        return new Promise(function (resolve) { setTimeout(resolve, Math.max(250, wait * 1000)); })
          .then(function () { return get(path, tries + 1); });
      }
      return answer;
    });
  }

  /** The sentence a refusal gives, with the policy it names and each field's rule. */
  function problemText(answer) {
    var problem = answer.data || {};
    if (typeof problem !== "object") return "Holdfast answered " + answer.status + ".";
    var parts = [problem.detail || problem.title || "Holdfast answered " + answer.status + "."];
    if (problem.policy) parts.push("(policy " + problem.policy + ")");
    (problem.errors || []).forEach(function (error) {
      parts.push(error.field ? error.field + ": " + (error.message || error.detail || "") : (error.message || error.detail || ""));
    });
    return parts.join(" ");
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return String(Date.now()) + "-" + Math.random().toString(16).slice(2);
  }

  /** A time in the viewer's zone, UTC on hover and in the markup. */
  function time(iso) {
    if (!iso) return el("span", { text: "—" });
    var at = new Date(iso);
    if (isNaN(at.getTime())) return el("span", { text: iso });
    var local = at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
    return el("time", { datetime: iso, title: at.toISOString().replace(".000Z", "Z") + " (UTC)", text: local });
  }

  /** The value of a datetime-local input as an ISO instant (it is read in the viewer's zone). */
  function instant(localValue) {
    if (!localValue) return null;
    var at = new Date(localValue);
    return isNaN(at.getTime()) ? localValue : at.toISOString().replace(".000Z", "Z");
  }

  function amounts(list) {
    if (!list || list.length === 0) return "nothing";
    return list.map(function (holding) { return holding.amount + " " + holding.asset; }).join(", ");
  }

  /** Lines "ASSET AMOUNT" (or "ASSET" where amounts are optional) as holdings. */
  function holdingsFrom(text, amountKey) {
    return text.split("\n").map(function (line) { return line.trim(); }).filter(Boolean).map(function (line) {
      var parts = line.split(/\s+/);
      var holding = { asset: parts[0] };
      if (parts.length > 1) holding[amountKey || "amount"] = parts.slice(1).join(" ");
      return holding;
    });
  }

  function header(active) {
    var top = byId("top");
    var role = session && session.role;
    var links = PAGES.filter(function (page) { return !page.roles || (role && page.roles.indexOf(role) >= 0); });
    var signOut = el("form", { method: "post", action: "/console/sign-out" },
      el("input", { type: "hidden", name: session.csrfParameter, value: session.csrfToken }),
      el("button", { type: "submit", class: "secondary", text: "Sign out" }));
    clear(top).classList.add("site");
    top.appendChild(el("a", { href: "/console/cases.html", text: "Holdfast" }));
    top.appendChild(el("nav", { "aria-label": "Console" }, el("ul", {}, links.map(function (page) {
      return el("li", {}, el("a", { href: "/console/" + page.href, "aria-current": page.href === active ? "page" : null, text: page.label }));
    }))));
    top.appendChild(el("div", { class: "who" },
      el("span", { text: session.user + " · " + session.role + (session.agency ? " · " + session.agency : "") }), signOut));
  }

  function may(roles) { return session && roles.indexOf(session.role) >= 0; }

  /**
   * A form that sends one command: it keeps one idempotency key until the command is taken, so a
   * second click or a resend gives the first answer, and shows a refusal's sentence beside itself,
   * leaving what was typed in place.
   */
  function commandForm(form, send) {
    var key = newKey();
    var outcome = form.querySelector(".outcome") || form.appendChild(el("div", { class: "outcome", role: "status" }));
    var refusal = form.querySelector(".refusal") || form.appendChild(el("div", { class: "refusal", role: "alert" }));
    var busy = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      clear(refusal); clear(outcome); outcome.className = "outcome";
      Promise.resolve(send(key)).then(function (result) {
        busy = false;
        if (button) button.disabled = false;
        if (!result) return;
        if (result.ok) {
          key = newKey();
          outcome.className = "outcome done";
          outcome.textContent = result.message || "Done.";
          if (result.after) result.after();
        } else {
          refusal.textContent = result.message;
          if (result.offer) refusal.appendChild(result.offer);
        }
      }, function (failure) {
        busy = false;
        if (button) button.disabled = false;
        refusal.textContent = "Holdfast could not be reached: " + failure.message + ". Nothing is lost; send again.";
      });
    });
  }

  function field(label, input, hint) {
    var id = input.id || "f-" + Math.random().toString(36).slice(2);
    input.id = id;
    var hintNode = hint ? el("span", { class: "hint", id: id + "-hint", text: " " + hint }) : null;
    if (hintNode) input.setAttribute("aria-describedby", id + "-hint");
    return el("div", { class: "field" }, el("label", { for: id }, label, hintNode), input);
  }

  function text(name, attributes) {
    var options = Object.assign({ type: "text", name: name, autocomplete: "off" }, attributes || {});
    return el("input", options);
  }

  function choice(name, values, selected, labels) {
    return el("select", { name: name }, values.map(function (value, i) {
      return el("option", { value: value, selected: value === selected, text: labels ? labels[i] : (value || "any") });
    }));
  }

  function start(active, render) {
    loadSession().then(function (signedIn) {
      if (!signedIn.user) { signIn(); return; }
      header(active);
      render(signedIn);
    });
  }

  return {
    el: el, append: append, clear: clear, byId: byId, api: api, get: get, problemText: problemText, newKey: newKey,
    time: time, instant: instant, amounts: amounts, holdingsFrom: holdingsFrom, may: may, commandForm: commandForm,
    field: field, text: text, choice: choice, start: start, session: function () { return session; }
  };
})();
