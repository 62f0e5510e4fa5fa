"""The rich-text editor's toolbar and headings (CKEditor 5): fixed configuration, not read from the environment.

Kept out of settings.py, which imports it, so that the settings stay what the environment decides. A leaf module.
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
