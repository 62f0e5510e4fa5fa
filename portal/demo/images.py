"""Generated pictures for the demo content: covers and a one-page PDF, drawn with Pillow (no downloads)."""

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

_FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]

_PALETTES = [
    ((179, 18, 27), (245, 197, 66)),
    ((20, 90, 140), (140, 200, 230)),
    ((30, 110, 60), (200, 230, 160)),
    ((120, 40, 90), (240, 180, 120)),
    ((60, 60, 110), (230, 200, 150)),
    ((160, 70, 20), (250, 220, 140)),
]


def _font(size: int):
    for path in _FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def cover_jpeg(seed: int, width: int = 960, height: int = 600) -> bytes:
    """A landscape-like picture: sky gradient, sun, hills and a row of buildings, varied by ``seed``."""
    rng = random.Random(seed)
    dark, light = _PALETTES[seed % len(_PALETTES)]
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)], fill=tuple(int(light[i] * (1 - t) + dark[i] * t * 0.6 + 40 * t) for i in range(3))
        )
    sun_x, sun_r = rng.randint(100, width - 100), rng.randint(40, 80)
    draw.ellipse([sun_x - sun_r, 90 - sun_r, sun_x + sun_r, 90 + sun_r], fill=(255, 236, 170))
    for layer in range(3):
        base = int(height * (0.55 + 0.12 * layer))
        shade = tuple(max(0, int(c * (0.55 + 0.15 * layer))) for c in dark)
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base - rng.randint(0, 60)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    x = rng.randint(40, 200)
    while x < width - 60:
        w, h = rng.randint(40, 90), rng.randint(60, 180)
        draw.rectangle([x, height - 40 - h, x + w, height - 40], fill=(245, 240, 230))
        for wy in range(height - 30 - h, height - 50, 22):
            for wx in range(x + 8, x + w - 10, 16):
                draw.rectangle([wx, wy, wx + 7, wy + 10], fill=dark)
        x += w + rng.randint(20, 120)
    draw.rectangle([0, height - 40, width, height], fill=(90, 90, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=78, optimize=True)
    return buffer.getvalue()


def document_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title and a few lines of text."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 140), title, fill=(140, 10, 20), font=_font(44))
    y = 260
    for line in lines:
        draw.text((120, y), line, fill=(20, 20, 20), font=_font(30))
        y += 52
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


def banner_png(title: str, color: tuple[int, int, int]) -> bytes:
    """A 600×160 banner: the title in capitals, wrapped inside a gold frame."""
    image = Image.new("RGB", (600, 160), color)
    draw = ImageDraw.Draw(image)
    draw.rectangle([8, 8, 591, 151], outline=(245, 197, 66), width=4)
    font = _font(30)
    words, lines, line = title.upper().split(), [], ""
    for word in words:  # wrap by the drawn width, so a long title never runs past the frame
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > 540:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    for n, text in enumerate(lines[:3]):
        draw.text((300, 80 + (n - (len(lines[:3]) - 1) / 2) * 38), text, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def portrait_png(initial: str, seed: int) -> bytes:
    """A 300×400 placeholder portrait: a silhouette on a plain background with the person's initial."""
    background = _PALETTES[seed % len(_PALETTES)][1]
    image = Image.new("RGB", (300, 400), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse([95, 70, 205, 190], fill=(90, 70, 60))
    draw.rounded_rectangle([45, 210, 255, 420], radius=90, fill=(40, 50, 80))
    draw.polygon([(130, 210), (170, 210), (150, 280)], fill=(245, 245, 245))
    draw.text((150, 360), initial.upper(), fill=(245, 197, 66), font=_font(44), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
