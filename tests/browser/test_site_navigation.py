from tests.browser.conftest import log_in


def test_visitor_lands_in_french_and_switches_to_english(
    page, live_server, home_page_en
):
    page.goto(f"{live_server.url}/")
    assert page.url.endswith("/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role(
        "heading", name="Comment fonctionne un cycle d'apprentissage"
    )

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "District.Team home"
    assert page.js_errors == []


def test_member_logs_in_through_the_form(page, live_server, member, home_page):
    log_in(page, live_server.url, member.username)
    assert page.get_by_role("button", name="Se déconnecter").is_visible()
