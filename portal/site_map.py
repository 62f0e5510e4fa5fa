"""The site map for people ("Sơ đồ cổng"): every part of the portal as a tree of named links.

Pages other apps add (contact, questions, the privacy policy, the API...) join through ``SERVICE_PAGES``: each
entry names its page by URL names or paths, and the first that this portal serves is linked; a page whose app is
not installed is left out, so the list can name pages before they exist.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Theme
from news.models import Category


@dataclass
class Node:
    name: str
    url: str = ""
    children: list["Node"] = field(default_factory=list)


# (label, candidates): a candidate with a "/" is a path, otherwise a URL name.
SERVICE_PAGES = [
    (_("Liên hệ"), ["contact:contact", "contact:form", "/lien-he/"]),
    (_("Hỏi đáp, góp ý"), ["questions:list", "questions:ask", "/hoi-dap/"]),
    (_("Lịch công tác"), ["schedule:week"]),
    (_("Thăm dò ý kiến"), ["polls:list", "/tham-do-y-kien/"]),
    (_("Chính sách bảo vệ dữ liệu cá nhân"), ["privacy:policy", "/chinh-sach-bao-ve-du-lieu-ca-nhan/"]),
    (_("Dữ liệu mở (API)"), ["api:docs", "/api/", "/api/docs/", "/api/openapi.json"]),
    (_("Sơ đồ trang cho máy tìm kiếm (sitemap.xml)"), ["sitemap"]),
]

EMULATION_SECTIONS = [
    (_("Mô hình hay, cách làm sáng tạo"), "campaigns:goodmodel-list"),
    (_("Gương điển hình tiên tiến"), "campaigns:exemplar-list"),
    (_("Khen thưởng"), "campaigns:award-list"),
    (_("Hội thi, sơ kết, tổng kết"), "campaigns:contest-list"),
]


def first_served(candidates) -> str:
    """The address of the first candidate this portal serves, or "" when none is."""
    for candidate in candidates:
        if "/" in candidate:
            try:
                resolve(candidate)
            except Resolver404:
                continue
            return candidate
        try:
            return reverse(candidate)
        except NoReverseMatch:
            continue
    return ""


def _category_nodes() -> list[Node]:
    categories = list(Category.objects.order_by("position", "name"))
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)

    def node(category, depth=0) -> Node:
        below = children.get(category.pk, []) if depth < 5 else []
        return Node(category.name, category.get_absolute_url(), [node(c, depth + 1) for c in below])

    return [node(c) for c in children.get(None, [])]


def _campaign_nodes() -> list[Node]:
    themes = Prefetch("themes", queryset=Theme.objects.select_related("campaign"))
    return [
        Node(
            f"{campaign.name}: {campaign.title}",
            campaign.get_absolute_url(),
            [Node(f"{theme.years_label}: {theme.title}", theme.get_absolute_url()) for theme in campaign.themes.all()],
        )
        for campaign in Campaign.objects.prefetch_related(themes)
    ]


def _introduction_node() -> Node:
    intro = first_served(["about:introduction"])
    if not intro:
        return Node("")
    return Node(
        _("Giới thiệu"),
        intro,
        [
            Node(_("Chức năng, nhiệm vụ"), intro + "#chuc-nang-nhiem-vu"),
            Node(_("Lịch sử hình thành và phát triển"), intro + "#lich-su"),
            Node(_("Cơ cấu tổ chức"), intro + "#co-cau-to-chuc"),
            Node(_("Lãnh đạo"), intro + "#lanh-dao"),
        ],
    )


def site_map() -> list[Node]:
    """The whole tree, in the main menu's order: three queries (categories, campaigns, their themes)."""
    nodes = [
        Node(_("Trang chủ"), reverse("home")),
        _introduction_node(),
        Node(_("Chuyên mục tin bài"), "", _category_nodes()),
        Node(
            _("Chương trình, phong trào"),
            reverse("campaigns:campaign-list"),
            [
                *_campaign_nodes(),
                Node(
                    _("Phong trào thi đua"),
                    "",
                    [Node(name, reverse(url_name)) for name, url_name in EMULATION_SECTIONS],
                ),
            ],
        ),
        Node(_("Tra cứu văn bản"), reverse("campaigns:document-list")),
        Node(
            _("Tin tức"),
            "",
            [
                Node(_("Tin mới"), reverse("news:latest")),
                Node(_("Lưu trữ theo tháng"), reverse("news:archive")),
                Node(_("Tìm kiếm"), reverse("news:search")),
                Node(_("Tin mới qua RSS"), reverse("news:feed-rss")),
                Node(_("Tin mới qua Atom"), reverse("news:feed-atom")),
            ],
        ),
        Node(
            _("Dịch vụ, tiện ích"),
            "",
            [Node(name, url) for name, candidates in SERVICE_PAGES if (url := first_served(candidates))],
        ),
    ]
    return [node for node in nodes if node.name]
