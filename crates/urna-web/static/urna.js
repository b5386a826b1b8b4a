// Urna's one script: small progressive enhancements; every page works without it.
// Loaded from /static (the Content-Security-Policy allows no inline script).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // A voting link carries its token in the fragment (/vote#TOKEN), which browsers never send
  // to the server. Copy it into the sign-in form and drop it from the address bar and history.
  var token = document.getElementById("token");
  if (token && window.location.hash.length > 1) {
    token.value = decodeURIComponent(window.location.hash.slice(1));
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    var button = token.form && token.form.querySelector("button[type=submit]");
    if (button) {
      button.focus();
    }
  }
  // After a failed submission, put the keyboard focus on the field that needs attention.
  var invalid = document.querySelector("[aria-invalid=true]");
  if (invalid) {
    invalid.focus();
  }
});
