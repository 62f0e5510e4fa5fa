"""Previews of unpublished articles, as readers would see them: for staff, and by a signed link that expires.

Never cached, never counted as a view, never indexed by search engines.
"""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from portal.security import allow_style_attributes

from .models import Article, ArticleEvent
from .related import compute_related

_SALT = "news.preview"


def preview_token(article: Article) -> str:
    """A signed, timestamped token naming the article and its withdrawals so far (see ``article_from_token``).

    It expires after ``PREVIEW_LINK_MAX_AGE`` seconds.
    """
    return signing.TimestampSigner(salt=_SALT).sign(f"{article.pk}.{_withdrawals(article.pk)}")


def article_from_token(token: str) -> Article:
    """The article a link shows, or a 404 once it is no use: expired, forged, the article deleted or withdrawn.

    A withdrawal ends every link made before it, even after the article is published again (on a later date, say):
    the token counts the withdrawals it has seen. Edits, submitting, returning and publishing keep a link working,
    so reviewers can follow a draft through the review.
    """
    try:
        value = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=settings.PREVIEW_LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise Http404(_("Liên kết xem trước đã hết hạn.")) from None
    except signing.BadSignature:
        raise Http404(_("Liên kết xem trước không hợp lệ.")) from None
    pk, _dot, withdrawals = value.partition(".")  # links made before withdrawals were counted hold the pk alone
    article = get_object_or_404(_preview_queryset(), pk=int(pk))
    if article.status == Article.Status.WITHDRAWN or int(withdrawals or 0) != _withdrawals(article.pk):
        raise Http404(_("Bài viết đã được gỡ: liên kết xem trước không còn hiệu lực."))
    return article


def _withdrawals(article_id: int) -> int:
    return ArticleEvent.objects.filter(article_id=article_id, action=ArticleEvent.Action.WITHDRAW).count()


def _preview_queryset():
    return (
        Article.objects.select_related("category__parent")
        .prefetch_related("tags", "campaigns", "themes__campaign")
        .with_records_flag()
    )


@method_decorator(never_cache, name="dispatch")
class BasePreviewView(DetailView):
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_context_data(self, **kwargs):
        # As readers will see it: pinned related news first, and the records block (public awards only).
        from .views import EMULATION_PREFETCHES

        article = self.object
        prefetch_related_objects([article], *EMULATION_PREFETCHES)
        return super().get_context_data(is_preview=True, related_articles=compute_related(article), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        allow_style_attributes(response, self.object.body)
        return response


@method_decorator(staff_member_required, name="dispatch")
class ArticlePreviewView(BasePreviewView):
    """Staff who may see the article in the admin see it here, whatever its status."""

    def get_object(self, queryset=None):
        article = get_object_or_404(_preview_queryset(), pk=self.kwargs["pk"])
        user = self.request.user
        if not user.has_perm("news.review_article") and article.created_by_id != user.pk:
            raise Http404(_("Không tìm thấy bài viết."))
        return article


class SignedArticlePreviewView(BasePreviewView):
    """Anyone holding a valid link sees the article until the link expires."""

    def get_object(self, queryset=None):
        return article_from_token(self.kwargs["token"])
