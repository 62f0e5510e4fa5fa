import pytest

from portal.text import fold, vietnamese_slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh",
        ),
        ("Quyết định số 123/QĐ-UBND", "quyet-dinh-so-123-qd-ubnd"),
        ("ĐẢNG ỦY SỞ", "dang-uy-so"),
        ("Chỉ thị 05-CT/TW", "chi-thi-05-ct-tw"),
        ("  ...  ", ""),
    ],
)
def test_vietnamese_slugify_keeps_d_and_drops_marks(text, slug):
    assert vietnamese_slugify(text) == slug


def test_slug_is_cut_at_a_word_boundary():
    slug = vietnamese_slugify("Đảng bộ Sở Tài nguyên và Môi trường tỉnh Long An", max_length=20)
    assert slug == "dang-bo-so-tai"
    assert len(slug) <= 20


def test_fold_removes_diacritics_and_case():
    assert fold("Đảng ủy HỌC TẬP") == "dang uy hoc tap"
