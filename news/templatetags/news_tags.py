"""Page blocks: each one queryset call, no matter how many articles exist."""

from django import template

from news.models import Article
from portal.site import absolute_url as absolute

register = template.Library()


@register.inclusion_tag("news/includes/article_list_compact.html")
def latest_news(limit=8, exclude=None, title=None):
    articles = Article.objects.latest()
    if getattr(exclude, "pk", None):
        articles = articles.exclude(pk=exclude.pk)
    return {"articles": articles[:limit], "title": title}


@register.inclusion_tag("news/includes/share.html")
def share_links(article):
    """Facebook, Zalo and copy-the-link for an article: plain links and a button, no third-party script."""
    return {"url": absolute(article.get_absolute_url()), "title": article.title}
