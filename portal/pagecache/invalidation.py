"""Any change to the content makes every cached page stale: no wiring per app, so apps added later are covered.

A save, a deletion or a many-to-many change of any model bumps the generation (store.py), except for the models that
hold no content a reader sees (`IGNORED`, plus an optional list PAGE_CACHE_IGNORED_MODELS in settings.py):
counters, visitors, sessions, logs; and except for a row made or deleted while its model's ``shown_to_readers()``
says no reader sees it (a reader's comment waiting for moderation: readers' submissions must not empty the cache).
Bulk writes (`QuerySet.update`, `bulk_create`, raw SQL) send no signal: during a staff member's request that is not
a read (a POST: the admin's bulk actions), `ContentWriteWatcher` sees each UPDATE, INSERT or DELETE on a content
table and the generation is bumped after it (middleware.py). Readers' POSTs write through ``save()``. Code that
changes content with bulk writes outside a request (a command) must call `store.bump_generation()` itself.

The bump is made at once and again when the transaction commits: a page rendered between the two from the data of
before the commit is thereby not kept.
"""

import re

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .store import bump_generation

# App labels, or "app_label.modelname", whose rows no cached page shows.
IGNORED = frozenset(
    {
        "sessions",
        "admin",  # the admin's LogEntry
        "contenttypes",
        "axes",
        "accounts",  # the audit log
        # Staff's second factor: each code checked saves the device (throttle, last code used); no page shows it.
        "otp_totp",
        "otp_static",
        "visitors",  # site visits, who is online, identity budgets
        # Views: counted outside the page cache and filled in after it; daily figures feed "Xem nhiều nhất",
        # which has its own cache. Not ViewFlush: a flush moves pending views into the stored count that cached
        # article pages add the pending ones to, so it must refresh them.
        "viewcounts.articledailyviews",
        "viewcounts.articleviewmark",
        "viewcounts.deferredview",
        # Votes show only on the poll's own page, which is never cached: a vote must not empty the cache.
        "polls.pollvote",
        "news.articlerevision",  # the admin's history; the article's own save bumps
        "news.articlelock",  # who is editing an article, renewed while they edit
        "news.articleautosave",  # the text being typed, every 30 s
        # Derived beside the articles: the monthly counts change only with an article's save (which bumps), and a
        # related-news list recomputed in the background shows on the article's cached page within its lifetime
        # (readers' visits trigger those recomputations: they must not empty the whole cache).
        "news.monthlycount",
        "news.storedrelated",
        "news.sitemappage",  # the stored sitemap pages, written on a crawler's request
        "news.articlenote",  # editorial notes: the admin's only
        "notifications",  # staff's inbox and e-mail choices
        "django_tasks_database",  # the background tasks' queue (notification e-mails)
        # What readers send that no page shows (a contact message, a comment on an award proposal, the consent
        # stored with any submission, the personal-data log): a reader's form must not empty the cache.
        "contact",
        "campaigns.proposalcomment",
        "privacy.consent",
        # Satisfaction ratings show only in the answer to the rating's own POST and in the admin.
        "ratings.rating",
        "privacy.personaldatalog",
    }
)


_content_tables: set[str] = set()
_WRITE = re.compile(r'\s*(?:UPDATE|INSERT\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)"?', re.I)


def is_ignored(model) -> bool:
    meta = model._meta
    extra = {label.lower() for label in getattr(settings, "PAGE_CACHE_IGNORED_MODELS", ())}
    names = {meta.app_label, meta.label_lower}
    return bool(names & (IGNORED | extra))


def _bump_after_commit() -> None:
    bump_generation()


def content_changed(*, using: str | None = None) -> None:
    """Bump now, and once more when the current transaction commits (once per transaction, however many saves)."""
    bump_generation()
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return
    # Django drops the callbacks of a rolled back transaction or savepoint, so this never gets stuck.
    if any(callback is _bump_after_commit for _sids, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_bump_after_commit, using=using)


def _hidden_from_readers(instance) -> bool:
    """Whether the row is one no reader sees: a model says so with ``shown_to_readers()`` (a comment waiting for
    moderation, a question not yet answered and published)."""
    shown = getattr(instance, "shown_to_readers", None)
    return callable(shown) and not shown()


def _saved_or_deleted(sender, instance=None, created=None, using=None, **kwargs):
    # A hidden row made or removed changes no page; a hidden row *updated* may have been shown before the update.
    if created is not False and instance is not None and _hidden_from_readers(instance):
        return
    content_changed(using=using)


def _links_changed(sender, action, using=None, **kwargs):
    if action.startswith("post_"):
        content_changed(using=using)


def connect() -> None:
    """Listen to each model that is not ignored, by name: a receiver for every model would also keep Django from
    deleting the ignored ones in bulk (a queryset's delete() fetches the rows one by one when anyone listens)."""
    for model in apps.get_models(include_auto_created=True):
        if is_ignored(model):
            continue
        _content_tables.add(model._meta.db_table.lower())
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"{uid}-delete")
        # m2m_changed comes with the link table as sender (automatic or a model of its own, such as taggit's).
        m2m_changed.connect(_links_changed, sender=model, dispatch_uid=f"{uid}-m2m")


def writes_content(sql: str) -> bool:
    match = _WRITE.match(sql)
    return match is not None and match.group(1).lower() in _content_tables


class ContentWriteWatcher:
    """A database execute wrapper noting whether a statement wrote to a table whose rows pages show."""

    def __init__(self):
        self.changed = False

    def __call__(self, execute, sql, params, many, context):
        if not self.changed and writes_content(sql):
            self.changed = True
        return execute(sql, params, many, context)
