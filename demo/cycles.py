"""Demo learning cycles in French with English translations, and districts' answers.

Idempotent: pages are updated in place (dates follow today), answers are created only
for cycles that have none yet.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from cycles.factories import (
    CycleIndexPageFactory,
    CyclePageFactory,
    SurveyQuestionFactory,
    SurveyResponseFactory,
    dates_for_step,
)
from cycles.models import (
    CycleIndexPage,
    CyclePage,
    SurveyResponse,
    SurveyResponseRevision,
)
from cycles.questionnaire import KINDS_WITHOUT_ANSWER, Question, QuestionKind
from cycles.selectors import questions_in_language
from cycles.translation import QuestionText, translate_cycle
from demo.content.cycles import DEMO_CYCLES, TEXT_ANSWERS
from districts.models import District
from home.models import HomePage
from portal.localize import translate_fields

INDEX_FR = {
    "title": "Cycles d’apprentissage",
    "slug": "cycles",
    "intro": "Tous les cycles d’apprentissage, du plus récent au plus ancien.",
}
INDEX_EN = {
    "title": "Learning cycles",
    "slug": "learning-cycles",
    "intro": "Every learning cycle, newest first.",
}


def _publish(page, fields: dict):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def ensure_index() -> CycleIndexPage:
    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale=french)
    index = CycleIndexPage.objects.filter(locale=french).first()
    if index is None:
        index = CycleIndexPageFactory(parent=home, **INDEX_FR)
    index = _publish(index, {**INDEX_FR, "show_in_menus": True})
    english = Locale.objects.get(language_code="en")
    translate_fields(index, english, INDEX_EN)
    return index


def _questions(cycle: CyclePage, spec: dict) -> None:
    existing = {q.name: q for q in cycle.questions.all()}
    wanted = {q[0] for q in spec["questions"]}
    cycle.questions.exclude(name__in=wanted).delete()
    for order, (name, kind, label, _en, extra, choices) in enumerate(spec["questions"]):
        fields = {
            "field_type": kind,
            "label": label,
            "sort_order": order,
            "choices": "\n".join(c[1] for c in choices),
            "choice_values": "\n".join(c[0] for c in choices),
            "required": False,
            "min_value": None,
            "max_value": None,
            "condition_name": "",
            "condition_value": "",
            **extra,
        }
        question = existing.get(name)
        if question is None:
            SurveyQuestionFactory(page=cycle, name=name, **fields)
            continue
        for field, value in fields.items():
            setattr(question, field, value)
        question.save()


def ensure_cycle(index: CycleIndexPage, spec: dict) -> CyclePage:
    fields = {**spec["fr"], **dates_for_step(spec["step"])}
    cycle = CyclePage.objects.filter(slug=spec["slug"], locale=index.locale).first()
    if cycle is None:
        cycle = CyclePageFactory(parent=index, slug=spec["slug"], **fields)
    _questions(cycle, spec)
    cycle = _publish(cycle, fields)
    texts = {
        name: QuestionText(label_en, "", "\n".join(c[2] for c in choices))
        for name, _kind, _fr, label_en, _extra, choices in spec["questions"]
    }
    translate_cycle(cycle, "en", {**spec["en"], "slug": spec["slug_en"]}, texts)
    return cycle


def plausible_answer(question: Question, rng: random.Random, today: dt.date):
    kind = question.kind
    if kind == QuestionKind.NUMBER:
        low = int(question.min_value or 0)
        high = int(question.max_value if question.max_value is not None else 100)
        if high == 100 and low == 0:
            return rng.randint(55, 100)  # percentages: most districts do well
        return min(high, low + int(rng.expovariate(1 / max(1, (high - low) / 12))))
    if kind == QuestionKind.YES_NO:
        return "yes" if rng.random() < 0.6 else "no"
    if kind == QuestionKind.SINGLE_CHOICE:
        return rng.choice(question.choices).value
    if kind == QuestionKind.MULTIPLE_CHOICE:
        count = rng.randint(1, len(question.choices))
        return sorted(c.value for c in rng.sample(list(question.choices), count))
    if kind == QuestionKind.SCALE:
        return rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 4, 2])[0]
    if kind == QuestionKind.DATE:
        return (today - dt.timedelta(days=rng.randint(5, 90))).isoformat()
    return rng.choice(TEXT_ANSWERS["fr"])


def _answers(questions, rng, today, complete: bool) -> dict:
    answers = {}
    for question in questions:
        if question.kind in KINDS_WITHOUT_ANSWER:
            continue
        if not complete and rng.random() < 0.5:
            continue
        if (
            question.condition_name
            and answers.get(question.condition_name) != question.condition_value
        ):
            continue
        if not question.required and rng.random() < 0.15:
            continue
        answers[question.name] = plausible_answer(question, rng, today)
    return answers


def seed_answers(cycle: CyclePage, spec: dict) -> int:
    if SurveyResponse.objects.filter(cycle=cycle).exists():
        return 0
    rng = random.Random(spec["slug"])
    questions = questions_in_language(cycle, "fr")
    districts = list(District.objects.select_related("country").order_by("code"))
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__startswith="hdmt-")
    }
    opened = timezone.make_aware(
        dt.datetime.combine(cycle.answers_open or timezone.localdate(), dt.time(9))
    )
    responses = []
    for district in districts:
        draw = rng.random()
        submitted = spec.get("share_submitted_by_country", {}).get(
            district.country.code, spec["share_submitted"]
        )
        if draw < submitted:
            status = "submitted"
        elif draw < submitted + spec["share_drafts"]:
            status = "draft"
        else:
            continue
        author = users.get(f"hdmt-{district.code}-{rng.randint(1, 2)}")
        moment = opened + dt.timedelta(hours=rng.randint(2, 24 * 14))
        responses.append(
            SurveyResponseFactory.build(
                cycle=cycle,
                district=district,
                status=status,
                answers=_answers(
                    questions, rng, timezone.localdate(), status == "submitted"
                ),
                created_by=author,
                updated_by=author,
                submitted_at=moment if status == "submitted" else None,
            )
        )
    created = SurveyResponse.objects.bulk_create(responses)
    SurveyResponse.objects.filter(cycle=cycle).update(updated_at=timezone.now())
    SurveyResponseRevision.objects.bulk_create(
        SurveyResponseRevision(
            response=r,
            version=1,
            status=r.status,
            answers=r.answers,
            changed_by=r.created_by,
        )
        for r in created
    )
    return len(created)


def seed() -> str:
    index = ensure_index()
    answered = 0
    for spec in DEMO_CYCLES:
        cycle = ensure_cycle(index, spec)
        if spec["share_submitted"] or spec["share_drafts"]:
            answered += seed_answers(cycle, spec)
    return f"{len(DEMO_CYCLES)} cycles in French and English, {answered} new responses"
