"""The leadership report as the leadership reads it: a page in the layout of a Party report, to print, and its PDF.

The same HTML is shown for printing and handed to WeasyPrint for the PDF, so what is printed from the browser and
what is filed as PDF are the same document. The layout follows the Party's rules for documents (Hướng dẫn
36-HD/VPTW): the bodies and the number on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" with the place and date on the
right, the title, the text, the recipients and the signature block.
"""

from django.template.loader import render_to_string


def render_document(*, request, context: dict) -> str:
    return render_to_string("reports/leadership_document.html", context, request)


def document_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango through cffi, which only this download needs.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
