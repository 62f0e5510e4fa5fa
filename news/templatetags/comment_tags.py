"""The comments block under an article: one query for its approved comments."""

from django import template

from ..comment_forms import CommentForm
from ..comments import Comment, comments_open_for

register = template.Library()


@register.inclusion_tag("news/includes/comments.html", takes_context=True)
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
