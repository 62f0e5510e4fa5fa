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
