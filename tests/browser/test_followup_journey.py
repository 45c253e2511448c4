"""Issue 17's journey through the real UI: a team records a commitment in French,
adopting a lesson of the library; a teammate reports its check-in in English; a
policymaker finds it counted on the lesson page."""

import datetime as dt

from cycles.factories import dates_for_step
from followup.models import Commitment, FollowUpSchedule
from lessons.factories import LessonPageFactory
from tests.browser.conftest import log_in
from tests.followup.conftest import make_cycle
from tests.public_page_fixtures import translate_cycle


def test_a_commitment_in_french_a_check_in_in_english_counted_on_the_lesson(
    page,
    live_server,
    pp_cycle_index,
    pp_library,
    member,
    teammate,
    policymaker,
    settings,
):
    settings.LESSON_BRIEFS_ON_PUBLISH = False
    library, _english_library = pp_library
    lesson = LessonPageFactory(
        parent=library, slug="supervision", title="Supervision formative"
    )
    lesson.save_revision().publish()
    # At step 6 for two months: the discussion closed 75 days ago, check-in 1 due.
    dates = dates_for_step(6, dt.date.today() - dt.timedelta(days=60))
    french = make_cycle(pp_cycle_index, step=6, slug="ruptures", **dates)
    FollowUpSchedule.objects.create(cycle=french, months="1,12")
    english = translate_cycle(french, "Stock-outs", "stock-outs")
    english.save_revision().publish()

    # 1. A member records the commitment in French.
    log_in(page, live_server.url, member.username)
    page.goto(f"{live_server.url}{french.url}")
    page.fill("#id_c1_what", "Supervision formative mensuelle de chaque CSPS")
    page.fill("#id_c1_lead", "Médecin-chef")
    page.select_option("#id_c1_lesson", label="Supervision formative")
    page.select_option("#id_c1_visibility", "named")
    page.click("#followup-form button[type=submit]")
    page.wait_for_load_state("load")
    assert "Supervision formative mensuelle de chaque CSPS" in page.content()
    page.context.clear_cookies()

    # 2. A teammate reports check-in 1 on the English page.
    log_in(page, live_server.url, teammate.username, lang="en")
    page.goto(f"{live_server.url}{english.url}")
    assert page.input_value("#id_c1_what") == (
        "Supervision formative mensuelle de chaque CSPS"
    )
    page.select_option("#id_c1_k1_status", "in_progress")
    page.fill("#id_c1_k1_happened", "Six health centres visited in the first month")
    page.fill("#id_c1_k1_obstacles", "Fuel shortages")
    page.click("#followup-form button[type=submit]")
    page.wait_for_load_state("load")
    assert "In progress" in page.content()
    commitment = Commitment.objects.get()
    assert commitment.status == "in_progress"
    assert commitment.lesson_id == lesson.pk  # the English save kept the lesson
    page.context.clear_cookies()

    # 3. A policymaker sees the adoption counted on the lesson page.
    log_in(page, live_server.url, policymaker.username)
    page.goto(f"{live_server.url}{lesson.url}")
    adoption = page.locator("#adoption")
    assert "Adoptée par 1 district" in adoption.inner_text()
    assert "Six health centres visited in the first month" in adoption.inner_text()
    assert "Banikoara" in adoption.inner_text()
    assert page.js_errors == []
