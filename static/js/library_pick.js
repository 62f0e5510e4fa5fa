// The library picker (a window the article form opened): choosing a picture hands it to that form and closes.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".library-choose");
    if (!button || !window.opener) return;
    var box = document.querySelector(".library-picker");
    window.opener.postMessage({
      type: "library-pick",
      target: box ? box.dataset.target : "body",
      id: button.dataset.id,
      url: button.dataset.url,
      thumb: button.dataset.thumb,
      alt: button.dataset.alt,
      caption: button.dataset.caption,
      title: button.dataset.title
    }, window.location.origin);
    window.close();
  });
})();
