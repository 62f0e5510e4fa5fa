"""Linking helpers for editors: the documents and campaigns an article names by number but does not link yet."""

from dataclasses import dataclass, field
from html import unescape

from django.utils.html import strip_tags

from campaigns.models import Campaign, Document
from campaigns.numbers import find_citations

from .models import Article


@dataclass
class LinkSuggestions:
    documents: list[Document] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.documents or self.campaigns)


def suggest_links(article: Article) -> LinkSuggestions:
    """Documents whose number the title, lead or body names ("Chỉ thị số 05-CT/TW", "185-KH/ĐU"), and their
    campaigns, or a campaign named by its own code ("Chỉ thị 5/CT-TW") or by kind and number ("Chỉ thị 03"),
    leaving out what the article already links.
    """
    text = " ".join([article.title or "", article.lead or "", unescape(strip_tags(article.body or ""))])
    citations = find_citations(text)
    if not citations:
        return LinkSuggestions()
    keys = [citation.key for citation in citations if citation.key]
    linked_documents = set(article.documents.values_list("pk", flat=True)) if article.pk else set()
    linked_campaigns = set(article.campaigns.values_list("pk", flat=True)) if article.pk else set()
    named_documents = sorted(
        Document.objects.filter(number_key__in=keys).select_related("campaign", "issuer"),
        key=lambda document: keys.index(document.number_key),
    )
    documents = [document for document in named_documents if document.pk not in linked_documents]
    campaigns: dict[int, Campaign] = {}
    named_campaigns = Campaign.objects.cited(citations).values()
    for campaign in [*(d.campaign for d in named_documents if d.campaign), *named_campaigns]:
        if campaign.pk not in linked_campaigns:
            campaigns.setdefault(campaign.pk, campaign)
    return LinkSuggestions(documents=documents, campaigns=list(campaigns.values()))
