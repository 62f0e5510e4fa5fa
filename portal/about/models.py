"""The introduction page ("Giới thiệu"): functions and duties, history, the organisation chart and the leaders.

The organisation chart has its own ``OrgUnit`` rather than a parent on ``campaigns.Unit``: the emulation units are
a flat list of whom records are about (a good model's unit, an award's recipient, a filter), while the chart is a
tree that also holds bodies that never appear in the movement's records (Ban Chấp hành, Ban Thường vụ, Ủy ban
Kiểm tra) in the order the chart shows them. A chart box may point at its emulation unit, so the two stay linked
without either bending to the other's shape.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from news.sanitize import clean_html
from portal.uploads.pictures import PictureField


class IntroductionQuerySet(models.QuerySet):
    def current(self) -> "Introduction":
        """The one introduction; an empty, unsaved one before an administrator writes it."""
        return self.order_by("pk").first() or Introduction()


class Introduction(models.Model):
    """The texts of the introduction page. One row: the admin offers no second one."""

    summary = models.TextField(
        _("tóm tắt"),
        blank=True,
        max_length=500,
        help_text=_("Một đoạn ngắn về Đảng bộ: hiện ở đầu trang và làm mô tả cho công cụ tìm kiếm."),
    )
    functions = CKEditor5Field(_("chức năng, nhiệm vụ"), config_name="default", blank=True)
    history = CKEditor5Field(_("lịch sử hình thành và phát triển"), config_name="default", blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = IntroductionQuerySet.as_manager()

    class Meta:
        verbose_name = _("nội dung giới thiệu")
        verbose_name_plural = _("nội dung giới thiệu")

    def __str__(self):
        return str(_("Trang giới thiệu"))

    def save(self, *args, **kwargs):
        self.functions = clean_html(self.functions)
        self.history = clean_html(self.history)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("about:introduction")


class OrgUnitQuerySet(models.QuerySet):
    def tree(self) -> list["OrgUnit"]:
        """The chart's top boxes, each with ``children_list`` filled down the tree, in one query."""
        units = list(self.order_by("position", "name"))
        children: dict[int | None, list[OrgUnit]] = {}
        for unit in units:
            children.setdefault(unit.parent_id, []).append(unit)
        for unit in units:
            unit.children_list = children.get(unit.pk, [])
        return children.get(None, [])


class OrgUnit(models.Model):
    """A box of the organisation chart: a governing body, a Party cell, a division, a unit."""

    name = models.CharField(_("tên"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Để trống với cấp cao nhất của sơ đồ."),
    )
    description = models.TextField(_("chức năng, nhiệm vụ"), blank=True, max_length=1000)
    unit = models.ForeignKey(
        "campaigns.Unit",
        verbose_name=_("đơn vị trong phong trào thi đua"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Nếu có: trang giới thiệu dẫn tới mô hình hay, gương điển hình của đơn vị này."),
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("đơn vị trong cơ cấu tổ chức")
        verbose_name_plural = _("cơ cấu tổ chức")

    def __str__(self):
        return self.name

    def clean(self):
        # A box under itself or under one of its own descendants would take the whole branch off the chart.
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("Một đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class LeaderQuerySet(models.QuerySet):
    def serving(self):
        return self.filter(is_serving=True)


class Leader(models.Model):
    """A leader of the Party committee, shown on the introduction page and named in the work schedule."""

    name = models.CharField(_("họ và tên"), max_length=120)
    title = models.CharField(_("chức vụ"), max_length=200)
    duties = models.TextField(_("nhiệm vụ được phân công"), blank=True, max_length=2000)
    biography = models.TextField(_("tiểu sử tóm tắt"), blank=True, max_length=3000)
    photo = PictureField(_("ảnh"), upload_to="about/leaders/", blank=True)
    position = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước: thứ tự hiện trên trang giới thiệu.")
    )
    is_serving = models.BooleanField(_("đang đảm nhiệm"), default=True)

    objects = LeaderQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("lãnh đạo")
        verbose_name_plural = _("lãnh đạo")

    def __str__(self):
        return f"{self.name} ({self.title})"

    def get_absolute_url(self):
        return reverse("about:introduction") + f"#lanh-dao-{self.pk}"
