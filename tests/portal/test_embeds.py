"""One allow-list of video players: the video block and the article body's cleaner embed the same hosts."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from news.sanitize import clean_html
from portal import embeds
from portal.embeds import EMBED_PREFIXES, embed_src

NOCOOKIE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", NOCOOKIE),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=30s", NOCOOKIE),
        ("https://youtu.be/dQw4w9WgXcQ", NOCOOKIE),
        ("  https://youtu.be/dQw4w9WgXcQ  ", NOCOOKIE),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", NOCOOKIE),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", NOCOOKIE),
        ("https://www.youtube.com/live/dQw4w9WgXcQ", NOCOOKIE),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", NOCOOKIE),
        ("HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ", NOCOOKIE),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://vimeo.com/76979871/8f3c1a2b9d", "https://player.vimeo.com/video/76979871?h=8f3c1a2b9d"),
        (
            "https://player.vimeo.com/video/76979871?h=8f3c1a2b9d",
            "https://player.vimeo.com/video/76979871?h=8f3c1a2b9d",
        ),
    ],
)
def test_pages_of_allowed_players_become_their_embed_page(url, expected):
    assert embed_src(url) == expected
    assert expected.startswith(EMBED_PREFIXES)
    assert embed_src(expected) == expected  # an embed page stays what it is: cleaning twice changes nothing


@pytest.mark.parametrize(
    "url",
    [
        "",
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",  # not encrypted
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/?u=https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://user@www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com:abc/watch?v=dQw4w9WgXcQ",
        "https://[www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/embed/../../evil",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D",
        "javascript:alert(1)//youtube.com",
        'https://www.youtube.com/watch?v=x"><script>',
        "https://vimeo.com/channels/staffpicks",
        "https://player.vimeo.com/video/../evil",
    ],
)
def test_anything_else_is_refused(url):
    assert embed_src(url) is None


@pytest.mark.parametrize(
    "src", ["https://www.youtube.com/embed/dQw4w9WgXcQ", "https://player.vimeo.com/video/76979871"]
)
def test_the_article_body_keeps_what_the_video_block_embeds(src):
    assert f'<iframe src="{embed_src(src)}"></iframe>' == clean_html(f'<iframe src="{src}"></iframe>')


def test_no_second_allow_list_is_left():
    assert not hasattr(settings, "VIDEO_EMBED_HOSTS")


def test_the_module_imports_no_code_of_the_project():
    tree = ast.parse(Path(embeds.__file__).read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in ([alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""])
    }
    assert imported <= {"re", "urllib"}
