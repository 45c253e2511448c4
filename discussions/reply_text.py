"""The new text of an e-mailed reply: its body, without quoted history or signature.

The body is the first text/plain part that is not an attachment, else the HTML part
turned into text (quoted blocks dropped: Gmail's ``gmail_quote``, Outlook's
``divRplyFwdMsg``, Apple's and Thunderbird's ``<blockquote type="cite">``).
Quoted history is cut with mail-parser-reply (maintained, knows the French and
English headers of Gmail, Outlook and Apple Mail: "Le … a écrit :", "On … wrote:",
"-----Original Message-----", "De : … Envoyé : …"); what it leaves is then trimmed
here of "> " lines, a "-- " signature and phones' "Sent from my …" lines.
"""

import re
from email.message import EmailMessage, Message
from html.parser import HTMLParser

from mailparser_reply import EmailReplyParser

LANGUAGES = ["fr", "en"]
_QUOTE_LINE = re.compile(r"^\s*>")
# What the library misses: a reply header on the very first line (nothing written).
_REPLY_HEADER = re.compile(r"^\s*(on|le)\b.{0,300}\b(wrote|a écrit)\s*:\s*$", re.I)
_SIGNATURE_START = re.compile(r"^(--|__+|—)\s*$")
_SENT_FROM = re.compile(
    r"^\s*(sent from my\b|sent from (outlook|mail|yahoo)|get outlook for\b"
    r"|envoyé (de|depuis) (mon|l'application|outlook|yahoo)\b"
    r"|téléchargez outlook\b|obtenir outlook\b)",
    re.I,
)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"}
_DROPPED_IDS = {
    "divrplyfwdmsg",
    "appendonsend",
    "mail-editor-reference-message-container",
}
_DROPPED_CLASSES = {"gmail_quote", "gmail_signature", "moz-cite-prefix", "yahoo_quoted"}


class _HtmlText(HTMLParser):
    """HTML → text, leaving out quoted blocks and everything after Outlook's
    reply header (its quoted history is not nested, it follows)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._stopped = False
        self._stack: list[bool] = []

    def _dropped(self, tag, attrs) -> bool:
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").lower().split())
        return (
            (tag == "blockquote" and (attrs.get("type") or "").lower() == "cite")
            or bool(classes & _DROPPED_CLASSES)
            or (attrs.get("id") or "").lower() in _DROPPED_IDS
        )

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "hr", "img", "meta", "link", "input"):
            if tag == "br":
                self.parts.append("\n")
            if tag == "hr" and not self._skip_depth:
                self.parts.append("\n\n")
            return
        dropped = self._dropped(tag, attrs) or tag in ("style", "script", "head")
        if dropped and dict(attrs).get("id", "").lower() == "divrplyfwdmsg":
            self._stopped = True
        self._stack.append(dropped)
        if dropped:
            self._skip_depth += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("br", "hr", "img", "meta", "link", "input") or not self._stack:
            return
        if self._stack.pop():
            self._skip_depth -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip_depth and not self._stopped:
            self.parts.append(data)

    def text(self) -> str:
        text = "".join(self.parts).replace("\xa0", " ")
        return re.sub(r"\n[ \t]*\n(\s*\n)+", "\n\n", text).strip()


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def body_text(message: EmailMessage) -> str:
    """The message's text: its plain part, else its HTML as text; attachments
    (and forwarded messages) never count."""
    plain = html = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = _decoded(part)
        elif kind == "text/html" and html is None:
            html = _decoded(part)
    if plain is not None and plain.strip():
        return plain.replace("\r\n", "\n")
    return html_to_text(html) if html else ""


def strip_quoted(text: str) -> str:
    """The new part of a reply: quoted history, quotes and signatures cut."""
    text = text.replace("\r\n", "\n").replace("\xa0", " ").replace("\x00", "")
    parsed = EmailReplyParser(languages=LANGUAGES).parse_reply(text=text) or ""
    kept: list[str] = []
    for line in parsed.split("\n"):
        if any(
            rule.match(line) for rule in (_SIGNATURE_START, _SENT_FROM, _REPLY_HEADER)
        ):
            break
        if _QUOTE_LINE.match(line):
            continue
        kept.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def reply_text(message: EmailMessage) -> str:
    return strip_quoted(body_text(message))
