"""The site-visit counters' rows: visits per day, who was already counted today, when each visitor was last seen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteVisitDay(models.Model):
    """How many distinct visitors came on one day."""

    day = models.DateField(_("ngày"), unique=True)
    visits = models.PositiveBigIntegerField(_("lượt truy cập"), default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("lượt truy cập trong ngày")
        verbose_name_plural = _("lượt truy cập theo ngày")
        db_table = "portal_sitevisitday"  # the table it had in the portal app

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.visits}"


class SiteVisitMark(models.Model):
    """A visitor already counted on a day; rows of past days are pruned by `flush_views`."""

    day = models.DateField()
    visitor = models.CharField(max_length=32)

    class Meta:
        db_table = "portal_sitevisitmark"
        constraints = [models.UniqueConstraint(fields=["day", "visitor"], name="site_visit_mark_unique")]

    def __str__(self):
        return f"{self.day} {self.visitor}"


class OnlineVisitor(models.Model):
    """When a visitor was last seen."""

    visitor = models.CharField(max_length=32, unique=True)
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "portal_onlinevisitor"

    def __str__(self):
        return self.visitor


class AddressBudget(models.Model):
    """How many new identities (or votes in one poll) one client address used in one window.

    The database's copy of a budget kept in the cache (see `budget`): written only while the cache does not answer,
    and pruned by `flush_views` once its window is over.
    """

    scope = models.CharField(_("loại"), max_length=40)
    address = models.CharField(_("địa chỉ IP"), max_length=45)
    window_start = models.BigIntegerField(_("đầu khung thời gian"))
    used = models.PositiveIntegerField(_("đã dùng"), default=0)

    class Meta:
        verbose_name = _("hạn mức theo địa chỉ")
        verbose_name_plural = _("hạn mức theo địa chỉ")
        default_permissions = ()  # internal bookkeeping: not in the admin, nobody's to edit
        constraints = [
            models.UniqueConstraint(fields=["scope", "address", "window_start"], name="address_budget_unique")
        ]

    def __str__(self):
        return f"{self.scope} {self.address}: {self.used}"


class SiteVisitFlush(models.Model):
    """One batch of visits moved from Redis to `SiteVisitDay` (visit_buffer.py): written in the batch's transaction,
    so a batch is never applied twice."""

    flush_id = models.CharField(max_length=32, unique=True)
    visits = models.PositiveIntegerField()
    flushed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()  # a ledger, never edited by a person

    def __str__(self):
        return f"{self.flush_id}: {self.visits}"
