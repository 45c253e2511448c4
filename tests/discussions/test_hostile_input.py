"""Whatever people type is stored as typed and rendered inert."""

import re

import pytest

from discussions.markup import render
from discussions.models import CommentDetails

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](jav&#x61;script:alert(1))",
    "[clic](&#106;avascript:alert(1))",
    "[clic](java\tscript:alert(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[clic](vbscript:msgbox(1))",
    '<svg onload=alert(1)><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '"><img src=x onerror=alert(1)>',
    '[x](https://ok.example/"onmouseover="alert(1))',
    "https://ok.example/<script>alert(1)</script>",
    "**<b onclick=alert(1)>gras</b>**",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<object data=javascript:alert(1)></object>",
    "@<script>alert(1)</script>",
]

DANGEROUS = re.compile(
    r"<(script|img|svg|math|iframe|object|style|body|div|b |noscript)"
    r"|\son\w+\s*=|javascript:|vbscript:|data:|xlink",
    re.I,
)


def _tags_and_attributes(html: str) -> str:
    """The markup only (tags with attributes), not the escaped text between them."""
    return " ".join(re.findall(r"<[^>]*>", html))


@pytest.mark.parametrize("text", HOSTILE)
def test_rendered_markup_has_no_active_content(text):
    html = render(text)
    assert not DANGEROUS.search(_tags_and_attributes(html)), html
    for href in re.findall(r'href="([^"]*)"', _tags_and_attributes(html)):
        assert href.startswith(("http://", "https://", "mailto:")), href


@pytest.mark.django_db
def test_hostile_comments_are_stored_as_typed_and_shown_escaped(
    client, forum, member, say
):
    for text in HOSTILE:
        say(member, forum, text)
    assert CommentDetails.objects.count() == len(HOSTILE)
    stored = {
        c.comment.comment for c in CommentDetails.objects.select_related("comment")
    }
    assert stored == set(HOSTILE)
    html = client.get(forum.url).content.decode()
    thread = html[html.index('id="discussion"') :]
    assert "<script>alert" not in thread
    markup = _tags_and_attributes(thread)
    assert "onerror=" not in markup and "onload=" not in markup
    assert 'href="javascript' not in markup.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in thread


def test_allowed_subset_renders_with_safe_links():
    html = render(
        "Voir **ceci** et *cela* : [guide](https://who.int/fr)\n\n- un\n- deux\n\n"
        "écrire à [nous](mailto:eq@example.org) ou https://example.org/a?b=1"
    )
    assert "<strong>ceci</strong>" in html and "<em>cela</em>" in html
    assert '<a href="https://who.int/fr" rel="nofollow ugc noopener">guide</a>' in html
    assert "<ul><li>un</li><li>deux</li></ul>" in html
    assert 'href="mailto:eq@example.org"' in html
    assert 'href="https://example.org/a?b=1&amp;b' not in html
    assert 'href="https://example.org/a?b=1"' in html


@pytest.mark.parametrize(
    ("typed", "href"),
    [
        ('voir https://example.org" pour', "https://example.org"),
        (
            "«\u00a0https://example.org/a?b=1&c=2\u00a0»",
            "https://example.org/a?b=1&amp;c=2",
        ),
        ("'https://example.org/x'", "https://example.org/x"),
        ("**https://example.org/gras**", "https://example.org/gras"),
        ('[lien](https://example.org/p") suite', None),
    ],
)
def test_links_are_found_in_the_typed_text_not_in_its_escaped_form(typed, href):
    html = render(typed)
    assert (
        "%22" not in html
        and "&amp;quot" not in html
        and "&quot;" not in html.split(">")[0]
    )
    hrefs = re.findall(r'href="([^"]*)"', html)
    if href is None:
        assert all('"' not in h and "%22" not in h for h in hrefs)
    else:
        assert hrefs == [href]


@pytest.mark.django_db
def test_direction_controls_are_removed_from_comments_and_names(
    client, forum, member, teammate, say
):
    member.first_name, member.last_name = "Aïcha\u202e", "\u2067Bio\u2069"
    member.save()
    member.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Aïcha", "Bio")
    comment = say(
        member, forum, "Pièce jointe : facture\u202egpj.exe", topic="\u202dSujet"
    )
    assert comment.comment == "Pièce jointe : facturegpj.exe"
    assert CommentDetails.objects.get(pk=comment.pk).topic == "Sujet"
    from discussions.services import flag_comment

    assert flag_comment(teammate, comment, "\u202eabus").reason == "abus"
    html = client.get(forum.url).content.decode()
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert control not in html
