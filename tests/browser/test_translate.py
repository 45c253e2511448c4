"""'Translate' in Chromium: the translation appears in place under the comment, and
"Show the original" puts the comment back as it was (static/js/translate.js)."""

from discussions.factories import ForumPageFactory
from discussions.services import Draft, post_comment
from tests.browser.conftest import log_in
from tests.discussions.libretranslate_server import LibreTranslate

LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"


def test_a_french_comment_is_translated_in_place_on_the_english_forum(
    page, live_server, settings, home_page, home_page_en, locales, member, other_member
):
    forum = ForumPageFactory(parent=home_page)
    english = forum.copy_for_translation(locales["en"])
    english.title = "Forum"
    english.save_revision().publish()
    english.refresh_from_db()
    comment = post_comment(member, forum, Draft("Nos revues ont lieu chaque mois."))
    with LibreTranslate() as server:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
            "CLASS": LIBRETRANSLATE,
            "OPTIONS": {"LIBRETRANSLATE_URL": server.url, "API_KEY": "lt-test-key"},
        }
        log_in(page, live_server.url, other_member.username)
        page.goto(f"{live_server.url}{english.url}")
        item = page.locator(f"#c{comment.pk}")
        item.get_by_role("button", name="Translate").click()
        translated = item.locator(".machine-translation__text")
        translated.wait_for()
        assert "Our reviews happen every month." in translated.inner_text()
        assert page.url.endswith(english.url)  # no page change: in place
        assert item.locator(".comment__body").is_visible()  # the original stays
        item.get_by_role("link", name="Show the original").click()
        assert item.locator(".machine-translation").count() == 0
        assert item.get_by_role("button", name="Translate").is_visible()
    assert page.js_errors == []
