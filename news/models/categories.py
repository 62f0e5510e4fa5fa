"""Categories (chuyên mục) and tags with Vietnamese slugs."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase, TaggedItemBase

from portal.text import unique_slug, vietnamese_slugify


class CategoryQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def in_menu(self):
        return self.filter(show_in_menu=True)


class Category(models.Model):
    name = models.CharField(_("tên chuyên mục"), max_length=120)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, blank=True)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("chuyên mục cha")
    )
    description = models.TextField(_("mô tả"), blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    show_in_menu = models.BooleanField(_("hiện trên thanh menu"), default=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id and self.parent else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Category, self.name, max_length=120, instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})

    def family_ids(self) -> list[int]:
        """This category and its direct children: a parent's page lists its children's articles too."""
        return [self.pk, *self.children.values_list("pk", flat=True)]


class Tag(TagBase):
    """A tag with an ASCII slug made the Vietnamese way ("Đảng bộ" -> "dang-bo")."""

    class Meta:
        verbose_name = _("thẻ")
        verbose_name_plural = _("thẻ")

    def slugify(self, tag, i=None):
        slug = vietnamese_slugify(tag, max_length=90) or "the"
        return f"{slug}-{i}" if i is not None else slug

    def get_absolute_url(self):
        return reverse("news:tag", kwargs={"slug": self.slug})


class TaggedArticle(TaggedItemBase):
    tag = models.ForeignKey(Tag, models.CASCADE, related_name="tagged_articles")
    content_object = models.ForeignKey("Article", models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("thẻ của bài viết")
        verbose_name_plural = _("thẻ của bài viết")
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique")]
