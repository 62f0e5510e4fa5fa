"""Campaigns and themes, documents, and the emulation movement's records (good models, exemplars, awards).

Awards are ``Award.objects.public()`` everywhere, lists, details and the awards nested in a record: a revoked award
never leaves. The other kinds have no private state: what the public pages show, the API shows.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router
from ninja.pagination import paginate

from campaigns.models import Award, Campaign, Document, Exemplar, GoodModel, Theme

from .paging import DateCampaignFilters, PagePagination
from .schemas import (
    AwardOut,
    CampaignDetailOut,
    CampaignOut,
    DocumentDetailOut,
    DocumentOut,
    ErrorOut,
    ExemplarDetailOut,
    ExemplarOut,
    GoodModelDetailOut,
    GoodModelOut,
    ThemeOut,
)

router = Router()

_CAMPAIGN_SLUGS = Prefetch("campaigns", queryset=Campaign.objects.only("id", "slug"))
_PUBLIC_AWARDS = Prefetch(
    "awards", queryset=Award.objects.public().select_related("issuer", "good_model", "exemplar", "unit", "campaign")
)
NOT_FOUND = {404: ErrorOut}


def _campaigns():
    return Campaign.objects.select_related("issuer", "continues")


@router.get("campaigns/", response=list[CampaignOut], summary="Chương trình, phong trào", tags=["Chương trình"])
@paginate(PagePagination)
def campaign_list(request):
    return _campaigns()


@router.get(
    "campaigns/{slug:slug}/",
    response={200: CampaignDetailOut, **NOT_FOUND},
    summary="Một chương trình và các chuyên đề",
    tags=["Chương trình"],
)
def campaign_detail(request, slug: str):
    themes = Prefetch("themes", queryset=Theme.objects.select_related("campaign", "issuer"))
    return get_object_or_404(_campaigns().prefetch_related(themes), slug=slug)


class ThemeFilters(DateCampaignFilters):
    year: int | None = Field(None, ge=1, le=9999, description="Chuyên đề áp dụng trong năm này")


@router.get("themes/", response=list[ThemeOut], summary="Chuyên đề", tags=["Chương trình"])
@paginate(PagePagination)
def theme_list(request, filters: Query[ThemeFilters]):
    """``since``/``until`` không áp dụng cho chuyên đề: lọc theo ``year``."""
    themes = Theme.objects.select_related("campaign", "issuer").order_by("-year_start", "campaign__position", "pk")
    if filters.year:
        themes = themes.covering(filters.year)
    if filters.campaign:
        themes = themes.filter(campaign__slug=filters.campaign)
    return themes


class DocumentFilters(DateCampaignFilters):
    kind: Document.Kind | None = Field(None, description="Loại văn bản")
    status: Document.Status | None = Field(None, description="Tình trạng hiệu lực")


def _documents():
    return Document.objects.select_related("issuer", "campaign", "replaced_by")


@router.get("documents/", response=list[DocumentOut], summary="Văn bản chỉ đạo", tags=["Văn bản"])
@paginate(PagePagination)
def document_list(request, filters: Query[DocumentFilters]):
    """Ngày lọc là ngày ban hành."""
    documents = filters.apply(_documents(), date="issued_on", campaign="campaign")
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.status:
        documents = documents.filter(status=filters.status)
    return documents


@router.get(
    "documents/{slug:slug}/", response={200: DocumentDetailOut, **NOT_FOUND}, summary="Một văn bản", tags=["Văn bản"]
)
def document_detail(request, slug: str):
    replaces = Prefetch("replaces", queryset=Document.objects.only("id", "slug", "replaced_by"))
    return get_object_or_404(_documents().prefetch_related(replaces), slug=slug)


def _good_models():
    return GoodModel.objects.for_listing().prefetch_related(_CAMPAIGN_SLUGS)


@router.get("good-models/", response=list[GoodModelOut], summary="Mô hình hay, cách làm sáng tạo", tags=["Thi đua"])
@paginate(PagePagination)
def good_model_list(request, filters: Query[DateCampaignFilters]):
    """Ngày lọc là ngày bắt đầu thực hiện."""
    return filters.apply(_good_models(), date="started_on", campaign="campaigns")


@router.get(
    "good-models/{slug:slug}/",
    response={200: GoodModelDetailOut, **NOT_FOUND},
    summary="Một mô hình hay",
    tags=["Thi đua"],
)
def good_model_detail(request, slug: str):
    return get_object_or_404(_good_models().prefetch_related(_PUBLIC_AWARDS), slug=slug)


class ExemplarFilters(DateCampaignFilters):
    year: int | None = Field(None, ge=1, le=9999, description="Năm được biểu dương")


def _exemplars():
    return Exemplar.objects.for_listing().prefetch_related(_CAMPAIGN_SLUGS)


@router.get("exemplars/", response=list[ExemplarOut], summary="Gương điển hình tiên tiến", tags=["Thi đua"])
@paginate(PagePagination)
def exemplar_list(request, filters: Query[ExemplarFilters]):
    """Ngày lọc là ngày nhập hồ sơ; ``year`` là năm được biểu dương."""
    exemplars = filters.apply(_exemplars(), date="created_at__date", campaign="campaigns")
    return exemplars.filter(year=filters.year) if filters.year else exemplars


@router.get(
    "exemplars/{slug:slug}/",
    response={200: ExemplarDetailOut, **NOT_FOUND},
    summary="Một gương điển hình",
    tags=["Thi đua"],
)
def exemplar_detail(request, slug: str):
    return get_object_or_404(_exemplars().prefetch_related(_PUBLIC_AWARDS), slug=slug)


def _awards():
    return Award.objects.public().select_related("issuer", "good_model", "exemplar", "unit", "campaign")


@router.get("awards/", response=list[AwardOut], summary="Khen thưởng (trừ khen thưởng đã hủy bỏ)", tags=["Thi đua"])
@paginate(PagePagination)
def award_list(request, filters: Query[DateCampaignFilters]):
    """Ngày lọc là ngày quyết định."""
    return filters.apply(_awards(), date="decided_on", campaign="campaign")


@router.get(
    "awards/{int:award_id}/", response={200: AwardOut, **NOT_FOUND}, summary="Một khen thưởng", tags=["Thi đua"]
)
def award_detail(request, award_id: int):
    return get_object_or_404(_awards(), pk=award_id)
