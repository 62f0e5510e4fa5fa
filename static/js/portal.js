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
    var value = document.querySelector(".textsize__value");
    if (value) value.textContent = Math.round(steps[index] * 100) + "%";
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

// Slogans: a pause button (WCAG 2.2.2), remembered between pages. Readers who ask for less motion never see it move.
(function () {
  "use strict";
  var ticker = document.querySelector(".ticker");
  var button = ticker && ticker.querySelector(".ticker__toggle");
  if (!button) return;
  var KEY = "portal.ticker.paused";
  function set(paused) {
    ticker.classList.toggle("ticker--paused", paused);
    button.textContent = button.getAttribute(paused ? "data-play-label" : "data-pause-label");
    try { window.localStorage.setItem(KEY, paused ? "1" : "0"); } catch (e) { /* storage may be disabled */ }
  }
  var paused = false;
  try { paused = window.localStorage.getItem(KEY) === "1"; } catch (e) { /* ignore */ }
  set(paused);
  button.hidden = false;
  button.addEventListener("click", function () { set(!ticker.classList.contains("ticker--paused")); });
})();

// Videos: the player's frame is made only when the reader presses play (no third-party page on every load).
(function () {
  "use strict";
  document.querySelectorAll("[data-video-facade] [data-embed]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var src = link.getAttribute("data-embed");
      var frame = document.createElement("iframe");
      frame.src = src + (src.indexOf("?") < 0 ? "?" : "&") + "autoplay=1";
      frame.title = link.getAttribute("data-title");
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.allowFullscreen = true;
      var box = link.parentNode;
      box.textContent = "";
      box.appendChild(frame);
      frame.focus();
    });
  });
})();

// Read aloud: the browser's own speech synthesis, with a Vietnamese voice where the system has one.
(function () {
  "use strict";
  var button = document.querySelector("[data-read-aloud]");
  if (!button || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  var synth = window.speechSynthesis;
  var reading = false;
  function vietnameseVoice() {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().indexOf("vi") === 0) return voices[i];
    }
    return null;
  }
  function label(on) {
    reading = on;
    button.textContent = button.getAttribute(on ? "data-stop-label" : "data-start-label");
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
  function chunks() {
    // Sentences in groups of about 200 characters: some engines stop a long utterance midway.
    var root = document.querySelector(button.getAttribute("data-read-aloud"));
    var parts = [];
    root.querySelectorAll(".article__title, .article__lead, .article__body p, .article__body h2, .article__body h3, .article__body li, .article__body blockquote")
      .forEach(function (el) {
        var text = el.textContent.replace(/\s+/g, " ").trim();
        var current = "";
        text.split(/(?<=[.!?…])\s+/).forEach(function (sentence) {
          if ((current + " " + sentence).length > 200 && current) { parts.push(current); current = sentence; }
          else { current = current ? current + " " + sentence : sentence; }
        });
        if (current) parts.push(current);
      });
    return parts;
  }
  button.hidden = false;
  label(false);
  button.addEventListener("click", function () {
    synth.cancel();
    if (reading) { label(false); return; }
    var voice = vietnameseVoice();
    var parts = chunks();
    parts.forEach(function (text, index) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = "vi-VN";
      if (voice) utterance.voice = voice;
      if (index === parts.length - 1) utterance.onend = function () { label(false); };
      utterance.onerror = function () { label(false); };
      synth.speak(utterance);
    });
    label(parts.length > 0);
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
