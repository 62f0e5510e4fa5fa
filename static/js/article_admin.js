// The article form in the admin: a click in the signed preview link selects it whole, ready to copy.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var field = event.target.closest && event.target.closest("input.preview-link");
    if (field) field.select();
  });
})();
