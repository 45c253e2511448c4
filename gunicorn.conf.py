"""gunicorn settings for `gunicorn portal.wsgi` (production settings by default)."""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Longer than a reader's pause between two clicks (and than a proxy's idle timeout
# should be): gunicorn's default of 2 s closed connections as clients reused them.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
