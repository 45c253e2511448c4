"""Focus rings keep 3:1 against the colour around them (WCAG 1.4.11, issue #16): the
ring in the green header was #b34700 on #0b6e4f, 1.14:1."""

import re
from pathlib import Path

from django.conf import settings

CSS = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()


def custom_properties() -> dict[str, str]:
    root = re.search(r":root\s*\{(.*?)\}", CSS, re.S).group(1)
    root = re.sub(r"/\*.*?\*/", "", root, flags=re.S)
    return dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", root))


def colour(value: str) -> str:
    properties = custom_properties()
    while (match := re.fullmatch(r"var\((--[\w-]+)\)", value.strip())) is not None:
        value = properties[match.group(1)]
    return value.strip()


def rule(selector: str) -> str:
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert match, selector
    return match.group(1)


def outline_colour(declarations: str) -> str:
    match = re.search(r"outline(?:-color)?\s*:\s*([^;]+)", declarations)
    return colour(match.group(1).split()[-1])


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_focus_ring_in_the_green_header_has_3_to_1_contrast():
    header_background = colour(
        re.search(r"background:\s*([^;]+)", rule(".site-header ")).group(1)
    )
    ring = outline_colour(rule(".site-header :focus-visible"))
    assert header_background == "#0b6e4f"
    assert contrast(ring, header_background) >= 3


def test_focus_ring_on_the_page_has_3_to_1_contrast():
    ring = outline_colour(rule("summary:focus-visible"))
    for background in (colour("var(--paper)"), colour("var(--wash)")):
        assert contrast(ring, background) >= 3, background
