"""What the API says about each kind of record: pydantic schemas (django-ninja) that also make the OpenAPI document.

Only what the public pages show; addresses are absolute (SITE_URL). Nested awards are public ones only: the views
prefetch them through ``Award.objects.public()``.
"""

import datetime

from django.urls import reverse
from ninja import Schema

from portal.site import absolute_url


def _file_url(field) -> str | None:
    return absolute_url(field.url) if field else None


class Ref(Schema):
    """Another record, by its address in the API (``slug``) and its name."""

    slug: str
    name: str


class CategoryOut(Schema):
    slug: str
    name: str
    parent: str | None
    description: str
    url: str

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.slug if obj.parent_id else None

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(obj.get_absolute_url())


class ArticleOut(Schema):
    slug: str
    title: str
    lead: str
    url: str
    published_at: datetime.datetime
    updated_at: datetime.datetime
    category: Ref
    author_name: str
    source: str
    cover: str | None
    campaigns: list[str]

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(obj.get_absolute_url())

    @staticmethod
    def resolve_category(obj) -> dict:
        return {"slug": obj.category.slug, "name": obj.category.name}

    @staticmethod
    def resolve_cover(obj) -> str | None:
        return _file_url(obj.cover)

    @staticmethod
    def resolve_campaigns(obj) -> list[str]:
        return [campaign.slug for campaign in obj.campaigns.all()]


class ThemeRef(Schema):
    campaign: str
    slug: str
    title: str

    @staticmethod
    def resolve_campaign(obj) -> str:
        return obj.campaign.slug


class ArticleDetailOut(ArticleOut):
    body: str
    tags: list[str]
    themes: list[ThemeRef]
    documents: list[str]
    good_models: list[str]
    exemplars: list[str]
    awards: list[int]

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_themes(obj) -> list:
        return list(obj.themes.all())

    @staticmethod
    def resolve_documents(obj) -> list[str]:
        return [document.slug for document in obj.documents.all()]

    @staticmethod
    def resolve_good_models(obj) -> list[str]:
        return [model.slug for model in obj.good_models.all()]

    @staticmethod
    def resolve_exemplars(obj) -> list[str]:
        return [exemplar.slug for exemplar in obj.exemplars.all()]

    @staticmethod
    def resolve_awards(obj) -> list[int]:
        return [award.pk for award in obj.awards.all()]  # prefetched from Award.objects.public()


class ThemeOut(Schema):
    campaign: str
    slug: str
    title: str
    year_start: int
    year_end: int
    scope: str
    scope_label: str
    issuer: str
    guidance: str
    description: str
    url: str

    @staticmethod
    def resolve_campaign(obj) -> str:
        return obj.campaign.slug

    @staticmethod
    def resolve_scope_label(obj) -> str:
        return obj.get_scope_display()

    @staticmethod
    def resolve_issuer(obj) -> str:
        return obj.issuer.name

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(obj.get_absolute_url())


class CampaignOut(Schema):
    slug: str
    code: str
    kind: str
    kind_label: str
    name: str
    title: str
    summary: str
    issuer: str
    issued_on: datetime.date
    is_current: bool
    continues: str | None
    document: str | None
    url: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_issuer(obj) -> str:
        return obj.issuer.name

    @staticmethod
    def resolve_continues(obj) -> str | None:
        return obj.continues.slug if obj.continues_id else None

    @staticmethod
    def resolve_document(obj) -> str | None:
        if not obj.document:
            return None
        return absolute_url(reverse("campaigns:campaign-document", kwargs={"slug": obj.slug}))

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(obj.get_absolute_url())


class CampaignDetailOut(CampaignOut):
    themes: list[ThemeOut]

    @staticmethod
    def resolve_themes(obj) -> list:
        return list(obj.themes.all())


class DocumentOut(Schema):
    slug: str
    kind: str
    kind_label: str
    number: str
    issuer: str
    signer: str
    issued_on: datetime.date
    effective_on: datetime.date | None
    status: str
    status_label: str
    replaced_by: str | None
    subject: str
    abstract: str
    campaign: str | None
    file: str | None
    url: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_issuer(obj) -> str:
        return obj.issuer.name

    @staticmethod
    def resolve_replaced_by(obj) -> str | None:
        return obj.replaced_by.slug if obj.replaced_by_id else None

    @staticmethod
    def resolve_campaign(obj) -> str | None:
        return obj.campaign.slug if obj.campaign_id else None

    @staticmethod
    def resolve_file(obj) -> str | None:
        if not obj.file:
            return None
        return absolute_url(reverse("campaigns:document-file", kwargs={"slug": obj.slug}))

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(obj.get_absolute_url())


class DocumentDetailOut(DocumentOut):
    replaces: list[str]

    @staticmethod
    def resolve_replaces(obj) -> list[str]:
        return [old.slug for old in obj.replaces.all()]


class AwardOut(Schema):
    id: int
    title: str
    form: str
    form_label: str
    prize: str
    reason: str
    issuer: str
    decision_number: str
    decided_on: datetime.date
    level: str
    level_label: str
    year: int
    recipient_kind: str
    recipient: str
    recipient_slug: str | None
    campaign: str | None
    url: str

    @staticmethod
    def resolve_form_label(obj) -> str:
        return obj.get_form_display()

    @staticmethod
    def resolve_level_label(obj) -> str:
        return obj.get_level_display()

    @staticmethod
    def resolve_issuer(obj) -> str:
        return obj.issuer.name

    @staticmethod
    def resolve_recipient_kind(obj) -> str:
        """ "good_model", "exemplar" or "unit": which list ``recipient_slug`` is found in."""
        return "good_model" if obj.good_model_id else "exemplar" if obj.exemplar_id else "unit"

    @staticmethod
    def resolve_recipient(obj) -> str:
        return str(obj.recipient)

    @staticmethod
    def resolve_recipient_slug(obj) -> str | None:
        return obj.recipient.slug

    @staticmethod
    def resolve_campaign(obj) -> str | None:
        return obj.campaign.slug if obj.campaign_id else None

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(obj.get_absolute_url())


class GoodModelOut(Schema):
    slug: str
    name: str
    unit: str
    started_on: datetime.date
    summary: str
    results: str
    cover: str | None
    campaigns: list[str]
    url: str

    @staticmethod
    def resolve_unit(obj) -> str:
        return obj.unit.name

    @staticmethod
    def resolve_cover(obj) -> str | None:
        return _file_url(obj.cover)

    @staticmethod
    def resolve_campaigns(obj) -> list[str]:
        return [campaign.slug for campaign in obj.campaigns.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(obj.get_absolute_url())


class ExemplarOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    unit: str | None
    position: str
    year: int | None
    achievements: str
    photo: str | None
    campaigns: list[str]
    url: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_unit(obj) -> str | None:
        return obj.unit.name if obj.unit_id else None

    @staticmethod
    def resolve_photo(obj) -> str | None:
        return _file_url(obj.photo)

    @staticmethod
    def resolve_campaigns(obj) -> list[str]:
        return [campaign.slug for campaign in obj.campaigns.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(obj.get_absolute_url())


class RecordDetailOut(Schema):
    """The awards a good model or an exemplar received (public ones), added to its list entry."""

    awards: list[AwardOut]

    @staticmethod
    def resolve_awards(obj) -> list:
        return list(obj.awards.all())  # prefetched from Award.objects.public()


class GoodModelDetailOut(GoodModelOut, RecordDetailOut):
    pass


class ExemplarDetailOut(ExemplarOut, RecordDetailOut):
    pass


class ErrorOut(Schema):
    detail: str
