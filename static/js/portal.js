// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var toggle = document.querySelector(".mainnav__toggle");
  var list = document.getElementById("mainnav-list");
  if (toggle && list) {
    toggle.addEventListener("click", function () {
      var open = list.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // Text size of the article, remembered between visits.
  var target = document.querySelector("[data-textsize-target]");
  var KEY = "portal.textsize";
  var steps = [0.85, 1, 1.15, 1.3, 1.5];
  function apply(index) {
    if (!target) return;
    target.style.setProperty("--article-scale", steps[index]);
    var reset = document.querySelector(".textsize__reset");
    if (reset) reset.textContent = Math.round(steps[index] * 100) + "%";
  }
  var current = 1;
  try {
    var saved = parseInt(window.localStorage.getItem(KEY), 10);
    if (!isNaN(saved) && saved >= 0 && saved < steps.length) current = saved;
  } catch (e) { /* storage may be disabled */ }
  apply(current);
  document.querySelectorAll("[data-textsize]").forEach(function (button) {
    button.addEventListener("click", function () {
      var delta = parseInt(button.getAttribute("data-textsize"), 10);
      current = delta === 0 ? 1 : Math.min(steps.length - 1, Math.max(0, current + delta));
      apply(current);
      try { window.localStorage.setItem(KEY, String(current)); } catch (e) { /* ignore */ }
    });
  });
})();

// Print button: shown only where scripts run; the print stylesheet leaves the article alone on the page.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

// Share: copy the article's address. The button is shown only where scripts run; no third-party script.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var status = button.parentNode.querySelector(".share__status");
    function say(text) { if (status) status.textContent = text; }
    function fallback(url) {
      var field = document.createElement("textarea");
      field.value = url;
      field.setAttribute("readonly", "");
      field.style.position = "absolute";
      field.style.left = "-9999px";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      return ok;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-copy-link");
      var done = function () { say(button.getAttribute("data-copied")); };
      var failed = function () { say(fallback(url) ? button.getAttribute("data-copied") : button.getAttribute("data-failed") + ": " + url); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, failed);
      } else {
        failed();
      }
    });
  });
})();

// Tabs ("Xem nhiều nhất": 7 ngày, 30 ngày, Tất cả). Without scripts every list shows, each under its heading.
(function () {
  "use strict";
  document.querySelectorAll("[data-tabs]").forEach(function (box) {
    var list = box.querySelector("[role=tablist]");
    var tabs = box.querySelectorAll("[role=tab]");
    if (!list || !tabs.length) return;
    list.hidden = false;
    box.classList.add("tabs--on");
    function select(tab) {
      tabs.forEach(function (other) {
        var on = other === tab;
        other.setAttribute("aria-selected", on ? "true" : "false");
        other.tabIndex = on ? 0 : -1;
        document.getElementById(other.getAttribute("aria-controls")).hidden = !on;
      });
    }
    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () { select(tab); });
      tab.addEventListener("keydown", function (event) {
        var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (!step) return;
        var next = tabs[(index + step + tabs.length) % tabs.length];
        select(next);
        next.focus();
      });
    });
    select(tabs[0]);
  });
})();
