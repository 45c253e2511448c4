"""Demo results: charts of the real demo answers on the discussion-step and finished
cycles, published, in French and English (runs after ``demo.cycles.seed``).

Idempotent: a cycle whose results already carry these charts is left alone, so
running the demo again renders no image again.
"""

from wagtail.models import Locale

from charts.anonymise import DisplayMode
from charts.factories import chart_block, chart_stream, survey_question_source
from cycles.models import CyclePage
from portal.localize import translate_fields

# (block id, chart type, question, measure, French title, English title)
DEMO_RESULTS = {
    "revues-des-deces-maternels": {
        "mode": DisplayMode.PSEUDONYMS,
        "charts": [
            (
                "demo-deaths-reviewed",
                "bar",
                "deaths_reviewed",
                "per_district",
                "Décès maternels revus par district",
                "Maternal deaths reviewed per district",
            ),
            (
                "demo-main-delay",
                "bar",
                "main_delay",
                "choices",
                "Le retard le plus fréquent",
                "The most frequent delay",
            ),
            (
                "demo-committee",
                "stacked_bar",
                "committee_active",
                "choices_by_country",
                "Comité d'audit actif, par pays",
                "Active audit committee, by country",
            ),
            (
                "demo-notified",
                "table",
                "deaths_notified",
                "mean_by_country",
                "Décès notifiés en moyenne, par pays",
                "Mean deaths notified, by country",
            ),
        ],
    },
    "completude-des-rapports-mensuels": {
        "mode": DisplayMode.NAMES,
        # A finished cycle whose teams agreed to open their results to the public.
        "public": True,
        "charts": [
            (
                "demo-completeness",
                "bar",
                "completeness",
                "per_district",
                "Complétude des rapports par district (%)",
                "Report completeness per district (%)",
            ),
            (
                "demo-timeliness",
                "line",
                "timeliness",
                "mean_by_country",
                "Promptitude moyenne par pays (%)",
                "Mean timeliness by country (%)",
            ),
            (
                "demo-practices",
                "stacked_bar",
                "practices",
                "choices_by_country",
                "Pratiques qui aident, par pays",
                "Practices that help, by country",
            ),
            (
                "demo-review-meeting",
                "table",
                "monthly_review_meeting",
                "choices",
                "Revue mensuelle des données tenue",
                "Monthly data review held",
            ),
        ],
    },
}


def raw_charts(charts, english: bool) -> list[dict]:
    """The chart blocks of ``charts`` as stored, with titles in one language."""
    return [
        chart_block(
            block_id,
            title_en if english else title_fr,
            survey_question_source(question, measure, f"{block_id}-source"),
            chart_type=chart_type,
        )
        for block_id, chart_type, question, measure, title_fr, title_en in charts
    ]


def results_stream(charts, english: bool, extra: list[dict] | None = None):
    raw = raw_charts(charts, english) + (extra or [])
    return chart_stream(raw, CyclePage._meta.get_field("results").stream_block)


def _up_to_date(page: CyclePage, spec: dict) -> bool:
    return (
        page.results_published
        and page.results_display_mode == spec["mode"]
        and page.results_public == spec.get("public", False)
        # demo.followup may add its before/after chart after these.
        and [child.id for child in page.results][: len(spec["charts"])]
        == [c[0] for c in spec["charts"]]
    )


def publish_results(page: CyclePage, spec: dict, english: bool) -> bool:
    """Give ``page`` its demo charts, published (their snapshots are computed by
    the publish signal's task). False when it already had them."""
    if _up_to_date(page, spec):
        return False
    page.results = results_stream(spec["charts"], english)
    page.results_published = True
    page.results_public = spec.get("public", False)
    page.results_display_mode = spec["mode"]
    page.save_revision().publish()
    return True


def seed() -> str:
    english = Locale.objects.get(language_code="en")
    published = 0
    for slug, spec in DEMO_RESULTS.items():
        cycle = CyclePage.objects.filter(slug=slug, locale__language_code="fr").first()
        if cycle is None:
            continue
        published += publish_results(cycle, spec, english=False)
        # The English chart titles go through wagtail-localize, as a translator's.
        translation = cycle.get_translation_or_none(english)
        if translation is not None and not _up_to_date(translation.specific, spec):
            translate_fields(
                cycle, english, {"results": results_stream(spec["charts"], True)}
            )
            published += 1
    charts = sum(len(spec["charts"]) for spec in DEMO_RESULTS.values())
    return f"{charts} charts on {len(DEMO_RESULTS)} cycles, {published} pages published"
