"""The comments block under an article: one query for its approved comments."""

from django import template

from ..forms import CommentForm
from ..models import Comment, comments_open_for

register = template.Library()


@register.inclusion_tag("comments/includes/comments.html", takes_context=True)
def article_comments(context, article):
    is_open = comments_open_for(article)
    return {
        "article": article,
        "comments": list(Comment.objects.for_article_page(article)),
        "comments_open": is_open,
        "form": CommentForm() if is_open else None,
        "csrf_token": context.get("csrf_token"),
        "messages": context.get("messages"),
    }
