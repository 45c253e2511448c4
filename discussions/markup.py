"""Comment text → safe HTML: paragraphs, autolinked URLs and a tiny Markdown subset
(**bold**, *italic*, [links](https://…), "- " and "1. " lists, @mentions).

Links are found in the text as typed and escaped on their own, everything else
typed is escaped before the Markdown subset applies, so no raw HTML ever survives;
nh3 then cleans the result with an allow-list (belt and braces) and sets rel on
every link.
"""

import html
import re

import nh3

from portal.text import strip_bidi_controls

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "span"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "span": {"class"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

MENTION_RE = re.compile(r"(?<![\w@/.-])@([a-z0-9][a-z0-9_.-]*[a-z0-9_])", re.I)
# Links are found in the text as typed (not in its escaped form, where a quote is
# "&quot;" and would end up inside the address), then escaped on their own.
_LINK_RE = re.compile(r"\[([^\]\n]{1,200})\]\(((?:https?://|mailto:)[^\s()<>\"']+)\)")
_BARE_URL_RE = re.compile(r"(?<![\w/@])(https?://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]*])")
_BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC_RE = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_BULLET_RE = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBERED_RE = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_SLOT = "\x00%d\x00"
_SLOT_RE = re.compile("\x00(\\d+)\x00")


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _inline(raw: str) -> str:
    """One line as typed → HTML: links set aside, the rest escaped, then emphasis."""
    links: list[str] = []

    def keep(anchor: str) -> str:
        links.append(anchor)
        return _SLOT % (len(links) - 1)

    text = _LINK_RE.sub(
        lambda m: keep(f'<a href="{_escape(m.group(2))}">{_escape(m.group(1))}</a>'),
        raw,
    )
    text = _BARE_URL_RE.sub(
        lambda m: keep(f'<a href="{_escape(m.group(1))}">{_escape(m.group(1))}</a>'),
        text,
    )
    text = _escape(text)
    text = _BOLD_RE.sub(r"<strong>\1</strong>", text)
    text = _ITALIC_RE.sub(r"<em>\1</em>", text)
    text = MENTION_RE.sub(r'<span class="mention">@\1</span>', text)
    return _SLOT_RE.sub(lambda m: links[int(m.group(1))], text)


def _block(lines: list[str]) -> str:
    for pattern, tag in ((_BULLET_RE, "ul"), (_NUMBERED_RE, "ol")):
        matches = [pattern.match(line) for line in lines]
        if all(matches):
            items = "".join(f"<li>{_inline(m.group(1))}</li>" for m in matches)
            return f"<{tag}>{items}</{tag}>"
    return "<p>" + "<br>".join(_inline(line) for line in lines) + "</p>"


def render(text: str) -> str:
    text = strip_bidi_controls(text).replace("\r\n", "\n").replace("\x00", "")
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    rendered = "".join(_block(block.split("\n")) for block in blocks)
    return clean(rendered)


def clean(html_text: str) -> str:
    """HTML reduced to the comment allow-list (for rendering and for display)."""
    return nh3.clean(
        html_text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    )


def mentioned_names(text: str) -> set[str]:
    return {name.lower() for name in MENTION_RE.findall(text)}
