"""The newsroom's review: roles, transitions, the log, and the permission matrix through the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from news import services
from news.models import Article, ArticleEvent
from portal.roles import ADMINISTRATOR, EDITOR, WRITER
from tests.factories import EMPTY_ARTICLE_INLINES, make_article, make_category

pytestmark = pytest.mark.django_db

Status = Article.Status


def make_draft(owner, **overrides):
    fields = {"status": Status.DRAFT, "published_at": None, "created_by": owner}
    fields.update(overrides)
    return make_article(**fields)


def change_data(article, **overrides):
    """What the admin's change form posts for ``article``, with the given buttons or fields."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "body": article.body,
        "cover_caption": "",
        "category": article.category_id,
        "new_tags": "",
        "author_name": article.author_name,
        "source": article.source,
        "allow_comments": "on",
        "published_at_0": "",
        "published_at_1": "",
        "review_note": "",
        **EMPTY_ARTICLE_INLINES,
    }
    data.update(overrides)
    return data


def post_change(client, article, **overrides):
    return client.post(reverse("admin:news_article_change", args=[article.pk]), change_data(article, **overrides))


class RoleTests:
    def test_the_three_roles_exist(self):
        assert set(Group.objects.values_list("name", flat=True)) >= {WRITER, EDITOR, ADMINISTRATOR}

    def test_writer_cannot_publish_or_review(self, writer):
        assert writer.has_perm("news.submit_article")
        assert not writer.has_perm("news.publish_article")
        assert not writer.has_perm("news.review_article")
        assert not writer.has_perm("news.delete_article")

    def test_editor_reviews_and_publishes(self, editor):
        assert editor.has_perm("news.review_article")
        assert editor.has_perm("news.publish_article")


class TransitionServiceTests:
    def test_the_whole_life_of_an_article_is_logged_with_the_person(self, writer, editor):
        article = make_draft(writer)
        services.submit_article(article=article, by=writer)
        services.return_article(article=article, by=editor, reason="Thiếu nguồn ảnh")
        assert services.last_return_reason(article) == "Thiếu nguồn ảnh"
        services.submit_article(article=article, by=writer)
        services.publish_article(article=article, by=editor)
        services.withdraw_article(article=article, by=editor, reason="Đăng nhầm chuyên mục")
        article.refresh_from_db()
        assert article.status == Status.WITHDRAWN
        assert article.published_at is not None
        log = list(
            ArticleEvent.objects.filter(article=article).order_by("at", "id").values_list("action", "by__username")
        )
        assert log == [
            ("submit", "phongvien"),
            ("return", "bientap"),
            ("submit", "phongvien"),
            ("publish", "bientap"),
            ("withdraw", "bientap"),
        ]

    def test_returning_needs_a_reason(self, writer, editor):
        article = make_draft(writer, status=Status.IN_REVIEW)
        with pytest.raises(ValidationError):
            services.return_article(article=article, by=editor, reason="  ")
        article.refresh_from_db()
        assert article.status == Status.IN_REVIEW
        assert not ArticleEvent.objects.exists()

    def test_a_transition_from_the_wrong_state_changes_nothing(self, writer, editor):
        article = make_draft(writer)
        with pytest.raises(ValidationError):
            services.withdraw_article(article=article, by=editor)
        article.refresh_from_db()
        assert article.status == Status.DRAFT
        assert not ArticleEvent.objects.exists()

    def test_a_writer_cannot_publish_nor_submit_someone_elses_draft(self, writer, django_user_model):
        other = django_user_model.objects.create_user("khac", is_staff=True)
        other.groups.add(Group.objects.get(name=WRITER))
        article = make_draft(other)
        with pytest.raises(PermissionDenied):
            services.publish_article(article=article, by=writer)
        with pytest.raises(PermissionDenied):
            services.submit_article(article=article, by=writer)
        article.refresh_from_db()
        assert article.status == Status.DRAFT

    def test_publishing_keeps_a_future_time_so_the_article_is_scheduled(self, editor):
        import datetime

        from django.utils import timezone

        later = timezone.now() + datetime.timedelta(days=2)
        article = make_draft(editor, published_at=later)
        services.publish_article(article=article, by=editor)
        article.refresh_from_db()
        assert article.status == Status.PUBLISHED
        assert article.published_at == later
        assert not Article.objects.published().filter(pk=article.pk).exists()


class WriterAdminTests:
    def test_a_writer_adds_a_draft_and_submits_it(self, client, writer):
        client.force_login(writer)
        category = make_category("Tin hoạt động")
        data = {
            "title": "Chi bộ Phòng Đất đai sinh hoạt chuyên đề",
            "slug": "",
            "lead": "Chi bộ sinh hoạt chuyên đề quý III.",
            "body": "<p>Nội dung.</p>",
            "cover_caption": "",
            "category": category.pk,
            "new_tags": "",
            "author_name": "Lâm Anh",
            "source": "",
            "allow_comments": "on",
            "_save": "Lưu",
            **EMPTY_ARTICLE_INLINES,
        }
        assert client.post(reverse("admin:news_article_add"), data).status_code == 302
        article = Article.objects.get()
        assert (article.status, article.created_by) == (Status.DRAFT, writer)
        response = post_change(client, article, _submit_review="Gửi duyệt")
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.status == Status.IN_REVIEW

    def test_the_writer_sees_the_reason_of_a_return(self, client, writer, editor):
        article = make_draft(writer, status=Status.IN_REVIEW)
        services.return_article(article=article, by=editor, reason="Cần bổ sung số liệu 1.900 trường hợp")
        client.force_login(writer)
        response = client.get(reverse("admin:news_article_change", args=[article.pk]))
        assert response.status_code == 200
        assert "Cần bổ sung số liệu 1.900 trường hợp" in response.content.decode()
        assert 'name="_submit_review"' in response.content.decode()
        assert 'name="_publish"' not in response.content.decode()

    def test_the_editor_sees_buttons_to_return_and_publish(self, client, writer, editor):
        article = make_draft(writer, status=Status.IN_REVIEW)
        client.force_login(editor)
        html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
        assert 'name="_return"' in html
        assert 'name="_publish"' in html
        assert 'name="_withdraw"' not in html

    def test_returning_without_a_reason_is_a_form_error(self, client, writer, editor):
        article = make_draft(writer, status=Status.IN_REVIEW)
        client.force_login(editor)
        response = post_change(client, article, _return="Trả lại")
        assert response.status_code == 200
        assert "Hãy ghi lý do trả lại bài." in response.content.decode()
        article.refresh_from_db()
        assert article.status == Status.IN_REVIEW

    def test_bulk_publish_skips_articles_in_the_wrong_state(self, client, writer, editor):
        ready = make_draft(writer, status=Status.IN_REVIEW)
        live = make_article(created_by=writer)
        client.force_login(editor)
        response = client.post(
            reverse("admin:news_article_changelist"),
            {"action": "publish_selected", "_selected_action": [ready.pk, live.pk]},
            follow=True,
        )
        assert "Đã đăng 1 bài." in response.content.decode()
        ready.refresh_from_db()
        assert ready.status == Status.PUBLISHED
        assert ArticleEvent.objects.filter(action="publish").count() == 1


# --- The permission matrix: each role, each action, through the admin over HTTP. -----------------------------


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
        reverse("admin:news_article_changelist"), {"action": "withdraw_selected", "_selected_action": [article.pk]}
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
    with django_assert_max_num_queries(16):  # the same with 1 or 15 rows: no query per row
        response = client.get(reverse("admin:news_article_changelist"))
    html = response.content.decode()
    assert "Bài của tôi số 14" in html
    assert "Bài của người khác" not in html


def test_the_review_log_is_a_read_only_list_for_editors(client, writer, editor):
    article = make_draft(writer)
    services.submit_article(article=article, by=writer)
    services.publish_article(article=article, by=editor)
    client.force_login(editor)
    response = client.get(reverse("admin:news_articleevent_changelist"))
    assert response.status_code == 200
    assert "Đăng bài" in response.content.decode() and "Gửi duyệt" in response.content.decode()
    event = ArticleEvent.objects.first()
    response = client.post(reverse("admin:news_articleevent_change", args=[event.pk]), {"note": "sửa"})
    assert response.status_code == 403
    client.force_login(writer)
    assert client.get(reverse("admin:news_articleevent_changelist")).status_code == 403
