// The viewer's time zone for the election page: the browser knows it, the server does not.
// Remembered in the `tz` cookie; on the first visit the page is reloaded once with `?tz=`
// so that the voting window is shown in the viewer's zone. Without this script the page
// shows the window in the election's zone and in UTC.
"use strict";

(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone || !/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) {
    return;
  }
  document.cookie = "tz=" + zone + "; Path=/; Max-Age=31536000; SameSite=Lax";
  var windowSection = document.getElementById("voting-window");
  if (!windowSection || windowSection.getAttribute("data-viewer-zone") === zone) {
    return;
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("tz") !== null) {
    return; // The server could not use this zone: do not reload again.
  }
  params.set("tz", zone);
  window.location.replace(window.location.pathname + "?" + params.toString());
})();
