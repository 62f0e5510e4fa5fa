/* The editorial calendar: drag a scheduled article onto another day to move it there (same time of day).
   Without this script (or without a mouse), each scheduled article's "Đổi giờ" form does the same. */
(function () {
  "use strict";
  var root = document.querySelector(".editorial-calendar");
  if (!root) return;
  var token = root.querySelector("#cal-csrf input[name=csrfmiddlewaretoken]");
  var status = root.querySelector(".cal-status");
  if (!token) return; // this person may not move articles
  var dragged = null;

  root.addEventListener("dragstart", function (event) {
    var entry = event.target.closest && event.target.closest(".cal-entry[data-move-url]");
    if (!entry) return;
    dragged = entry;
    entry.classList.add("is-dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", entry.dataset.moveUrl);
  });
  root.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("is-dragging");
    dragged = null;
    root.querySelectorAll(".cal-day.is-target").forEach(function (day) { day.classList.remove("is-target"); });
  });
  root.addEventListener("dragover", function (event) {
    var day = dragged && event.target.closest(".cal-day[data-date]");
    if (!day) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    day.classList.add("is-target");
  });
  root.addEventListener("dragleave", function (event) {
    var day = event.target.closest && event.target.closest(".cal-day");
    if (day && !day.contains(event.relatedTarget)) day.classList.remove("is-target");
  });
  root.addEventListener("drop", function (event) {
    var day = dragged && event.target.closest(".cal-day[data-date]");
    if (!day) return;
    event.preventDefault();
    var body = new FormData();
    body.append("date", day.dataset.date);
    status.textContent = "Đang đổi giờ đăng…";
    fetch(dragged.dataset.moveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token.value, Accept: "application/json" },
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        status.textContent = answer.message;
        if (answer.ok) window.location.reload();
      })
      .catch(function () { status.textContent = "Không đổi được giờ đăng: hãy thử lại, hoặc dùng nút “Đổi giờ”."; });
  });
})();
