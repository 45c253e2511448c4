"""Results analysis and chart weight.

- pandas analysis of 1,000 responses × 40 questions (budget: under 1 s);
- one static SVG rendered by kaleido on Debian's Chromium (cold start, then warm);
- bytes of one chart's HTML fragment and its SVG, gzipped (what a reader downloads).
"""

from __future__ import annotations

import gzip
import os
import random
import statistics
import time
import uuid

from bench.result import Result

N_RESPONSES = 1000
N_QUESTIONS = 40
KINDS = ["number", "single_choice", "multiple_choice", "yes_no", "scale", "text"]


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def make_data(seed: int = 4):
    from cycles.analysis import ResponseData
    from cycles.questionnaire import Choice, Question

    rnd = random.Random(seed)
    choices = tuple(Choice(f"c{j}", f"Choix {j}") for j in range(5))
    questions = [
        Question(f"q{i:02d}", KINDS[i % len(KINDS)], f"Question {i}", choices)
        for i in range(N_QUESTIONS)
    ]

    def answer(kind):
        if rnd.random() < 0.1:  # about one answer in ten missing
            return None
        return {
            "number": rnd.randint(0, 60),
            "single_choice": f"c{rnd.randint(0, 4)}",
            "multiple_choice": [f"c{j}" for j in range(5) if rnd.random() < 0.4],
            "yes_no": rnd.choice(["yes", "no"]),
            "scale": rnd.randint(1, 5),
            "text": "Réponse libre",
        }[kind]

    countries = ["Bénin", "Guinée"]
    responses = [
        ResponseData(
            district_id=i,
            district=f"District réel {i}",
            country=countries[i % 2],
            region=f"Région {i % 12}",
            answers={q.name: answer(q.kind) for q in questions},
        )
        for i in range(N_RESPONSES)
    ]
    return questions, responses


def bench_analysis() -> tuple[Result, Result, object]:
    from cycles.analysis import analyse

    questions, responses = make_data()
    analyse(questions, responses[:50])  # warm imports
    timings, cpu_timings = [], []
    analysis = None
    for _ in range(5):
        started, cpu_started = time.perf_counter(), time.process_time()
        analysis = analyse(questions, responses)
        timings.append(time.perf_counter() - started)
        cpu_timings.append(time.process_time() - cpu_started)
    return (
        Result(
            "analysis of 1,000 responses × 40 questions, CPU time (median of 5)",
            round(statistics.median(cpu_timings), 3),
            "s",
            budget=1.0,
            note="CPU time of this process: less sensitive to other jobs on the cores",
        ),
        Result(
            "analysis of 1,000 responses × 40 questions (median of 5)",
            round(statistics.median(timings), 3),
            "s",
            budget=1.0,
            note=f"best {min(timings):.3f} s, worst {max(timings):.3f} s; "
            "the machine's 2 cores are shared with other jobs",
        ),
        analysis,
    )


def bench_chart(analysis) -> list[Result]:
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from charts.anonymise import DisplayMode, DisplayOptions, for_display
    from charts.figures import build_figure, chromium_path, figure_dict, render_svg
    from charts.models import ChartSnapshot
    from charts.selectors import chart_view
    from cycles.chart_sources import QuestionMeasure, question_chart_data

    results: list[Result] = []
    data = question_chart_data(
        analysis["q00"], QuestionMeasure.PER_DISTRICT, {"source": "Enquête"}
    )
    data.frame = data.frame.head(30)  # a chart of 30 districts
    options = DisplayOptions(DisplayMode.PSEUDONYMS, "bench-seed")
    figure = build_figure(for_display(data, options), "bar")

    svg = b""
    if chromium_path():
        for label in ("cold (starts Chromium)", "warm"):
            started = time.perf_counter()
            svg = render_svg(figure) or b""
            results.append(
                Result(
                    f"static SVG with kaleido, {label}",
                    round(time.perf_counter() - started, 3),
                    "s",
                )
            )
    else:
        results.append(Result("static SVG with kaleido", 0, "s", note="no Chromium"))

    snapshot = ChartSnapshot(
        translation_key=uuid.uuid4(),
        block_id="bench",
        language="fr",
        chart_type="bar",
        title="Ruptures de stock par district",
        caption="Nombre de ruptures au dernier trimestre",
        source_note="Enquête du cycle",
        data=data.to_dict(),
        figure=figure_dict(figure),
        display_mode=DisplayMode.PSEUDONYMS,
        pseudonym_seed="bench-seed",
    )
    request = RequestFactory().get("/fr/", HTTP_HOST="localhost")
    html = render_to_string(
        "charts/blocks/chart_block.html",
        {
            "value": {"title": snapshot.title, "caption": snapshot.caption},
            "chart": chart_view(snapshot),
            "block_id": "bench",
            "include_script": True,
        },
        request=request,
    ).encode()
    results += [
        Result(
            "chart HTML fragment (30 districts), gzipped", len(gzip.compress(html)), "B"
        ),
        Result(
            "chart SVG image, gzipped",
            len(gzip.compress(svg)),
            "B",
            note=f"{len(svg)} B raw",
        ),
        Result(
            "chart HTML + SVG, gzipped",
            len(gzip.compress(html)) + len(gzip.compress(svg)),
            "B",
        ),
    ]
    return results


def run() -> list[Result]:
    _setup_django()
    cpu_result, wall_result, analysis = bench_analysis()
    return [wall_result, cpu_result, *bench_chart(analysis)]


if __name__ == "__main__":
    for result in run():
        print(f"{result.name}: {result.value} {result.unit}  {result.note}")
