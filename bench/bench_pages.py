"""Low bandwidth: what a first and a repeat visit cost on a slow 3G connection.

Chromium (through Playwright) on a network throttled with CDP
(`Network.emulateNetworkConditions`: 400 kbit/s down and up, 400 ms round trip) loads
each page of PAGES from gunicorn + WhiteNoise with production settings, collected and
compressed static files and a throwaway seeded SQLite database. It records the bytes
transferred (compressed, headers included) on the first view and on a repeat view with
the browser cache warm, and the Largest Contentful Paint of the first view.

Other apps add their pages to PAGES (one line each: a name and a path).
"""

import os
import shutil
import tempfile
from pathlib import Path

from bench.result import Result
from bench.server import gunicorn_server, prepare, production_env

PAGES = [
    ("home-fr", "/fr/"),
    ("home-en", "/en/"),
    ("cycle-fr", "/fr/cycles/ruptures-de-stock-de-vaccins/"),
    ("results-fr", "/fr/cycles/completude-des-rapports-mensuels/"),
    ("lessons-fr", "/fr/lecons/"),
    ("lesson-fr", "/fr/lecons/supervision-formative-trimestrielle/"),
]
FIRST_VIEW_BUDGET_KB = 100
REPEAT_VIEW_BUDGET_KB = 15
SLOW_3G = {
    "offline": False,
    "latency": 400,  # ms round trip
    "downloadThroughput": 400 * 1000 / 8,  # bytes per second
    "uploadThroughput": 400 * 1000 / 8,
}
CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
)
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu"]
OBSERVE_LCP = """
window.__lcp = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__lcp = entry.startTime;
}).observe({type: "largest-contentful-paint", buffered: true});
"""


def transferred_bytes(page, cdp, url: str) -> tuple[int, float]:
    """Load `url` and return (bytes over the wire, LCP in ms)."""
    sizes: dict[str, int] = {}

    def finished(event):
        sizes[event["requestId"]] = event["encodedDataLength"]

    cdp.on("Network.loadingFinished", finished)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(500)
        lcp = page.evaluate("window.__lcp")
    finally:
        cdp.remove_listener("Network.loadingFinished", finished)
    return sum(sizes.values()), lcp


def measure(base_url: str) -> list[Result]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        for name, path in PAGES:
            context = browser.new_context(locale="fr-FR")
            context.add_init_script(OBSERVE_LCP)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_3G)
            first, lcp = transferred_bytes(page, cdp, base_url + path)
            repeat, _ = transferred_bytes(page, cdp, base_url + path)
            context.close()
            results += [
                Result(
                    f"{name} first view",
                    round(first / 1000, 1),
                    "kB",
                    budget=FIRST_VIEW_BUDGET_KB,
                ),
                Result(
                    f"{name} repeat view",
                    round(repeat / 1000, 1),
                    "kB",
                    budget=REPEAT_VIEW_BUDGET_KB,
                ),
                Result(
                    f"{name} LCP (slow 3G)",
                    round(lcp),
                    "ms",
                    note="400 kbit/s, 400 ms RTT, Chromium via CDP",
                ),
            ]
        browser.close()
    return results


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        env = production_env(f"sqlite:///{Path(tmp) / 'pages.sqlite3'}")
        prepare(env)
        with gunicorn_server(env) as base_url:
            return measure(base_url)


if __name__ == "__main__":
    for result in run():
        print(result)
