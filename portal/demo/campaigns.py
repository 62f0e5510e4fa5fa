"""Issuing bodies, campaigns, their yearly themes and documents, from ``data/campaigns.json``."""

from django.core.files.base import ContentFile

from portal.demo.data import Seeding, day, load
from portal.demo.images import document_pdf
from portal.demo.tables import Campaign, Document, Issuer, Theme


def seed_issuers(seeding: Seeding) -> dict[str, Issuer]:
    """Every issuing body the demo names (its own and the emulation's), by the data file's key."""
    return {
        entry["key"]: seeding.get_or_create(
            Issuer, entry["key"], name=entry["name"], defaults={"short_name": entry["short_name"]}
        )
        for entry in load("campaigns")["issuers"]
    }


def seed_campaigns(seeding: Seeding, issuers: dict[str, Issuer]) -> dict[str, Campaign]:
    campaigns = {}
    for position, entry in enumerate(load("campaigns")["campaigns"]):
        code, title = entry["code"], entry["title"]
        campaign = seeding.get_or_create(
            Campaign,
            code,
            code=code,
            defaults={
                "kind": entry["kind"],
                "issuer": issuers[entry["issuer"]],
                "issued_on": day(entry["issued_on"]),
                "title": title,
                "summary": entry["summary"],
                "is_current": entry["is_current"],
                "continues": campaigns.get(entry["continues"]),
                "position": position,
            },
        )
        if seeding.made(Campaign, code) and seeding.with_files and entry["kind"] != Campaign.Kind.EMULATION:
            pdf = document_pdf(campaign.name, [title[i : i + 60] for i in range(0, min(len(title), 240), 60)])
            campaign.document.save(f"{campaign.slug}.pdf", ContentFile(pdf), save=True)
        campaigns[code] = campaign
    return campaigns


def _issuer_name(key: str) -> str:
    return next(entry["name"] for entry in load("campaigns")["issuers"] if entry["key"] == key)


def _theme_lookup(entry: dict) -> dict:
    """A theme's natural key: its campaign, first year, scope and issuer."""
    return {
        "campaign__code": entry["campaign"],
        "year_start": entry["year_start"],
        "scope": entry["scope"],
        "issuer__name": _issuer_name(entry["issuer"]),
    }


def seed_themes(seeding: Seeding, campaigns: dict[str, Campaign], issuers: dict[str, Issuer]) -> dict[str, Theme]:
    themes = {}
    for entry in load("campaigns")["themes"]:
        themes[entry["key"]] = seeding.get_or_create(
            Theme,
            entry["key"],
            campaign=campaigns[entry["campaign"]],
            year_start=entry["year_start"],
            scope=entry["scope"],
            issuer=issuers[entry["issuer"]],
            defaults={"year_end": entry["year_end"], "title": entry["title"], "guidance": entry["guidance"]},
        )
    return themes


def find_themes() -> dict[str, Theme]:
    """The demo's themes that exist, by key, without creating any (the emulation demo runs without them too)."""
    themes = {}
    for entry in load("campaigns")["themes"]:
        theme = Theme.objects.filter(**_theme_lookup(entry)).first()
        if theme is not None:
            themes[entry["key"]] = theme
    return themes


def find_document(number: str) -> Document | None:
    """The demo's document with this number (from either data file), by number and issuer, if it exists."""
    entries = load("campaigns")["documents"] + load("emulation")["documents"]
    issuer = next(entry["issuer"] for entry in entries if entry["number"] == number)
    return Document.objects.filter(number=number, issuer__name=_issuer_name(issuer)).first()


def seed_documents(seeding: Seeding, entries: list[dict], issuers: dict[str, Issuer], themes: dict[str, Theme]):
    """Documents by number and issuer; those this run creates get their campaign, theme and a one-page PDF."""
    campaigns = Campaign.objects.in_bulk([entry["campaign"] for entry in entries], field_name="code")
    for entry in entries:
        abstract = entry["abstract"]
        document = seeding.get_or_create(
            Document,
            entry["number"],
            number=entry["number"],
            issuer=issuers[entry["issuer"]],
            defaults={
                "kind": entry["kind"],
                "signer": entry["signer"],
                "issued_on": day(entry["issued_on"]),
                "effective_on": day(entry["effective_on"]),
                "abstract": abstract,
                "subject": entry.get("subject", ""),
                "campaign": campaigns.get(entry["campaign"]),
                "theme": themes.get(entry["theme"]),
            },
        )
        if seeding.made(Document, entry["number"]) and seeding.with_files:
            pdf = document_pdf(str(document), [abstract[i : i + 60] for i in range(0, min(len(abstract), 300), 60)])
            document.file.save(f"{document.slug}.pdf", ContentFile(pdf), save=True)
    _seed_statuses(seeding, entries, issuers)


def _seed_statuses(seeding: Seeding, entries: list[dict], issuers: dict[str, Issuer]) -> None:
    """Expired and replaced documents, once their replacements exist; only on the rows this run created."""
    for entry in entries:
        if "status" not in entry or not seeding.made(Document, entry["number"]):
            continue
        replacement = None
        if entry.get("replaced_by"):
            replacement = Document.objects.get(number=entry["replaced_by"], issuer=issuers[entry["issuer"]])
        Document.objects.filter(number=entry["number"], issuer=issuers[entry["issuer"]]).update(
            status=entry["status"], replaced_by=replacement
        )


def seed(seeding: Seeding) -> dict:
    """The campaign side of the demo; returns the rows the articles link to, by key."""
    issuers = seed_issuers(seeding)
    campaigns = seed_campaigns(seeding, issuers)
    themes = seed_themes(seeding, campaigns, issuers)
    seed_documents(seeding, load("campaigns")["documents"], issuers, themes)
    return {"campaigns": campaigns, "themes": themes}
