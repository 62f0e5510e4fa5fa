"""The permission matrix: each role, each action, through the admin over HTTP; and the writer's own list."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from news.models import Article
from portal.roles import WRITER
from tests.factories import make_article, make_category
from tests.news.workflow_helpers import make_draft, post_change

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def other_writer(django_user_model):
    user = django_user_model.objects.create_user("phongvien2", is_staff=True)
    user.groups.add(Group.objects.get(name=WRITER))
    return user


def _add(client, user, other):
    make_category()
    return client.get(reverse("admin:news_article_add")).status_code == 200


def _edit_own_draft(client, user, other):
    article = make_draft(user)
    post_change(client, article, title="Tiêu đề đã sửa")
    article.refresh_from_db()
    return article.title == "Tiêu đề đã sửa"


def _edit_others_draft(client, user, other):
    article = make_draft(other)
    post_change(client, article, title="Tiêu đề đã sửa")
    article.refresh_from_db()
    return article.title == "Tiêu đề đã sửa"


def _see_others_draft(client, user, other):
    article = make_draft(other, title="Bài của người khác")
    list_html = client.get(reverse("admin:news_article_changelist")).content.decode()
    change = client.get(reverse("admin:news_article_change", args=[article.pk]))
    return "Bài của người khác" in list_html and change.status_code == 200


def _edit_own_submitted(client, user, other):
    article = make_draft(user, status=Status.IN_REVIEW)
    post_change(client, article, title="Tiêu đề đã sửa")
    article.refresh_from_db()
    return article.title == "Tiêu đề đã sửa"


def _submit_own_draft(client, user, other):
    article = make_draft(user)
    post_change(client, article, _submit_review="Gửi duyệt")
    article.refresh_from_db()
    return article.status == Status.IN_REVIEW


def _publish_own_draft(client, user, other):
    article = make_draft(user)
    post_change(client, article, _publish="Đăng")
    article.refresh_from_db()
    return article.status == Status.PUBLISHED


def _return_submitted(client, user, other):
    article = make_draft(other, status=Status.IN_REVIEW)
    post_change(client, article, _return="Trả lại", review_note="Sai tên đơn vị")
    article.refresh_from_db()
    return article.status == Status.RETURNED


def _publish_submitted(client, user, other):
    article = make_draft(other, status=Status.IN_REVIEW)
    post_change(client, article, _publish="Đăng")
    article.refresh_from_db()
    return article.status == Status.PUBLISHED and Article.objects.published().filter(pk=article.pk).exists()


def _withdraw_published(client, user, other):
    article = make_article(created_by=other)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "withdraw_selected", "_selected_action": [article.pk], "withdraw_reason": "Sai số liệu"},
    )
    article.refresh_from_db()
    return article.status == Status.WITHDRAWN


def _delete_others_article(client, user, other):
    article = make_draft(other)
    client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
    return not Article.objects.filter(pk=article.pk).exists()


def _link_records_to_own_draft(client, user, other):
    """The article form's record autocompletes (good models, exemplars, awards, documents) save with a draft."""
    from tests.factories import make_award, make_document, make_exemplar, make_good_model

    article = make_draft(user)
    exemplar = make_exemplar()
    records = {
        "good_models": make_good_model(),
        "exemplars": exemplar,
        "awards": make_award(exemplar=exemplar),
        "documents": make_document(),
    }
    response = client.get(reverse("admin:news_article_change", args=[article.pk]))
    if response.status_code != 200:
        return False
    post_change(client, article, **{name: [record.pk] for name, record in records.items()})
    return all(list(getattr(article, name).all()) == [record] for name, record in records.items())


def _search_records_to_link(client, user, other):
    from tests.factories import make_good_model

    make_good_model("Nụ cười tiếp dân")
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "Nụ cười", "app_label": "news", "model_name": "article", "field_name": "good_models"},
    )
    return response.status_code == 200 and ["Nụ cười tiếp dân" in r["text"] for r in response.json()["results"]] == [
        True
    ]


def _link_suggested_documents(client, user, other):
    from tests.factories import make_document

    document = make_document("185-KH/ĐU")
    article = make_draft(user, body="<p>Thực hiện Kế hoạch số 185-KH/ĐU của Đảng ủy Sở.</p>")
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    if "185-KH/ĐU" not in html:
        return False
    post_change(client, article, link_suggested="on")
    return list(article.documents.all()) == [document]


def _pin_related_on_own_draft(client, user, other):
    from news.models import RelatedArticle

    article = make_draft(user)
    pinned = make_article("Bài được ghim")
    post_change(
        client,
        article,
        **{"related_links-TOTAL_FORMS": "1", "related_links-0-related": pinned.pk, "related_links-0-position": "0"},
    )
    return RelatedArticle.objects.filter(article=article, related=pinned).exists()


def _manage_campaigns(client, user, other):
    return client.get(reverse("admin:campaigns_campaign_add")).status_code == 200


def _manage_users(client, user, other):
    return client.get(reverse("admin:auth_user_changelist")).status_code == 200


ACTIONS = {
    "add": _add,
    "edit_own_draft": _edit_own_draft,
    "edit_others_draft": _edit_others_draft,
    "see_others_draft": _see_others_draft,
    "edit_own_submitted": _edit_own_submitted,
    "submit_own_draft": _submit_own_draft,
    "publish_own_draft": _publish_own_draft,
    "return_submitted": _return_submitted,
    "publish_submitted": _publish_submitted,
    "withdraw_published": _withdraw_published,
    "delete_others_article": _delete_others_article,
    "manage_campaigns": _manage_campaigns,
    "manage_users": _manage_users,
    # What the merge added to the article form: records, their search, link suggestions, pinned related news.
    "link_records_to_own_draft": _link_records_to_own_draft,
    "search_records_to_link": _search_records_to_link,
    "link_suggested_documents": _link_suggested_documents,
    "pin_related_on_own_draft": _pin_related_on_own_draft,
}
# role -> the actions it may do; every other action must be refused.
ALLOWED = {
    "writer": {
        "add",
        "edit_own_draft",
        "submit_own_draft",
        "link_records_to_own_draft",
        "search_records_to_link",
        "link_suggested_documents",
    },
    "editor": set(ACTIONS) - {"manage_campaigns", "manage_users"},
    "administrator": set(ACTIONS),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ALLOWED)
def test_permission_matrix(request, client, other_writer, role, action):
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert ACTIONS[action](client, user, other_writer) is (action in ALLOWED[role])


def test_the_writers_list_shows_only_their_own_and_stays_cheap(
    client, writer, other_writer, django_assert_max_num_queries
):
    for n in range(15):
        make_draft(writer, title=f"Bài của tôi số {n}")
        make_draft(other_writer, title=f"Bài của người khác số {n}")
    client.force_login(writer)
    with django_assert_max_num_queries(17):  # + the bell's unread count; the same with 1 or 15 rows: no query per row
        response = client.get(reverse("admin:news_article_changelist"))
    html = response.content.decode()
    assert "Bài của tôi số 14" in html
    assert "Bài của người khác" not in html
