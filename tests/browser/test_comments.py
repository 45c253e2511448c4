"""A member replies to a comment in Chromium and sees the reply nested under it."""

from discussions.factories import ForumPageFactory
from discussions.services import Draft, post_comment
from tests.browser.conftest import log_in


def test_member_posts_a_reply_and_sees_it_nested(
    page, live_server, home_page, member, other_member
):
    forum = ForumPageFactory(parent=home_page)
    root = post_comment(
        other_member, forum, Draft("Comment gérez-vous les ruptures ?", topic="Stocks")
    )
    log_in(page, live_server.url, member.username)
    page.goto(f"{live_server.url}{forum.url}")
    thread = page.locator(f"#c{root.pk}")
    thread.locator("summary", has_text="Répondre").first.click()
    thread.locator("textarea[name=text]").first.fill("Nous commandons **plus tôt**.")
    thread.get_by_role("button", name="Répondre").first.click()
    page.wait_for_load_state("networkidle")
    reply = page.locator(f"#c{root.pk} ol.comments--replies > li.comment--level-1")
    assert reply.count() == 1
    assert reply.locator("strong", has_text="plus tôt").is_visible()
    assert page.js_errors == []
