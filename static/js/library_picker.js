// The article form: "Chọn ảnh từ thư viện" opens the library's picker; a chosen picture goes into the body
// (with its alt text and caption) or becomes the cover (the hidden library_cover field, with a preview).
(function () {
  "use strict";
  var PICKER = "/admin/library/libraryimage/chon/?target=";

  function button(label, target) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button library-open";
    b.style.margin = "8px 0 0";
    b.textContent = label;
    b.dataset.target = target;
    return b;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var cover = document.getElementById("id_library_cover");
    var body = document.getElementById("id_body");
    if (!cover || !body) return;  // a read-only form
    body.closest(".form-row").appendChild(button("Chèn ảnh từ thư viện", "body"));
    var coverRow = document.querySelector(".form-row.field-cover");
    if (coverRow) coverRow.appendChild(button("Chọn ảnh đại diện từ thư viện", "cover"));
  });

  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest(".library-open");
    if (!opener) return;
    window.open(PICKER + opener.dataset.target, "library-picker", "width=1000,height=760");
  });

  window.addEventListener("message", function (event) {
    if (event.origin !== window.location.origin || !event.data || event.data.type !== "library-pick") return;
    var pick = event.data;
    if (pick.target === "cover") {
      document.getElementById("id_library_cover").value = pick.id;
      var note = document.getElementById("library-cover-note") || document.createElement("p");
      note.id = "library-cover-note";
      note.className = "help";
      note.textContent = "Sẽ dùng ảnh thư viện “" + pick.title + "” khi lưu.";
      document.querySelector(".form-row.field-cover").appendChild(note);
      var caption = document.getElementById("id_cover_caption");
      if (caption && !caption.value) caption.value = pick.caption;
      return;
    }
    var editor = window.editors && window.editors.id_body;
    if (!editor) return;
    editor.model.change(function (writer) {
      var image = writer.createElement("imageBlock", { src: pick.url, alt: pick.alt });
      editor.model.insertContent(image, editor.model.document.selection);
    });
  });
})();
