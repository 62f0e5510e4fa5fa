"""The review tests' helpers: a draft of someone's, and what the admin's change form posts for an article."""

from django.urls import reverse

from news.models import Article
from tests.factories import EMPTY_ARTICLE_INLINES, make_article

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
        "opened_stamp": article.updated_at.isoformat(),
        **EMPTY_ARTICLE_INLINES,
    }
    data.update(overrides)
    return data


def post_change(client, article, **overrides):
    return client.post(reverse("admin:news_article_change", args=[article.pk]), change_data(article, **overrides))
