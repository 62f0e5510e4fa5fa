/* "Thông tin này có hữu ích không?": send the rating without leaving the page; without JavaScript the form posts
   and the portal answers with a page. The answer (thanks, already rated, try later) comes from the server. */
(function () {
  "use strict";
  document.querySelectorAll("[data-rating-form]").forEach(function (form) {
    var answer = form.parentNode.querySelector("[data-rating-answer]");
    var button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) return;
      event.preventDefault();
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json();
        })
        .then(function (data) {
          answer.textContent = data.message;
          if (data.counted) {
            form.hidden = true;
          } else {
            button.disabled = false;
          }
        })
        .catch(function () {
          form.submit(); // the server's page says what happened
        });
    });
  });
})();
