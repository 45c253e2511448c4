"""Hostile text for every input that is shown back, and a check that it stays text.

Each payload, if the browser ever interpreted it as markup or script, sets
`window.__xss = 1` or opens a dialog. `assert_inert(page, url)` loads a page in Chromium
and fails on a dialog, on `window.__xss`, on an element our templates never produce
(event-handler attributes, stray scripts, frames, `javascript:` links) or on a CSP
violation (which means our markup was interpreted, even if the policy then blocked it).

Reuse it for any new surface in three lines::

    for payload in HOSTILE_PAYLOADS:
        comment = CommentFactory(comment=payload.text, ...)
        assert_inert(page, f"{live_server.url}{cycle.url}", payload)

Run it on a page from `unprotected_page` (a context with the CSP switched off) to prove
that escaping alone keeps the payload inert, and on a normal `page` to prove the CSP
would catch what escaping missed.
"""

from dataclasses import dataclass

XSS = "window.__xss=1"


@dataclass(frozen=True)
class Payload:
    name: str
    text: str

    def for_field(self, max_length: int) -> str:
        """The payload as a model field can hold it (PostgreSQL refuses NUL)."""
        return self.text.replace("\x00", "")[:max_length]


HOSTILE_PAYLOADS = [
    Payload("script-tag", f"<script>{XSS}</script>"),
    Payload("script-upper", f"<SCRIPT>{XSS}</SCRIPT>"),
    Payload("script-src-data", f'<script src="data:text/javascript,{XSS}"></script>'),
    Payload("img-onerror", f"<img src=x onerror={XSS}>"),
    Payload("img-onerror-quoted", f'<img src="x" onerror="{XSS}">'),
    Payload("svg-onload", f"<svg onload={XSS}>"),
    Payload("svg-script", f"<svg><script>{XSS}</script></svg>"),
    Payload(
        "mathml-href",
        f'<math><maction actiontype="statusline" href="javascript:{XSS}">x</maction></math>',
    ),
    Payload("body-onload", f"<body onload={XSS}>"),
    Payload("details-ontoggle", f"<details open ontoggle={XSS}>"),
    Payload("autofocus-onfocus", f"<input autofocus onfocus={XSS}>"),
    Payload(
        "iframe-srcdoc", f'<iframe srcdoc="<script>parent.{XSS}</script>"></iframe>'
    ),
    Payload("javascript-link", f'<a href="javascript:{XSS}">click</a>'),
    Payload("javascript-link-case", f'<a href="JaVaScRiPt:{XSS}">click</a>'),
    Payload(
        "javascript-link-entities",
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'
        'window.__xss=1">click</a>',
    ),
    Payload("javascript-link-tab", f'<a href="java\tscript:{XSS}">click</a>'),
    Payload("attribute-break-double", f'"><img src=x onerror={XSS}>'),
    Payload("attribute-break-single", f"'><img src=x onerror={XSS}>"),
    Payload("attribute-injection", f'" autofocus onfocus="{XSS}" x="'),
    Payload("title-break", f"</title><script>{XSS}</script>"),
    Payload("textarea-break", f"</textarea><script>{XSS}</script>"),
    Payload("style-break", f"</style><script>{XSS}</script>"),
    Payload("css-expression", f'<div style="width:expression({XSS})">x</div>'),
    Payload(
        "css-import",
        f"<style>@import 'javascript:{XSS}';</style><b onclick={XSS}>x</b>",
    ),
    Payload("django-variable", "{{ request.META }}{% debug %}<b>tpl</b>"),
    Payload(
        "template-literal", f"${{{XSS}}}{{{{constructor.constructor('{XSS}')()}}}}"
    ),
    Payload("script-in-comment-break", f"--><script>{XSS}</script><!--"),
    Payload("json-break", f"</script><script>{XSS}</script>"),
    Payload("nul-char", f"<scr\x00ipt>{XSS}</scr\x00ipt><img src=x onerror={XSS}>"),
    Payload("rtl-override", f"\u202egnp.exe<img src=x onerror={XSS}>\u202c"),
    Payload(
        "meta-refresh", f'<meta http-equiv="refresh" content="0;url=javascript:{XSS}">'
    ),
    Payload("base-href", '<base href="https://evil.example/">'),
    Payload("object-data", f'<object data="javascript:{XSS}"></object>'),
    Payload(
        "form-action", f'<form action="javascript:{XSS}"><button>go</button></form>'
    ),
    Payload(
        "polyglot",
        "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//"
        "</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
    ),
    Payload("very-long", "Accueil " * 600 + f"<img src=x onerror={XSS}>"),
    Payload("unicode-escapes", f"\\u003cscript\\u003e{XSS}\\u003c/script\\u003e"),
]

# Elements and attributes our templates never produce: finding one means a payload
# became markup, whether or not the browser ran it.
INJECTED_MARKUP_SELECTOR = ", ".join(
    [
        "[onerror]",
        "[onload]",
        "[onclick]",
        "[onfocus]",
        "[ontoggle]",
        "[onmouseover]",
        # json_script data islands never run (and the CSP does not govern them).
        "script:not([nonce]):not([src]):not([type='application/json'])",
        "iframe",
        "object",
        "embed",
        "base",
        "meta[http-equiv]",
        "math",
        "svg script",
        "a[href^='javascript' i]",
        "form[action^='javascript' i]",
        "[style*='expression' i]",
    ]
)

# Links and forms whose resolved URL runs script (catches tabs and entities too).
JAVASCRIPT_URLS = """
[...document.querySelectorAll("a[href], area[href], form[action]")]
  .filter((node) => String(node.href || node.action).toLowerCase()
    .startsWith("javascript:"))
  .map((node) => node.outerHTML)
"""

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def assert_inert(page, url: str, payload: Payload | None = None, *, post=None) -> None:
    """Load `url` (or run `post(page)` to reach it) and fail if anything ran or parsed.

    `post`, when given, is a function that drives the page (e.g. submits a form) after
    `url` has loaded; the checks apply to the page it leads to.
    """
    dialogs: list[str] = []
    csp_console: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(message):
        if "Content Security Policy" in message.text:
            csp_console.append(message.text)

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.add_init_script(RECORD_VIOLATIONS)
    try:
        response = page.goto(url)
        label = payload.name if payload else url
        assert response is None or response.status < 500, f"{label}: server error"
        if post is not None:
            post(page)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, f"{label}: script ran"
        assert dialogs == [], f"{label}: dialog opened {dialogs}"
        injected = page.eval_on_selector_all(
            INJECTED_MARKUP_SELECTOR, "nodes => nodes.map(n => n.outerHTML)"
        )
        injected += page.evaluate(JAVASCRIPT_URLS)
        assert injected == [], f"{label}: payload became markup {injected}"
        violations = page.evaluate("window.__cspViolations || []")
        assert violations == [] and csp_console == [], (
            f"{label}: CSP violations {violations} {csp_console}"
        )
    finally:
        page.remove_listener("dialog", on_dialog)
        page.remove_listener("console", on_console)
