"""Publishing a policy version; finding, exporting and erasing everything the portal holds on one e-mail address."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import Consent, PersonalDataLog, PrivacyPolicy, email_digest, normalise_email
from .registry import sources


@transaction.atomic
def publish_policy(*, policy: PrivacyPolicy) -> PrivacyPolicy:
    """Give a draft the next version number and today's date; a published version stays as it was."""
    if policy.is_published:
        return policy
    latest = PrivacyPolicy.objects.aggregate(latest=Max("version"))["latest"] or 0
    policy.version = latest + 1
    policy.published_at = timezone.now()
    policy.save()
    return policy


def _consent_rows(email: str) -> list[dict]:
    return [
        {
            "muc_dich": consent.purpose_text,
            "ma_muc_dich": consent.purpose,
            "phien_ban_chinh_sach": consent.policy.version,
            "thoi_diem": timezone.localtime(consent.given_at).isoformat(),
            "kem_theo": f"{consent.content_type.app_label}.{consent.content_type.model}#{consent.object_id}",
        }
        for consent in Consent.objects.of_email(email).select_related("policy", "content_type")
    ]


def _log(*, action: str, email: str, counts: dict, by, via: str) -> PersonalDataLog:
    return PersonalDataLog.objects.create(
        action=action,
        email_digest=email_digest(email),
        counts=counts,
        done_by=by if getattr(by, "pk", None) else None,
        done_by_label=via[:200],
    )


def export_personal_data(*, email: str, by=None, via: str = "") -> dict:
    """Everything held on ``email``, by kind (JSON-ready), and a log line saying who asked and when."""
    email = normalise_email(email)
    data = {source.key: source.export(email) for source in sources()}
    data["consents"] = _consent_rows(email)
    _log(
        action=PersonalDataLog.Action.EXPORT,
        email=email,
        counts={key: len(rows) for key, rows in data.items()},
        by=by,
        via=via,
    )
    return {"email": email, "exported_at": timezone.localtime().isoformat(), "data": data}


@transaction.atomic
def erase_personal_data(*, email: str, by=None, via: str = "") -> PersonalDataLog:
    """Delete or anonymise every row on ``email`` (each app decides which), then its consents; log it.

    All or nothing (one transaction); files are removed by each app after the commit. Running it again finds
    nothing and logs zeros.
    """
    email = normalise_email(email)
    counts = {source.key: source.erase(email) for source in sources()}
    counts["consents"] = Consent.objects.of_email(email).delete()[0]
    return _log(action=PersonalDataLog.Action.ERASE, email=email, counts=counts, by=by, via=via)


def source_labels() -> dict[str, str]:
    return {**{source.key: str(source.label) for source in sources()}, "consents": "Sự đồng ý"}
