"""The Wagtail admin and its page editor run under the admin's Content-Security-Policy
without a single violation (portal/admin_csp.py)."""

import pytest
from playwright.sync_api import expect

from discussions.services import Draft, flag_comment, post_comment
from tests.browser.conftest import log_in
from tests.cycles.conftest import make_cycle

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    event.violatedDirective + ' ' + (event.blockedURI || 'inline') + ' ' + event.sourceFile
  );
});
"""


@pytest.fixture
def watched_page(page):
    page.add_init_script(WATCH_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.csp_console = console
    headers = {}

    def remember(response):
        if "/admin/" in response.url and response.request.resource_type == "document":
            headers[response.url] = response.headers.get("content-security-policy")

    page.on("response", remember)
    page.csp_headers = headers
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations") + page.csp_console


def test_the_admin_and_the_page_editor_run_under_their_csp(
    watched_page, live_server, pp_forum, pp_cycle_index, member, teammate, facilitator
):
    page = watched_page
    cycle = make_cycle(pp_cycle_index, step=3, slug="cycle-csp", title="Cycle CSP")
    forum, _english = pp_forum
    comment = post_comment(
        member, forum, Draft("<script>alert(1)</script> **gras**"), limit_rate=False
    )
    flag_comment(teammate, comment, "Étrange")
    log_in(page, live_server.url, facilitator.username)

    page.goto(f"{live_server.url}/admin/")
    page.wait_for_load_state("networkidle")
    assert violations(page) == []

    page.goto(f"{live_server.url}/admin/moderation/")
    page.wait_for_load_state("networkidle")
    assert page.locator("td strong", has_text="gras").count() >= 1
    assert violations(page) == []

    page.goto(f"{live_server.url}/admin/pages/{cycle.pk}/edit/")
    page.wait_for_load_state("networkidle")
    for tab in ("Étapes", "Questionnaire", "Résultats", "Discussion"):
        page.get_by_role("tab", name=tab).first.click()
    page.get_by_role("tab", name="Questionnaire").first.click()
    total = page.locator("#id_questions-TOTAL_FORMS")
    before = int(total.input_value())
    page.locator("#id_questions-ADD").click()
    assert int(total.input_value()) == before + 1  # Wagtail's inline script ran
    # a new, empty question would not validate: remove it again
    page.locator(f"#id_questions-{before}-DELETE-button").click()
    page.get_by_role("tab", name="Contenu").first.click()
    # Draftail's link button opens Wagtail's page chooser (a modal workflow)
    editor = (
        page.locator("#id_health_issue")
        .locator("xpath=..")
        .locator("[contenteditable=true]")
    )
    editor.click()
    page.keyboard.press("Control+A")
    page.locator("[name=LINK]").first.click()
    expect(page.locator(".modal-content").first).to_contain_text("Choisissez une page")
    page.keyboard.press("Escape")
    page.fill("#id_title", "Cycle CSP modifié")
    with page.expect_navigation():
        page.locator("button[name='action-publish']").first.evaluate("b => b.click()")
    page.wait_for_load_state("networkidle")
    cycle.refresh_from_db()
    assert cycle.title == "Cycle CSP modifié"
    assert violations(page) == []

    for path in ("/admin/images/multiple/add/", f"/admin/pages/{cycle.pk}/move/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    assert violations(page) == []

    assert page.csp_headers, "no admin document seen"
    for url, policy in page.csp_headers.items():
        assert policy and "object-src 'none'" in policy, url
        assert "frame-ancestors 'self'" in policy, url
    assert page.js_errors == []
