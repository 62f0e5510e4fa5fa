"""What a file really is: its bytes decide, never its name; a ZIP is a Word file only with Word inside."""

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from portal.uploads import filekinds


def picture(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), (10, 120, 200)).save(buffer, image_format)
    return buffer.getvalue()


def archive(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for name in names:
            zipped.writestr(name, "<x/>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 64


class DetectTests:
    @pytest.mark.parametrize(
        ("content", "kind"),
        [
            (picture("JPEG"), filekinds.JPEG),
            (picture("PNG"), filekinds.PNG),
            (picture("GIF"), filekinds.GIF),
            (picture("WEBP"), filekinds.WEBP),
            (PDF, filekinds.PDF),
            (OLE2, filekinds.DOC),
            (archive("[Content_Types].xml", "word/document.xml"), filekinds.DOCX),
            (MP4, filekinds.MP4),
            (WEBM, filekinds.WEBM),
        ],
    )
    def test_each_kind_is_known_by_its_content(self, content, kind):
        assert filekinds.detect(io.BytesIO(content)) == kind

    @pytest.mark.parametrize(
        "content",
        [
            b"<html><script>alert(1)</script></html>",
            b"MZ\x90\x00 an executable",
            b"",
            archive("index.html"),  # a ZIP, but no Word document inside
            archive("word/document.xml"),  # Word's part without the package's table of contents
            b"GIF89a but not really",  # the right first bytes, no picture behind them
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        ],
    )
    def test_what_only_looks_like_a_kind_is_none(self, content):
        assert filekinds.detect(io.BytesIO(content)) is None

    def test_the_file_position_is_left_where_it_was(self):
        upload = io.BytesIO(picture("PNG"))
        upload.seek(5)
        assert filekinds.detect(upload) == filekinds.PNG
        assert upload.tell() == 5

    def test_is_really_compares_the_content_with_a_claimed_kind(self):
        assert filekinds.is_really(io.BytesIO(PDF), filekinds.PDF)
        assert not filekinds.is_really(io.BytesIO(PDF), filekinds.DOCX)
        assert not filekinds.is_really(io.BytesIO(archive("index.html")), filekinds.DOCX)


class SniffTests:
    def test_first_bytes_alone_never_call_a_zip_a_word_file(self):
        assert filekinds.sniff(archive("[Content_Types].xml", "word/document.xml")[: filekinds.HEAD_SIZE]) is None

    def test_an_iso_media_file_is_a_video_unless_its_brand_is_a_picture(self):
        assert filekinds.sniff(b"\x00\x00\x00\x18ftypisom\x00\x00\x00\x00") == filekinds.MP4
        assert filekinds.sniff(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00") is None

    def test_a_riff_file_is_webp_only_when_it_says_so(self):
        assert filekinds.sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == filekinds.WEBP
        assert filekinds.sniff(b"RIFF\x00\x00\x00\x00WAVEfmt ") is None


class NamesTests:
    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("Báo cáo.DOCX", filekinds.DOCX),
            ("anh.jpeg", filekinds.JPEG),
            ("anh.JPG", filekinds.JPEG),
            ("chi-thi.pdf", filekinds.PDF),
            ("chi-thi.pdf.exe", None),
            ("pdf", None),  # no extension at all
            ("trang.html", None),
        ],
    )
    def test_a_name_claims_a_kind_by_its_extension(self, name, kind):
        assert filekinds.by_name(name) == kind

    def test_extensions_and_pillow_formats_map_to_the_same_kinds(self):
        assert filekinds.by_extension(".Webp") == filekinds.WEBP
        assert filekinds.by_pillow_format("JPEG") == filekinds.JPEG
        assert filekinds.by_pillow_format("BMP") is None
        assert filekinds.by_pillow_format(None) is None

    def test_every_kind_has_one_content_type_and_a_vietnamese_label(self):
        assert len({kind.content_type for kind in filekinds.KINDS}) == len(filekinds.KINDS)
        assert str(filekinds.DOCX.label) == "Tài liệu Word"
        assert filekinds.JPEG.extensions == ("jpg", "jpeg")

    def test_the_accept_attribute_lists_extensions_then_content_types(self):
        accept = filekinds.accept_attribute([filekinds.JPEG, filekinds.PDF])
        assert accept == ".jpg,.jpeg,.pdf,image/jpeg,application/pdf"


def test_the_module_imports_no_app_of_the_project():
    source = Path(filekinds.__file__).read_text(encoding="utf-8")
    imported = [line.split()[1] for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert not [name for name in imported if name.split(".")[0] in {"portal", "news", "campaigns"}]
