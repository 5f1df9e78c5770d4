/* The sign-in page: the CSRF token into the form, the ways to sign in this Holdfast offers, why we are here. */
"use strict";
(function () {
  var query = window.location.search;
  var message = document.getElementById("message");
  if (query.indexOf("refused") >= 0) message.textContent = "The user or password was not accepted, or your sign-in was refused.";
  else if (query.indexOf("expired") >= 0) message.textContent = "Your session has ended. Sign in again; nothing you sent before is lost.";
  else if (query.indexOf("signed-out") >= 0) message.textContent = "You have signed out.";
  if (message.textContent) message.className = query.indexOf("signed-out") >= 0 ? "done" : "refusal";
  fetch("/console/sign-in/methods", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (methods) {
      document.getElementById("csrf").setAttribute("name", methods.csrfParameter);
      document.getElementById("csrf").value = methods.csrfToken;
      if (methods.password) document.getElementById("password").hidden = false;
      var providers = document.getElementById("providers");
      methods.providers.forEach(function (provider) {
        var link = document.createElement("a");
        link.href = provider.href;
        link.textContent = "Sign in with " + provider.name;
        var paragraph = document.createElement("p");
        paragraph.appendChild(link);
        providers.appendChild(paragraph);
      });
      if (methods.password) document.getElementById("username").focus();
    });
})();
