"""The emulation movement's demo records, from ``data/emulation.json``: units, documents, good models, exemplary
people, awards (one revoked), a contest with its prizes and a review conference.

Works alone (the browser test and the page benchmark call it on a nearly empty database): campaigns, themes and
articles that are missing are simply not linked.
"""

import io

from django.core.files.base import ContentFile
from django.db import transaction

from portal.demo.campaigns import find_document, find_themes, seed_documents, seed_issuers
from portal.demo.data import Seeding, day, load
from portal.demo.images import cover_jpeg
from portal.demo.tables import Article, Award, Campaign, Contest, Document, Exemplar, GoodModel, Issuer, Unit

# the article's field that links each kind of record
ARTICLE_FIELDS = {GoodModel: "good_models", Exemplar: "exemplars"}


def award_key(decision_number: str, recipient_slug: str) -> str:
    """How the data files name an award: its decision number and its recipient's slug."""
    return f"{decision_number}:{recipient_slug}"


def key_of_award(award: Award) -> str:
    return award_key(award.decision_number, (award.good_model or award.exemplar or award.unit).slug)


class EmulationSeeder:
    """One pass over ``data/emulation.json``: the campaigns, themes and demo articles it may link are read first."""

    def __init__(self, seeding: Seeding):
        self.seeding = seeding
        self.data = load("emulation")
        self.issuers: dict[str, Issuer] = {}
        self.campaigns = {c.code: c for c in Campaign.objects.filter(code__in=self._campaign_codes())}
        self.themes = find_themes()
        self.articles = Article.objects.in_bulk(list(self._article_slugs()), field_name="slug")

    def _campaign_codes(self) -> set[str]:
        entries = self.data["documents"] + self.data["good_models"] + self.data["exemplars"] + self.data["awards"]
        codes = {code for entry in entries for code in entry.get("campaigns", [entry.get("campaign")])}
        return codes | {contest["campaign"] for contest in self.data["contests"]}

    def _article_slugs(self) -> set[str]:
        records = self.data["good_models"] + self.data["exemplars"]
        return {slug for entry in records for slug in entry["articles"]} | {
            entry["article"] for entry in self.data["article_documents"]
        }

    def seed(self) -> int:
        """Every record; returns how many articles got documents linked."""
        self.issuers = seed_issuers(self.seeding)
        units = {e["slug"]: self.unit(position, e) for position, e in enumerate(self.data["units"])}
        seed_documents(self.seeding, self.data["documents"], self.issuers, self.themes)
        recipients = {
            "unit": units,
            "good_model": {e["slug"]: self.good_model(n, e, units) for n, e in enumerate(self.data["good_models"])},
            "exemplar": {e["slug"]: self.exemplar(e, units) for e in self.data["exemplars"]},
        }
        for entry in self.data["awards"]:
            self.award(entry, recipients)
        for entry in self.data["contests"]:
            self.contest(entry, recipients)
        return self.link_documents()

    def unit(self, position: int, entry: dict) -> Unit:
        defaults = {"name": entry["name"], "kind": entry["kind"], "position": position}
        return self.seeding.get_or_create(Unit, entry["slug"], slug=entry["slug"], defaults=defaults)

    def link_records(self, record, entry: dict, *, themes: list[str]) -> None:
        """The campaigns, themes and reporting articles of a record this run created, or its new articles."""
        model = type(record)
        if self.seeding.made(model, entry["slug"]):
            record.campaigns.set([self.campaigns[c] for c in entry["campaigns"] if c in self.campaigns])
            record.themes.set([self.themes[key] for key in themes if key in self.themes])
        for slug in entry["articles"]:
            article = self.articles.get(slug)
            if article is not None and self.seeding.made_any((model, entry["slug"]), (Article, slug)):
                getattr(article, ARTICLE_FIELDS[model]).add(record)

    def good_model(self, index: int, entry: dict, units: dict[str, Unit]) -> GoodModel:
        good_model = self.seeding.get_or_create(
            GoodModel,
            entry["slug"],
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "unit": units[entry["unit"]],
                "started_on": day(entry["started_on"]),
                "summary": entry["summary"],
                "results": entry["results"],
            },
        )
        if self.seeding.made(GoodModel, entry["slug"]) and self.seeding.with_files:
            good_model.cover.save(f"mo-hinh-{index + 1}.jpg", ContentFile(cover_jpeg(100 + index)), save=True)
        self.link_records(good_model, entry, themes=entry["themes"])
        return good_model

    def exemplar(self, entry: dict, units: dict[str, Unit]) -> Exemplar:
        exemplar = self.seeding.get_or_create(
            Exemplar,
            entry["slug"],
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "kind": entry["kind"],
                "unit": units[entry["unit"]],
                "position": entry["position"],
                "year": entry["year"],
                "achievements": entry["achievements"],
            },
        )
        self.link_records(exemplar, entry, themes=[])
        return exemplar

    def award(self, entry: dict, recipients: dict) -> Award:
        [(kind, slug)] = entry["recipient"].items()
        revoked = entry.get("revoked")
        return self.seeding.get_or_create(
            Award,
            award_key(entry["decision_number"], slug),
            decision_number=entry["decision_number"],
            **{kind: recipients[kind][slug]},
            defaults={
                "form": entry["form"],
                "prize": entry["prize"],
                "issuer": self.issuers[entry["issuer"]],
                "decided_on": day(entry["decided_on"]),
                "year": day(entry["decided_on"]).year,
                "level": entry["level"],
                "campaign": self.campaigns.get(entry["campaign"]),
                "status": Award.Status.REVOKED if revoked else Award.Status.VALID,
                "revoked_by_number": revoked["number"] if revoked else "",
                "revoked_on": day(revoked["on"]) if revoked else None,
            },
        )

    def contest(self, entry: dict, recipients: dict) -> Contest:
        campaign = self.campaigns.get(entry["campaign"])
        contest = self.seeding.get_or_create(
            Contest,
            entry["slug"],
            slug=entry["slug"],
            defaults={
                "title": entry["title"],
                "kind": entry["kind"],
                "held_on": day(entry["held_on"]),
                "place": entry["place"],
                "summary": entry["summary"],
                "campaign": campaign,
            },
        )
        decision = entry.get("decision", {})
        for prize in entry.get("prizes", []):
            [(kind, slug)] = prize["recipient"].items()
            self.seeding.get_or_create(
                Award,
                award_key(decision["number"], slug),
                contest=contest,
                prize=prize["prize"],
                defaults={
                    "form": Award.Form.PRIZE,
                    "issuer": self.issuers[decision["issuer"]],
                    "decision_number": decision["number"],
                    "decided_on": day(decision["decided_on"]),
                    "year": day(decision["decided_on"]).year,
                    "level": Award.Level.DEPARTMENT,
                    "campaign": campaign,
                    kind: recipients[kind][slug],
                },
            )
        return contest

    def link_documents(self) -> int:
        """Documents the demo articles name by number, as an editor links them after the admin's suggestion."""
        linked = 0
        for entry in self.data["article_documents"]:
            article = self.articles.get(entry["article"])
            if article is None:
                continue
            documents = [
                document
                for number in entry["documents"]
                if (document := find_document(number)) is not None
                and self.seeding.made_any((Article, article.slug), (Document, number))
            ]
            article.documents.add(*documents)
            linked += bool(documents)
        return linked


def summary(linked: int) -> str:
    return (
        f"Dữ liệu mẫu phong trào thi đua: {GoodModel.objects.count()} mô hình hay, "
        f"{Exemplar.objects.count()} gương điển hình, {Award.objects.count()} khen thưởng, "
        f"{Contest.objects.count()} hội thi, hội nghị, {Document.objects.count()} văn bản; "
        f"{linked} bài viết được gắn văn bản."
    )


@transaction.atomic
def seed(*, stdout=None, with_files: bool = True, seeding: Seeding | None = None) -> str:
    """Seed the emulation records (alone, or as one step of ``seed_demo``); returns and writes the summary."""
    seeding = seeding or Seeding(with_files=with_files)
    line = summary(EmulationSeeder(seeding).seed())
    (stdout or io.StringIO()).write(line)
    return line
