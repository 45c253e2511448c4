"""Issue 16, what readers touch on a 360 px phone: the error summary after a failed
submit, the link to the questionnaire near the top, the 1–5 scale's end words."""

import pytest
from bs4 import BeautifulSoup

from cycles.services import submit_response

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def failed_submit(client, page, comment="Début de réponse"):
    """Submit with the required number missing and the shown cause unanswered."""
    payload = {
        "had_stock_out": "yes",
        "comment": comment,
        "submit": "1",
        "version": "0",
        "submission_token": "tok-1",
    }
    return client.post(page.url, payload)


# --- 1. A failed submit: the summary at the survey, each error a link -------------
def test_failed_submit_returns_to_the_survey_and_links_each_error_fr(
    client, cycle, member
):
    client.force_login(member)
    response = failed_submit(client, cycle)
    assert response.status_code == 200
    soup = soup_of(response)
    form = soup.find("form", id="survey-form")
    # The page a failed submit renders opens at the summary (focusable), which sits
    # in the questionnaire just above the form, not 2,000 px down at the top.
    assert form["action"] == cycle.url + "#survey-errors"
    summary = soup.find(id="survey-errors")
    assert summary is not None and summary["tabindex"] == "-1"
    assert summary.find_parent(id="survey") is not None
    assert summary.find_next("form") is form
    assert "Veuillez corriger les erreurs ci-dessous." in summary.get_text()
    links = {a["href"]: a.get_text(" ", strip=True) for a in summary.find_all("a")}
    assert links == {
        "#id_stock_outs": "Nombre de ruptures\u00a0: Veuillez répondre à cette question.",
        "#id_cause_0": "Cause principale\u00a0: Veuillez répondre à cette question.",
    }
    # Every link leads to an element that exists.
    for href in links:
        assert soup.find(id=href[1:]) is not None, href


def test_failed_submit_links_each_error_en(client, cycle_en, member):
    client.force_login(member)
    soup = soup_of(failed_submit(client, cycle_en))
    summary = soup.find(id="survey-errors")
    assert "Please correct the errors below." in summary.get_text()
    links = {a["href"]: a.get_text(" ", strip=True) for a in summary.find_all("a")}
    assert links == {
        "#id_stock_outs": "Number of stock-outs: Please answer this question.",
        "#id_cause_0": "Main cause: Please answer this question.",
    }


def test_failed_submit_marks_each_field_invalid_and_described_by_its_error(
    client, cycle, member
):
    client.force_login(member)
    soup = soup_of(failed_submit(client, cycle, comment="Livraison en retard"))
    number = soup.find(id="id_stock_outs")
    assert number["aria-invalid"] == "true"
    assert "id_stock_outs_error" in number["aria-describedby"].split()
    assert "Veuillez répondre" in soup.find(id="id_stock_outs_error").get_text()
    radios = soup.find_all("input", attrs={"name": "cause"})
    assert len(radios) == 2
    for radio in radios:
        assert radio["aria-invalid"] == "true"
        assert "id_cause_error" in radio["aria-describedby"].split()
    assert soup.find(id="id_cause_error") is not None
    # Nothing typed is lost, and an answered question is not marked.
    assert soup.find(id="id_comment").get_text().strip() == "Livraison en retard"
    assert soup.find("input", attrs={"name": "had_stock_out", "value": "yes"}).has_attr(
        "checked"
    )
    assert not soup.find(id="id_comment").has_attr("aria-invalid")


def test_help_text_is_the_fields_description(client, cycle, member):
    """The help paragraph's id is the one Django's aria-describedby names."""
    question = cycle.questions.get(name="stock_outs")
    question.help_text = "Sur les trois derniers mois."
    question.save()
    client.force_login(member)
    soup = soup_of(failed_submit(client, cycle))
    described = soup.find(id="id_stock_outs")["aria-describedby"].split()
    assert described == ["id_stock_outs_helptext", "id_stock_outs_error"]
    assert soup.find(id="id_stock_outs_helptext").get_text() == (
        "Sur les trois derniers mois."
    )


# --- 2. A link to the questionnaire near the top, for members while it is open -----
ANSWER_FR = "Répondre au questionnaire"
ANSWER_EN = "Answer the questionnaire"


def answer_link(soup):
    hero = soup.find("header", class_="hero")
    return hero.find("a", href="#survey")


def test_member_sees_a_link_to_the_questionnaire_near_the_top_fr(client, cycle, member):
    client.force_login(member)
    link = answer_link(soup_of(client.get(cycle.url)))
    assert link is not None and link.get_text(strip=True) == ANSWER_FR


def test_member_sees_a_link_to_the_questionnaire_near_the_top_en(
    client, cycle_en, member
):
    client.force_login(member)
    link = answer_link(soup_of(client.get(cycle_en.url)))
    assert link is not None and link.get_text(strip=True) == ANSWER_EN


def test_member_who_submitted_is_offered_to_change_the_answers(
    client, cycle, district, member
):
    submit_response(cycle, district, member, {"stock_outs": 3}, 0)
    client.force_login(member)
    link = answer_link(soup_of(client.get(cycle.url)))
    assert link.get_text(strip=True) == "Voir ou modifier nos réponses"


@pytest.mark.parametrize("who", [None, "policymaker", "facilitator"])
def test_no_link_to_answer_for_readers_who_do_not_answer(client, request, cycle, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    html = client.get(cycle.url).content.decode()
    assert answer_link(BeautifulSoup(html, "html.parser")) is None
    assert ANSWER_FR not in html


def test_no_link_to_answer_once_the_answers_are_closed(client, closed_cycle, member):
    client.force_login(member)
    html = client.get(closed_cycle.url).content.decode()
    assert answer_link(BeautifulSoup(html, "html.parser")) is None


def test_no_empty_results_box_above_the_open_questionnaire(client, cycle, member):
    """At step 3 with no results, 'not published yet' does not push the survey down."""
    client.force_login(member)
    soup = soup_of(client.get(cycle.url))
    assert soup.find(id="results") is None
    assert "Les résultats ne sont pas encore publiés." not in soup.get_text()


def test_results_box_still_says_not_published_once_the_answers_close(
    client, closed_cycle, member
):
    client.force_login(member)
    soup = soup_of(client.get(closed_cycle.url))
    assert "Les résultats ne sont pas encore publiés." in soup.find(id="results").text


# --- 3. The 1–5 scale: one row, words for its ends ---------------------------------
def scale_of(soup):
    return soup.find("div", attrs={"data-question": "confidence"})


def test_scale_has_words_for_its_ends_fr(client, cycle, member):
    client.force_login(member)
    box = scale_of(soup_of(client.get(cycle.url)))
    ends = box.find(id="id_confidence_ends")
    assert ends.get_text(" ", strip=True) == "1 = pas du tout 5 = tout à fait"
    radios = box.find_all("input", attrs={"type": "radio"})
    assert [r["value"] for r in radios] == ["1", "2", "3", "4", "5"]
    # The end words describe the group's options, in a fieldset with its legend.
    for radio in radios:
        assert "id_confidence_ends" in radio["aria-describedby"].split()
    assert box.find("fieldset").find("legend").get_text(strip=True) == "Confiance"
    assert box.find(class_="scale__options") is not None


def test_scale_has_words_for_its_ends_en(client, cycle_en, member):
    client.force_login(member)
    box = scale_of(soup_of(client.get(cycle_en.url)))
    ends = box.find(id="id_confidence_ends")
    assert ends.get_text(" ", strip=True) == "1 = not at all 5 = completely"
