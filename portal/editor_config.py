"""CKEditor 5's configuration for the article body: the toolbar, headings, pictures and tables, in Vietnamese.

Kept out of settings.py for length; settings imports it. A leaf module: it imports nothing of the project.
"""

CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "vi",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "underline",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "imageUpload",
                "insertTable",
                "mediaEmbed",
                "|",
                "alignment",
                "removeFormat",
                "|",
                "undo",
                "redo",
            ],
            "shouldNotGroupWhenFull": False,
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Đoạn văn", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Tiêu đề 2", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Tiêu đề 3", "class": "ck-heading_heading3"},
            ]
        },
        "image": {
            # The file picker offers what the server takes (portal.uploads.filekinds.IMAGES, checked by
            # tests/portal/test_admin_polish.py), not CKEditor's default BMP and TIFF, which the upload refuses.
            "upload": {"types": ["jpeg", "png", "gif", "webp"]},
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:inline",
                "imageStyle:block",
                "imageStyle:side",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "mediaEmbed": {"previewsInData": False},
    },
}
