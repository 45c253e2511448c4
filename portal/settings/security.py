"""Security settings shared by every environment: headers, the content security policy
and rate limits (production hardens the headers further; the admin has its own policy,
portal/admin_csp.py). Imported by base.py."""

from csp.constants import NONCE

from portal.env import env_bool, env_str

# --- Security headers (hardened further in production).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# django-csp 4: a nonce for our own scripts, never 'unsafe-inline' for scripts.
# The Wagtail admin gets a policy of its own (portal/admin_csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        # plotly.js injects its own <style> rules and style attributes when a reader
        # opens an interactive chart; scripts stay nonce-only (see docs/decisions.md).
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The service worker (/sw.js) and the web app manifest, both from this site.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Bump to make every installed copy fetch its shell again (asset changes do it alone).
OFFLINE_VERSION = env_str("OFFLINE_VERSION", "1")

# Rate limits per signed-in user (or per address when anonymous), see portal/ratelimit.py.
RATE_LIMITS_ENABLED = env_bool("RATE_LIMITS_ENABLED", True)
RATE_LIMITS = {
    "comments": env_str("RATE_LIMIT_COMMENTS", "5/m"),
    "autosave": env_str("RATE_LIMIT_AUTOSAVE", "30/m"),
    "search": env_str("RATE_LIMIT_SEARCH", "30/m"),
    "autocomplete": env_str("RATE_LIMIT_AUTOCOMPLETE", "60/m"),
    "submit": env_str("RATE_LIMIT_SUBMIT", "10/m"),
    "invitation": env_str("RATE_LIMIT_INVITATION", "10/m"),
    "password_reset": env_str("RATE_LIMIT_PASSWORD_RESET", "5/h"),
    "password_reset_email": env_str("RATE_LIMIT_PASSWORD_RESET_EMAIL", "3/h"),
    "translate": env_str("RATE_LIMIT_TRANSLATE", "20/m"),
}
