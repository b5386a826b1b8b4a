// The election form: shows each question's ballot parameters and counting methods for the
// ballot type chosen, and the minimum share only for the method that uses it. Without this
// script every field shows and the server checks the combination; nothing here is needed.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("election-form");
  if (!form) {
    return;
  }
  function update(question) {
    var ballot = question.querySelector("select.ballot-choice");
    var method = question.querySelector("select.method-choice");
    if (!ballot || !method) {
      return;
    }
    var kind = ballot.value;
    // Support/neutral/oppose has no parameters; score methods also count it.
    question.querySelectorAll(".ballot-params").forEach(function (group) {
      group.hidden = group.getAttribute("data-ballot") !== kind;
    });
    var fits = function (option) {
      return (" " + option.getAttribute("data-ballots") + " ").indexOf(" " + kind + " ") >= 0;
    };
    Array.prototype.forEach.call(method.options, function (option) {
      option.hidden = !fits(option);
      option.disabled = !fits(option);
    });
    if (method.selectedOptions.length && !fits(method.selectedOptions[0])) {
      var first = Array.prototype.find.call(method.options, fits);
      if (first) {
        method.value = first.value;
      }
    }
    question.querySelectorAll(".method-param").forEach(function (group) {
      var input = group.querySelector("input");
      // Keep a typed value visible when the server reported a problem with it.
      var invalid = input && input.getAttribute("aria-invalid") === "true";
      group.hidden = !invalid && group.getAttribute("data-method") !== method.value;
    });
  }
  form.querySelectorAll("fieldset.question").forEach(function (question) {
    update(question);
    question.addEventListener("change", function (event) {
      if (event.target.matches("select.ballot-choice, select.method-choice")) {
        update(question);
      }
    });
  });
});
