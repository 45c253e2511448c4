import pytest

from cycles.factories import (
    CycleIndexPageFactory,
    CyclePageFactory,
    SurveyQuestionFactory,
)
from cycles.translation import QuestionText, ensure_translation, sync_questions

QUESTIONS = [
    # name, kind, French label, English label, extra
    ("intro", "heading", "Stocks de vaccins", "Vaccine stocks", {}),
    (
        "stock_outs",
        "number",
        "Nombre de ruptures",
        "Number of stock-outs",
        {"required": True, "min_value": 0, "max_value": 50},
    ),
    (
        "had_stock_out",
        "yes_no",
        "Rupture ce trimestre ?",
        "Stock-out this quarter?",
        {},
    ),
    (
        "cause",
        "single_choice",
        "Cause principale",
        "Main cause",
        {
            "choices": "Transport\nCommande tardive",
            "choice_values": "transport\nlate_order",
            "condition_name": "had_stock_out",
            "condition_value": "yes",
            "required": True,
        },
    ),
    (
        "actions",
        "multiple_choice",
        "Actions menées",
        "Actions taken",
        {"choices": "Alerte\nPrêt", "choice_values": "alert\nloan"},
    ),
    ("comment", "long_text", "Commentaire", "Comment", {}),
    ("confidence", "scale", "Confiance", "Confidence", {}),
    ("last_visit", "date", "Dernière supervision", "Last supervision", {}),
]
ENGLISH_CHOICES = {"cause": "Transport\nLate order", "actions": "Alert\nLoan"}


@pytest.fixture
def cycle_index(home_page):
    return CycleIndexPageFactory(parent=home_page)


def make_cycle(
    cycle_index, step=3, slug="ruptures-vaccins", title="Ruptures de vaccins"
):
    cycle = CyclePageFactory(parent=cycle_index, step=step, slug=slug, title=title)
    for order, (name, kind, label, _english, extra) in enumerate(QUESTIONS):
        SurveyQuestionFactory(
            page=cycle,
            name=name,
            field_type=kind,
            label=label,
            sort_order=order,
            **extra,
        )
    return cycle


@pytest.fixture
def cycle(cycle_index):
    return make_cycle(cycle_index)


@pytest.fixture
def cycle_en(cycle, cycle_index, home_page_en):
    english = ensure_translation(cycle, "en")
    english.title = "Vaccine stock-outs"
    english.slug = "vaccine-stock-outs"
    texts = {
        name: QuestionText(label_en, "", ENGLISH_CHOICES.get(name, ""))
        for name, _kind, _fr, label_en, _extra in QUESTIONS
    }
    return sync_questions(cycle, english, texts)


@pytest.fixture
def closed_cycle(cycle_index):
    return make_cycle(cycle_index, step=4, slug="ferme", title="Cycle fermé")
