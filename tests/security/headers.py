"""Reusable checks of the security headers a production page must send.

`production_security_settings()` reads the security settings of
`portal.settings.production` itself (with a throwaway secret key), so the tests check
what production really sends, not a copy. `assert_secure_headers(response)` checks one
response; use it for every page type (see tests/public_pages.py).
"""

import re
import runpy
from html.parser import HTMLParser

from django.http import HttpResponse

ONE_YEAR = 365 * 24 * 60 * 60
ACCEPTED_REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
SECURITY_SETTING_PREFIXES = (
    "SECURE_",
    "SESSION_COOKIE_",
    "CSRF_COOKIE_",
    "LANGUAGE_COOKIE_",
    "CONTENT_SECURITY_POLICY",
    "X_FRAME_OPTIONS",
)


def production_security_settings() -> dict:
    """The security-related settings of portal.settings.production, as deployed."""
    from portal import env

    saved = dict(env.env)
    env.env.update(SECRET_KEY="throwaway-" + "k" * 50)
    env.env.pop("SECURE_SSL_REDIRECT", None)
    env.env.pop("SECURE_HSTS_SECONDS", None)
    try:
        namespace = runpy.run_module("portal.settings.production")
    finally:
        env.env.clear()
        env.env.update(saved)
    return {
        name: value
        for name, value in namespace.items()
        if name.startswith(SECURITY_SETTING_PREFIXES)
    }


def csp_directives(response: HttpResponse) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


class _ScriptTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def script_tags(html: str) -> list[dict]:
    parser = _ScriptTags()
    parser.feed(html)
    return parser.scripts


def header_nonce(response: HttpResponse) -> str | None:
    for source in csp_directives(response).get("script-src", []):
        match = re.fullmatch(r"'nonce-([A-Za-z0-9+/=_-]+)'", source)
        if match:
            return match.group(1)
    return None


def assert_csp(response: HttpResponse, *, expect_inline_script: bool = True) -> None:
    """A strict, nonce-based CSP; every inline script carries the header's nonce."""
    directives = csp_directives(response)
    assert directives, "no Content-Security-Policy header"
    script_src = directives.get("script-src") or directives.get("default-src", [])
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert "*" not in script_src and "data:" not in script_src
    # Styles may be inline (plotly.js needs it); they may never come from elsewhere.
    assert directives.get("style-src") == ["'self'", "'unsafe-inline'"]
    assert directives.get("object-src") == ["'none'"]
    assert directives.get("base-uri") in (["'self'"], ["'none'"])
    assert directives.get("frame-ancestors") == ["'none'"]
    assert directives.get("default-src") == ["'self'"]

    nonce = header_nonce(response)
    # Data blocks (json_script) never run, so the CSP does not govern them.
    inline = [
        s
        for s in script_tags(response.text)
        if "src" not in s and not (s.get("type") or "").endswith("json")
    ]
    if expect_inline_script:
        assert inline, "the page has no inline script to check the nonce against"
    if inline:
        assert nonce, "inline scripts but no nonce in script-src"
        assert len(nonce) >= 16
        for script in inline:
            assert script.get("nonce") == nonce, "script nonce differs from the header"


def assert_transport_headers(response: HttpResponse) -> None:
    """HSTS, nosniff, referrer policy and framing protection (any response)."""
    hsts = response.headers.get("Strict-Transport-Security", "")
    max_age = re.search(r"max-age=(\d+)", hsts)
    assert max_age and int(max_age.group(1)) >= ONE_YEAR, hsts
    assert "includeSubDomains" in hsts
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") in ACCEPTED_REFERRER_POLICIES
    assert response.headers.get("X-Frame-Options") == "DENY"


def assert_secure_cookies(response: HttpResponse) -> None:
    for name, morsel in response.cookies.items():
        if not morsel.value:  # a deletion
            continue
        assert morsel["secure"], f"cookie {name} lacks Secure"
        assert morsel["samesite"], f"cookie {name} lacks SameSite"
        if name != "csrftoken":
            assert morsel["httponly"], f"cookie {name} lacks HttpOnly"


def assert_secure_headers(
    response: HttpResponse, *, expect_inline_script: bool = True
) -> None:
    """Every check for one public HTML page served by production settings."""
    assert_transport_headers(response)
    assert_csp(response, expect_inline_script=expect_inline_script)
    assert_secure_cookies(response)
