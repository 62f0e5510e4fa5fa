// The article form: keep the editing lock alive, save what is typed every 30 s and when the page closes
// (news/editing.py), and give the lock back on leaving. Nothing here runs on a read-only form.
(function () {
  "use strict";
  var EVERY = 30000;
  var FIELDS = ["title", "slug", "lead", "body", "cover_caption", "author_name", "source", "new_tags"];

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("article-editing");
    var form = document.getElementById("article_form");
    if (!box || !form) return;
    var status = document.getElementById("autosave-status");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var submitting = false;
    var lastSent = snapshot();

    function snapshot() {
      return JSON.stringify(FIELDS.map(function (name) {
        var field = form.elements[name];
        return field ? field.value : "";
      }));
    }

    function payload() {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", token ? token.value : "");
      FIELDS.forEach(function (name) {
        var field = form.elements[name];
        if (field) data.append(name, field.value);
      });
      return data;
    }

    function say(text) {
      if (status) status.textContent = text;
    }

    function autosave(onLeaving) {
      var now = snapshot();
      if (now === lastSent) return;
      lastSent = now;
      if (onLeaving && navigator.sendBeacon) {
        navigator.sendBeacon(box.dataset.autosaveUrl, payload());
        return;
      }
      fetch(box.dataset.autosaveUrl, { method: "POST", body: payload(), credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) { if (answer) say("Đã lưu tự động lúc " + answer.saved_at + "."); })
        .catch(function () { say("Chưa lưu tự động được: kiểm tra kết nối mạng."); });
    }

    function keepLock() {
      if (!box.dataset.lockUrl) return;
      var data = new FormData();
      data.append("csrfmiddlewaretoken", token ? token.value : "");
      fetch(box.dataset.lockUrl, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (answer && !answer.held) {
            var notice = document.createElement("div");
            notice.className = "editing-notice";
            notice.setAttribute("role", "alert");
            notice.textContent = answer.message;
            form.parentNode.insertBefore(notice, form);
          }
        })
        .catch(function () {});
    }

    form.addEventListener("submit", function () { submitting = true; });
    setInterval(function () { autosave(false); keepLock(); }, EVERY);
    window.addEventListener("pagehide", function () {
      if (submitting) return;  // the save itself keeps the text; its page takes the lock back
      autosave(true);
      if (box.dataset.releaseUrl && navigator.sendBeacon) {
        var data = new FormData();
        data.append("csrfmiddlewaretoken", token ? token.value : "");
        navigator.sendBeacon(box.dataset.releaseUrl, data);
      }
    });
  });
})();
