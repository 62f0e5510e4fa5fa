"""Editors are told which documents (and campaigns) an article names by number but does not link yet."""

import pytest
from django.urls import reverse

from news.linking import suggest_links
from news.models import Article
from tests.factories import make_article, make_campaign, make_document
from tests.news.test_admin import article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    directive = make_campaign(code="05-CT/TW")
    conclusion = make_campaign(code="01-KL/TW", kind="ket-luan")
    plan = make_document("185-KH/ĐU", campaign=conclusion, abstract="Kế hoạch thực hiện Kết luận 01-KL/TW")
    letter = make_document("4379/UBND-TH", kind="cong-van", abstract="Về tổ chức hội thi")
    return {"directive": directive, "conclusion": conclusion, "plan": plan, "letter": letter}


def test_documents_named_in_the_body_and_their_campaigns_are_suggested(library):
    article = make_article(
        lead="Đảng ủy Sở triển khai Kế hoạch số 185-KH/ĐU.",
        body="<p>Thực hiện <strong>Chỉ thị số 05/CT-TW</strong> và Công văn 4379/UBND-TH ngày 15/5/2016.</p>",
    )
    suggestions = suggest_links(article)
    assert suggestions.documents == [library["plan"], library["letter"]]
    # The plan's campaign, and the directive named by its own code (written the other way round).
    assert suggestions.campaigns == [library["conclusion"], library["directive"]]


def test_campaigns_cited_short_or_written_another_way_are_suggested(library):
    third = make_campaign(code="30-CT/TW")
    article = make_article(
        title="Chi bộ Thanh tra thực hiện Kết luận số 1",
        body="<p>Theo Chỉ thị&nbsp;5-CT/TW và quy chế dân chủ theo 30/CT-TW, cùng chỉ thị của Bộ ngày 03/02/2015.</p>",
    )
    assert suggest_links(article).campaigns == [library["conclusion"], library["directive"], third]


def test_a_short_citation_that_fits_two_campaigns_is_not_suggested(library):
    make_campaign(code="05-CT/TU")
    assert not suggest_links(make_article(body="<p>Thực hiện Chỉ thị 05 của Bộ Chính trị.</p>"))


def test_what_is_already_linked_is_not_suggested_again(library):
    article = make_article(body="<p>Kế hoạch 185-KH/ĐU</p>", campaigns=[library["conclusion"]])
    article.documents.add(library["plan"])
    assert not suggest_links(article)


def test_text_without_document_numbers_suggests_nothing(library):
    assert not suggest_links(make_article(body="<p>Ngày 15/5/2016, 1.900 trường hợp, giai đoạn 2021-2025.</p>"))


def test_the_article_admin_shows_the_suggestions_after_save(client, editor, library):
    client.force_login(editor)
    data = article_form_data(body="<p>Triển khai Kế hoạch số 185-KH/ĐU của Đảng ủy.</p>")
    response = client.post(reverse("admin:news_article_add"), data, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kế hoạch 185-KH/ĐU" in html and "chưa liên kết" in html  # the message after saving
    article = Article.objects.get()
    change = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Gợi ý liên kết" in change and "Kế hoạch 185-KH/ĐU" in change and "Kết luận 01-KL/TW" in change


def test_the_article_form_picks_records_by_autocomplete(client, editor, library):
    client.force_login(editor)
    html = client.get(reverse("admin:news_article_add")).content.decode()
    for field in ("documents", "good_models", "exemplars", "awards"):
        assert f'name="{field}"' in html
    assert html.count("admin-autocomplete") >= 7
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "ke hoach", "app_label": "news", "model_name": "article", "field_name": "documents"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Kế hoạch 185-KH/ĐU"]


def test_ticking_the_box_links_the_suggested_documents_and_campaigns(client, editor, library):
    client.force_login(editor)
    data = article_form_data(
        body="<p>Triển khai Kế hoạch số 185-KH/ĐU và Chỉ thị 05-CT/TW.</p>",
        documents=[library["letter"].pk],
        link_suggested="on",
    )
    response = client.post(reverse("admin:news_article_add"), data, follow=True)
    assert "Đã liên kết bài viết với" in response.content.decode()
    article = Article.objects.get()
    assert set(article.documents.all()) == {library["plan"], library["letter"]}  # the editor's pick is kept
    assert set(article.campaigns.all()) == {library["conclusion"], library["directive"]}
    assert not suggest_links(article)
