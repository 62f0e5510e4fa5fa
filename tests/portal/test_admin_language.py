"""No English in the admin for a Vietnamese user: each role walks its admin pages looking for Django's words.

The English words looked for are every message of Django's admin, auth and form catalogues (their `en` .po
files, so a new Django brings its new words along), as they would read if left untranslated.
"""

import ast
import re
from contextlib import suppress
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import django
import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from portal.roles import ADMINISTRATOR, EDITOR, WRITER

pytestmark = pytest.mark.django_db

CATALOGUES = [
    "contrib/admin/locale/en/LC_MESSAGES/django.po",
    "contrib/admin/locale/en/LC_MESSAGES/djangojs.po",
    "contrib/auth/locale/en/LC_MESSAGES/django.po",
    "contrib/contenttypes/locale/en/LC_MESSAGES/django.po",
    "forms/../conf/locale/en/LC_MESSAGES/django.po",
]
# Words that read the same in Vietnamese, or that Django's catalogue holds but that are names, not words.
SAME_IN_VIETNAMESE = {"Email", "URL", "IPv4", "IPv6", "JSON", "Django"}
# Django names permissions in English when it creates them ("Can add …"): not in a catalogue, looked for too.
PERMISSION_NAMES = {"Can add", "Can change", "Can delete", "Can view"}
MESSAGE = re.compile(r'^msgid ((?:".*"\n)+)', re.MULTILINE)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}|<[^>]+>|[()]")


def _english_phrases() -> set[str]:
    """Each message's longest stretch of plain words (two words at least), e.g. "Please correct the error below."."""
    phrases = set()
    root = Path(django.__file__).parent
    for catalogue in CATALOGUES:
        for found in MESSAGE.finditer((root / catalogue).read_text()):
            text = "".join(ast.literal_eval(line) for line in found.group(1).splitlines())
            for piece in PLACEHOLDER.split(text):
                piece = piece.strip(" .:,…")
                if re.fullmatch(r"[A-Za-z’'\- ,.?!]+", piece) and len(piece.split()) >= 2:
                    phrases.add(piece)
    return (phrases - SAME_IN_VIETNAMESE) | PERMISSION_NAMES


ENGLISH = _english_phrases()


class _VisibleText(HTMLParser):
    """What a person reads on the page: text outside scripts and styles, and the labels of controls."""

    ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-title")

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        attributes = dict(attrs)
        self.parts += [attributes[name] or "" for name in self.ATTRIBUTES if name in attributes]
        if tag in ("input", "button") and attributes.get("type") in ("submit", "button"):
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def english_on(html: str) -> set[str]:
    reader = _VisibleText()
    reader.feed(html)
    text = " ".join(" ".join(reader.parts).split())
    return {phrase for phrase in ENGLISH if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)}


def _pages(user) -> list[str]:
    """The admin's index, each model's list, add form, a change form and its history, and the portal's pages."""
    pages = [reverse(name) for name in ("admin:index", "admin:password_change", "reports:statistics")]
    pages.append(reverse("reports:leadership"))
    request = SimpleNamespace(user=user)
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{prefix}_changelist"))
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"{prefix}_add"))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            pages += [reverse(f"{prefix}_{view}", args=[obj.pk]) for view in ("change", "history")]
            with suppress(NoReverseMatch):
                pages.append(reverse(f"{prefix}_revisions", args=[obj.pk]))
    return pages


@pytest.fixture
def demo():
    call_command("seed_demo", "--no-images", verbosity=0)


@pytest.mark.parametrize("role", [WRITER, EDITOR, ADMINISTRATOR])
def test_no_admin_page_shows_django_english(client, django_user_model, demo, role):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("vaitro", password="mat-khau-vai-tro", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    user = django_user_model.objects.get(pk=user.pk)  # permissions cached afresh
    client.force_login(user)
    found = {}
    for page in _pages(user):
        response = client.get(page, follow=True)
        assert response.status_code in (200, 403, 404), page
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            english = english_on(response.content.decode())
            if english:
                found[page] = sorted(english)
    assert found == {}


def test_the_walker_finds_english_where_there_is_some():
    assert "Please correct the error below" in english_on("<p class='errornote'>Please correct the error below.</p>")
    assert english_on("<button title='Toggle theme (current theme: auto)'></button>") >= {"Toggle theme"}
    assert english_on("<script>var s = 'Show counts';</script><p>Hiện số lượng</p>") == set()
