"""gunicorn settings for `gunicorn portal.wsgi` (production settings by default)."""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Longer than a reader's pause between two clicks (and than a proxy's idle timeout
# should be): gunicorn's default of 2 s closed connections as clients reused them.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Load the app once in the master, then fork: workers share its memory and start
# in milliseconds, and an import error stops gunicorn at start instead of looping.
preload_app = True
# Recycling a worker now and then bounds slow memory growth, but each restart costs a
# cold start (imports, first queries, empty in-process caches). At cached speeds a
# worker serves hundreds of requests a second, so the old 2000 recycled workers every
# few seconds; 20000 is minutes under load. The jitter (10 %) keeps workers from
# restarting together. GUNICORN_MAX_REQUESTS=0 turns recycling off.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# One line per request on stdout; GUNICORN_ACCESS_LOG="" leaves it to the proxy in
# front (the page-speed benchmark compares with a stock site that logs none).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
