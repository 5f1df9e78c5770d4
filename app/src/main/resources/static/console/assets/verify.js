/* The verification page: reads the files the auditor picks and shows what HoldfastVerify found. */
"use strict";
(function () {
  var form = document.getElementById("verify-form"), result = document.getElementById("result");

  function read(input) {
    var file = input.files[0];
    return file ? file.text() : Promise.resolve(null);
  }

  function line(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    result.textContent = "Verifying…";
    Promise.all([read(form.querySelector("#bundle")), read(form.querySelector("#key")), read(form.querySelector("#earlier"))])
      .then(function (texts) { return HoldfastVerify.verify(texts[0], texts[1], texts[2]); })
      .then(function (outcome) {
        result.textContent = "";
        if (outcome.failures.length === 0) {
          result.appendChild(line("valid", "VERIFIED: " + outcome.entries + " entries of case " + outcome.caseId + " are in the ledger of "
            + outcome.treeSize + " leaves, signed by " + outcome.keyName));
          return;
        }
        result.appendChild(line("invalid", "NOT VERIFIED: " + outcome.failures.length + " findings"));
        var list = document.createElement("ul");
        list.id = "failures";
        outcome.failures.forEach(function (failure) {
          var item = document.createElement("li");
          item.textContent = "FAILED: " + failure;
          list.appendChild(item);
        });
        result.appendChild(list);
      }, function (unreadable) {
        result.textContent = "";
        result.appendChild(line("invalid", "cannot read: " + unreadable.message));
      });
  });
})();
