"""Issue 12's journey through the real UI: a facilitator adds a question on the French
page in the Wagtail editor, syncs the translation with wagtail-localize, translates the
new question in its translation editor and publishes it; an English-speaking member
answers it, and the answers the team typed in French survive."""

from django.test import Client
from playwright.sync_api import expect
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from cycles.models import CyclePage, SurveyResponse
from tests.browser.conftest import log_in
from tests.browser.test_journeys import click_hidden
from tests.cycles.conftest import make_cycle
from tests.public_page_fixtures import translate_cycle

NEW_LABEL_FR = "Nom du point focal vaccination"
NEW_LABEL_EN = "Name of the immunisation focal point"


def test_a_question_added_in_french_is_synced_translated_and_answered_in_english(
    page, live_server, pp_cycle_index, facilitator, member, teammate
):
    french = make_cycle(pp_cycle_index, step=3, slug="ruptures", title="Ruptures")
    english = translate_cycle(french, "Stock-outs", "stock-outs")
    # The French teammate has answered two questions already.
    client = Client()
    client.force_login(teammate)
    client.post(
        french.url,
        {"stock_outs": "12", "comment": "Retards de livraison", "draft": "1"},
    )
    assert SurveyResponse.objects.get().answers == {
        "stock_outs": 12,
        "comment": "Retards de livraison",
    }
    profile = UserProfile.get_for_user(facilitator)
    profile.preferred_language = "en"
    profile.save()

    # 1. The facilitator adds a question on the French page and publishes it.
    log_in(page, live_server.url, facilitator.username, lang="en")
    page.goto(f"{live_server.url}/admin/pages/{french.pk}/edit/")
    page.get_by_role("tab", name="Questionnaire").click()
    page.locator("#id_questions-ADD").click()
    new = page.locator("[id^='inline_child_questions-']").last
    new.locator("select[name$='-field_type']").select_option("text")
    new.locator("input[name$='-label']").fill(NEW_LABEL_FR)
    new.locator("input[name$='-name']").fill("point_focal")
    with page.expect_navigation():
        click_hidden(page, "button[name='action-publish']")
    page.wait_for_load_state("load")
    assert "point_focal" in set(french.questions.values_list("name", flat=True))

    # 2. "Sync translated pages", publishing at once.
    source = TranslationSource.objects.get(object_id=french.translation_key)
    page.goto(f"{live_server.url}/admin/localize/update/{source.pk}/")
    page.locator("input[name='publish_translations']").check()
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    assert "point_focal" in set(
        CyclePage.objects.get(pk=english.pk).questions.values_list("name", flat=True)
    )

    # 3. The new question is translated in wagtail-localize's editor and published.
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    page.get_by_role("tab", name="Questionnaire").click()
    segment = page.locator("li", has=page.get_by_text(NEW_LABEL_FR, exact=True)).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(NEW_LABEL_EN)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(NEW_LABEL_EN)
    with page.expect_navigation():
        page.get_by_role("button", name="Publish in English").click()
    page.wait_for_load_state("load")
    english_question = CyclePage.objects.get(pk=english.pk).questions.get(
        name="point_focal"
    )
    assert english_question.label == NEW_LABEL_EN

    # 4. An English-speaking member answers the new question on the English page.
    page.context.clear_cookies()
    log_in(page, live_server.url, member.username, lang="en")
    page.goto(live_server.url + english.url)
    question = page.locator("[data-question='point_focal']")
    expect(question).to_contain_text(NEW_LABEL_EN)
    question.locator("input").fill("Mrs Camara")
    with page.expect_navigation():
        page.locator("button[name='draft']").click()
    answers = SurveyResponse.objects.get().answers
    assert answers["point_focal"] == "Mrs Camara"
    assert answers["stock_outs"] == 12
    assert answers["comment"] == "Retards de livraison"
    assert page.js_errors == []
