"""The comment form's address and the attachment download; the form itself is shown by the article page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from news.models import Article
from portal.uploads.attachments import download_response
from portal.visitors.identity import client_ip

from .forms import CommentForm
from .models import Comment, comments_open_for
from .services import RateLimited, submit_comment


def _comments_anchor(article) -> str:
    return f"{article.get_absolute_url()}#binh-luan"


@require_http_methods(["GET", "POST"])
def post_comment(request, slug):
    """Receive "Viết bình luận"; a valid comment waits for a moderator, an invalid one is shown back with why."""
    article = get_object_or_404(Article.objects.published(), slug=slug)
    if request.method == "GET":
        return redirect(_comments_anchor(article))
    if not comments_open_for(article):
        messages.error(request, _("Bài viết này đã đóng bình luận."))
        return redirect(_comments_anchor(article))

    form = CommentForm(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        try:
            submit_comment(form=form, article=article, ip_address=client_ip(request))
        except RateLimited:
            status = 429
            form.add_error(None, _("Bạn đã gửi nhiều bình luận trong thời gian ngắn. Vui lòng thử lại sau ít phút."))
        else:
            messages.success(
                request,
                _("Cảm ơn bạn đã gửi bình luận. Bình luận sẽ hiển thị sau khi được Ban biên tập duyệt."),
            )
            return redirect(_comments_anchor(article))
    return render(request, "comments/comment_form_page.html", {"article": article, "form": form}, status=status)


def comment_attachment(request, pk):
    """A comment's attachment, always as a download with its real type: never rendered by the browser.

    Readers get only attachments of approved comments on public articles; moderators get any.
    """
    comment = get_object_or_404(Comment.objects.select_related("article").exclude(attachment=""), pk=pk)
    is_moderator = request.user.has_perm("comments.view_comment")
    if not is_moderator and not (comment.status == Comment.Status.APPROVED and comment.article.is_public):
        raise Http404
    return download_response(comment.attachment, kind=comment.attachment_kind, original_name=comment.attachment_name)
