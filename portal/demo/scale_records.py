"""The emulation records ``seed_scale`` adds beside its articles (one good model, one exemplary person and one
document per 500 articles, an award for each person), and the few articles that link them."""

import datetime

from campaigns.numbers import number_key
from portal.demo.bulk import SlugBook, explicit_times
from portal.demo.tables import Article, Award, Campaign, Document, Exemplar, GoodModel, Issuer, Unit
from portal.text import fold

RECORDS_PER_ARTICLES = 500


class RecordPool:
    def __init__(self, *, rng, scale: int, vocabulary: dict, log):
        self.rng, self.vocabulary, self.log = rng, vocabulary, log
        self.wanted = scale // RECORDS_PER_ARTICLES

    def fill(self) -> None:
        self.units = list(Unit.objects.order_by("pk")) or [
            Unit.objects.create(name="Văn phòng Sở", slug="van-phong-so")
        ]
        self.issuer = Issuer.objects.order_by("pk").first() or Issuer.objects.create(name="Đảng ủy Sở")
        self.campaigns = list(Campaign.objects.order_by("pk"))
        times = [GoodModel._meta.get_field(f) for f in ("created_at", "updated_at")]
        times += [Exemplar._meta.get_field(f) for f in ("created_at", "updated_at")]
        with explicit_times(*times, Award._meta.get_field("created_at")):
            self._good_models(self.wanted - GoodModel.objects.count())
            self._exemplars(self.wanted - Exemplar.objects.count())
        self._documents(self.wanted - Document.objects.count())
        self.pools = {
            "good_models": list(GoodModel.objects.values_list("pk", flat=True)),
            "exemplars": list(Exemplar.objects.values_list("pk", flat=True)),
            "documents": list(Document.objects.values_list("pk", flat=True)),
        }

    def _when(self) -> datetime.datetime:
        return datetime.datetime(2012, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=self.rng.randint(0, 5000))

    def _good_models(self, n: int) -> None:
        rng, slugs = self.rng, SlugBook(GoodModel.objects.values_list("slug", flat=True))
        rows = []
        for _ in range(max(0, n)):
            name = f"{rng.choice(self.vocabulary['model_names'])} ({rng.choice(self.vocabulary['places'])})"
            when = self._when()
            rows.append(
                GoodModel(
                    name=name,
                    slug=slugs.make(name, max_length=150, fallback="mo-hinh"),
                    unit=rng.choice(self.units),
                    started_on=when.date(),
                    summary=f"Mô hình {name} do đơn vị triển khai.",
                    results=f"{rng.randint(100, 2000)} trường hợp được hỗ trợ.",
                    created_at=when,
                    updated_at=when,
                )
            )
        GoodModel.objects.bulk_create(rows, batch_size=1000)
        self._link_campaigns(GoodModel, rows)
        self.log(f"{len(rows)} mô hình hay")

    def _exemplars(self, n: int) -> None:
        rng, slugs = self.rng, SlugBook(Exemplar.objects.values_list("slug", flat=True))
        rows = []
        for _ in range(max(0, n)):
            name = rng.choice(self.vocabulary["person_names"])
            when = self._when()
            rows.append(
                Exemplar(
                    name=name,
                    slug=slugs.make(name, max_length=150, fallback="guong"),
                    unit=rng.choice(self.units),
                    position="Chuyên viên",
                    year=when.year,
                    achievements="Hoàn thành xuất sắc nhiệm vụ nhiều năm liền.",
                    created_at=when,
                    updated_at=when,
                )
            )
        Exemplar.objects.bulk_create(rows, batch_size=1000)
        self._link_campaigns(Exemplar, rows)
        awards = [
            Award(
                form=Award.Form.CERTIFICATE,
                reason="Có thành tích trong học tập và làm theo Bác.",
                issuer=self.issuer,
                decision_number=f"{rng.randint(10, 999)}-QĐ/ĐU",
                decided_on=e.created_at.date(),
                level=Award.Level.DEPARTMENT,
                year=e.year,
                exemplar=e,
                created_at=e.created_at,
            )
            for e in rows
        ]
        Award.objects.bulk_create(awards, batch_size=1000)
        self.log(f"{len(rows)} gương điển hình, {len(awards)} khen thưởng")

    def _documents(self, n: int) -> None:
        rng, slugs = self.rng, SlugBook(Document.objects.values_list("slug", flat=True))
        rows = []
        for _ in range(max(0, n)):
            kind = rng.choice([Document.Kind.PLAN, Document.Kind.GUIDANCE])
            number = f"{rng.randint(1, 999)}-{'KH' if kind == Document.Kind.PLAN else 'HD'}/ĐU"
            abstract = f"Về việc {rng.choice(self.vocabulary['topics'])}"
            label = f"{Document.Kind(kind).label} {number}"
            rows.append(
                Document(
                    kind=kind,
                    number=number,
                    slug=slugs.make(label, max_length=120, fallback="van-ban"),
                    issuer=self.issuer,
                    signer="Bí thư Đảng ủy",
                    issued_on=self._when().date(),
                    abstract=abstract,
                    campaign=rng.choice(self.campaigns) if self.campaigns else None,
                    number_key=number_key(number),
                    # As Document.save() writes it: kind, number, abstract, signer, issuer's names, folded.
                    search_text=fold(
                        " ".join(
                            p
                            for p in (
                                str(Document.Kind(kind).label),
                                number,
                                abstract,
                                "Bí thư Đảng ủy",
                                self.issuer.name,
                                self.issuer.short_name,
                            )
                            if p
                        )
                    ),
                )
            )
        Document.objects.bulk_create(rows, batch_size=1000)
        self.log(f"{len(rows)} văn bản")

    def _link_campaigns(self, model, rows) -> None:
        if not self.campaigns:
            return
        through = model.campaigns.through
        through.objects.bulk_create(
            [
                through(**{f"{model._meta.model_name}_id": row.pk, "campaign_id": self.rng.choice(self.campaigns).pk})
                for row in rows
            ],
            batch_size=2000,
        )

    def link(self, articles: list[Article]) -> None:
        """About one article in a hundred reports on a good model, a person or a document."""
        for name, pool in self.pools.items():
            if not pool:
                continue
            through = getattr(Article, name).through
            column = f"{getattr(Article, name).field.related_model._meta.model_name}_id"
            rows = [
                through(article_id=article.pk, **{column: self.rng.choice(pool)})
                for article in articles
                if self.rng.random() < 0.01
            ]
            through.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
