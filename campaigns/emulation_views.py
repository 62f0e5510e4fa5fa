"""Public pages of the emulation movement and the document library: lists with filters, and detail pages.

Every detail page shows what other apps link to its record (``campaigns.linked``: "Bài viết liên quan").
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from . import linked
from .forms import RecordFilterForm
from .models import Award, Campaign, Contest, Document, Exemplar, GoodModel, Theme

PAGE_SIZE = 12
LINKED_ITEMS = 10


class FilteredListView(ListView):
    """A paginated list narrowed by ``RecordFilterForm``; subclasses say which filters apply and how.

    ``filter_lookups`` maps a filter to the ORM lookup it narrows by; a filter that needs more (a search, a
    queryset method) is handled by the subclass's ``filter`` before it calls this one.
    """

    paginate_by = PAGE_SIZE
    filter_fields: tuple[str, ...] = ()
    filter_lookups: dict[str, str] = {}
    kind_choices: list = []
    status_choices: list = []
    heading = ""
    intro = ""

    def get_filter_form(self) -> RecordFilterForm:
        return RecordFilterForm(
            self.request.GET or None,
            fields=self.filter_fields,
            kind_choices=self.kind_choices,
            status_choices=self.status_choices,
        )

    def get_queryset(self):
        self.filter_form = self.get_filter_form()
        return self.filter(self.base_queryset(), **self.filter_form.filters)

    def base_queryset(self):
        raise NotImplementedError

    def filter(self, queryset, **filters):
        for name, value in filters.items():
            if value and name in self.filter_lookups:
                queryset = queryset.filter(**{self.filter_lookups[name]: value})
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            is_filtered=bool(self.filter_form.filters),
            heading=self.heading,
            intro=self.intro,
            **kwargs,
        )


class GoodModelListView(FilteredListView):
    template_name = "campaigns/goodmodel_list.html"
    context_object_name = "good_models"
    filter_fields = ("campaign", "theme", "year", "unit")
    heading = _("Mô hình hay, cách làm sáng tạo")

    filter_lookups = {"campaign": "campaigns", "theme": "themes", "year": "started_on__year", "unit": "unit"}

    def base_queryset(self):
        return GoodModel.objects.for_listing()


class ExemplarListView(FilteredListView):
    template_name = "campaigns/exemplar_list.html"
    context_object_name = "exemplars"
    filter_fields = ("campaign", "theme", "year", "unit", "kind")
    kind_choices = Exemplar.Kind.choices
    heading = _("Gương điển hình tiên tiến")

    filter_lookups = {"campaign": "campaigns", "theme": "themes", "year": "year", "unit": "unit", "kind": "kind"}

    def base_queryset(self):
        return Exemplar.objects.for_listing()


class AwardListView(FilteredListView):
    template_name = "campaigns/award_list.html"
    context_object_name = "awards"
    filter_fields = ("campaign", "year", "unit", "kind")
    kind_choices = Award.Form.choices
    heading = _("Khen thưởng")

    filter_lookups = {"campaign": "campaign", "year": "year", "kind": "form"}

    def base_queryset(self):
        return Award.objects.public().for_listing()

    def filter(self, queryset, unit=None, **filters):
        if unit:
            queryset = queryset.for_unit(unit)  # awarded to the unit itself or to its models and people
        return super().filter(queryset, **filters)


class ContestListView(FilteredListView):
    template_name = "campaigns/contest_list.html"
    context_object_name = "contests"
    filter_fields = ("campaign", "year", "kind")
    kind_choices = Contest.Kind.choices
    heading = _("Hội thi, sơ kết, tổng kết")

    filter_lookups = {"campaign": "campaign", "year": "held_on__year", "kind": "kind"}

    def base_queryset(self):
        return Contest.objects.for_listing()


class DocumentListView(FilteredListView):
    """The document library (Decree 42/2022/NĐ-CP): search by number, abstract and issuer, and filters."""

    template_name = "campaigns/document_list.html"
    context_object_name = "documents"
    filter_fields = ("q", "campaign", "theme", "year", "kind", "status")
    kind_choices = Document.Kind.choices
    status_choices = Document.Status.choices
    heading = _("Văn bản chỉ đạo")

    filter_lookups = {
        "campaign": "campaign",
        "theme": "theme",
        "year": "issued_on__year",
        "kind": "kind",
        "status": "status",
    }

    def base_queryset(self):
        return Document.objects.for_listing()

    def filter(self, queryset, q=None, **filters):
        if q:
            queryset = queryset.search(q)
        return super().filter(queryset, **filters)


class LinkedContentMixin:
    """Adds the newest few items other apps link to the record (``campaigns.linked``: articles)."""

    def get_context_data(self, **kwargs):
        blocks = [(content, content.items(self.object)[:LINKED_ITEMS]) for content in linked.linked_contents()]
        return super().get_context_data(linked_blocks=blocks, **kwargs)


_CAMPAIGNS = Prefetch("campaigns", queryset=Campaign.objects.only("id", "code", "kind", "title", "slug"))
_THEMES = Prefetch("themes", queryset=Theme.objects.select_related("campaign"))


class GoodModelDetailView(LinkedContentMixin, DetailView):
    context_object_name = "good_model"

    def get_queryset(self):
        return GoodModel.objects.for_listing().prefetch_related(
            _CAMPAIGNS, _THEMES, Prefetch("awards", queryset=Award.objects.public().select_related("issuer"))
        )


class ExemplarDetailView(LinkedContentMixin, DetailView):
    context_object_name = "exemplar"

    def get_queryset(self):
        return Exemplar.objects.for_listing().prefetch_related(
            _CAMPAIGNS, _THEMES, Prefetch("awards", queryset=Award.objects.public().select_related("issuer"))
        )


class AwardDetailView(LinkedContentMixin, DetailView):
    """A revoked award is not public: its page is a 404, like an unknown one."""

    context_object_name = "award"

    def get_queryset(self):
        return Award.objects.public().for_listing().select_related("campaign", "good_model__unit", "exemplar__unit")


class DocumentDetailView(LinkedContentMixin, DetailView):
    context_object_name = "document"

    def get_queryset(self):
        return Document.objects.for_listing().select_related("theme__campaign", "replaced_by__issuer")

    def get_context_data(self, **kwargs):
        document = self.object
        others = Document.objects.none()
        if document.campaign_id:
            others = (
                Document.objects.filter(campaign_id=document.campaign_id)
                .select_related("issuer")
                .exclude(pk=document.pk)[:6]
            )
        replaces = document.replaces.select_related("issuer")
        return super().get_context_data(same_campaign=others, replaces=replaces, **kwargs)


class ContestDetailView(DetailView):
    context_object_name = "contest"

    def get_queryset(self):
        return Contest.objects.for_listing()

    def get_context_data(self, **kwargs):
        prizes = self.object.awards.public().select_related("issuer", "good_model", "exemplar", "unit")
        return super().get_context_data(prizes=prizes, **kwargs)
