"""What the form says it rates: the page's address and title (and its article), signed by the page that shows it.

The same signed value for every reader of a page (no timestamp, nothing about the reader), so a cached page serves
everyone; a value the portal did not sign is refused, so a client cannot rate an address that shows no form.
"""

from dataclasses import dataclass

from django.core import signing

SALT = "portal.ratings.target"


@dataclass(frozen=True)
class Target:
    page: str
    title: str
    article_id: int | None = None


def sign_target(target: Target) -> str:
    return signing.Signer(salt=SALT).sign_object([target.page, target.title[:300], target.article_id])


def read_target(value: str) -> Target | None:
    """The target a form carried, or None if it is not one the portal signed."""
    try:
        page, title, article_id = signing.Signer(salt=SALT).unsign_object(value or "")
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Target(page=str(page)[:300], title=str(title)[:300], article_id=article_id)
