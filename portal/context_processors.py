from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.site import current_site

MENU_CACHE_KEY = "portal:menu"


def _menu():
    """Top-level categories with their children and the current campaigns, cached until one changes."""
    menu = cache.get(MENU_CACHE_KEY)
    if menu is None:
        from campaigns.models import Campaign
        from news.models import Category

        categories = list(Category.objects.in_menu().top_level().prefetch_related("children"))
        menu = {
            "categories": [
                {
                    "name": c.name,
                    "url": c.get_absolute_url(),
                    "children": [
                        {"name": child.name, "url": child.get_absolute_url()}
                        for child in c.children.all()
                        if child.show_in_menu
                    ],
                }
                for c in categories
            ],
            "campaigns": [{"name": c.name, "url": c.get_absolute_url()} for c in Campaign.objects.current()],
            "about": _about_menu(),
        }
        cache.set(MENU_CACHE_KEY, menu, 60 * 60)
    return menu


def _about_menu() -> dict:
    """ "Giới thiệu" and its parts, which the rules ask every agency portal to link from its menu."""
    url = reverse("about:introduction")
    return {
        "name": _("Giới thiệu"),
        "url": url,
        "children": [
            {"name": _("Chức năng, nhiệm vụ"), "url": url + "#chuc-nang-nhiem-vu"},
            {"name": _("Lịch sử hình thành và phát triển"), "url": url + "#lich-su"},
            {"name": _("Cơ cấu tổ chức"), "url": url + "#co-cau-to-chuc"},
            {"name": _("Lãnh đạo"), "url": url + "#lanh-dao"},
            {"name": _("Lịch công tác"), "url": reverse("schedule:week")},
        ],
    }


def site(request):
    from .site_parts.models import Slogan

    return {
        "SITE_NAME": current_site(request).name,
        "menu": _menu(),
        "slogans": Slogan.cached_texts(),
    }
