"""Generate many realistic lessons fast (bulk inserts, no per-page publish).

    python -m bench.generate_lessons --count 10000   # into the configured database

Pages are written with their tree paths computed here (treebeard materialised
paths), the lesson rows, taxonomy links and search-table rows in bulk; the result
is what publishing that many lessons one by one would give, in seconds.
"""

import argparse
import datetime
import json
import random
import uuid

SUBJECTS = [
    "la supervision formative des centres de santé",
    "la disponibilité des médicaments traceurs",
    "la complétude des rapports mensuels DHIS2",
    "la motivation des relais communautaires",
    "la couverture vaccinale en stratégie avancée",
    "la prise en charge du paludisme chez l'enfant",
    "les consultations prénatales recentrées",
    "le financement basé sur les résultats",
    "la gestion des stocks de vaccins et la chaîne du froid",
    "la revue trimestrielle des données de santé",
    "la préparation à la riposte contre les épidémies",
    "le dépistage de la malnutrition aiguë",
    "la redevabilité envers les comités de gestion",
    "le référencement des urgences obstétricales",
    "la planification opérationnelle du district",
]
VERBS = [
    "Améliorer",
    "Renforcer",
    "Suivre",
    "Financer",
    "Organiser",
    "Évaluer",
    "Pérenniser",
]
PLACES = {
    "BJ": [
        "Banikoara",
        "Kandi",
        "Djougou",
        "Natitingou",
        "Parakou",
        "Lokossa",
        "Abomey",
    ],
    "GN": [
        "Boké",
        "Kindia",
        "Labé",
        "Kankan",
        "Faranah",
        "Mamou",
        "Siguiri",
        "Nzérékoré",
    ],
}
SENTENCES = [
    "L'équipe cadre de district de {place} a analysé {subject} avec les infirmiers chefs de poste.",
    "Les données du premier trimestre montrent des écarts importants entre les aires de santé.",
    "Une revue mensuelle courte, centrée sur trois indicateurs, a suffi à changer les pratiques.",
    "Les agents de santé communautaire ont été associés dès la planification.",
    "Le manque de carburant pour les sorties de supervision reste une contrainte majeure.",
    "Les partenaires techniques et financiers ont accepté d'aligner leurs appuis sur le plan du district.",
    "La santé maternelle a progressé lorsque le référencement était organisé avec les communes.",
    "Les ruptures de stock ont diminué après la mise en place d'un tableau de bord hebdomadaire.",
    "Les femmes des villages éloignés restent moins bien couvertes : l'équité doit guider les choix.",
    "Le comité de gestion du centre de santé a suivi les engagements pris en réunion.",
    "La qualité des données s'améliore quand les équipes reçoivent une rétro-information rapide.",
    "Les décideurs régionaux ont repris ces recommandations dans leur plan annuel.",
]
RARE_WORDS = ["onchocercose", "trypanosomiase", "ulcère de Buruli", "filariose", "pian"]
TYPES = ["lesson", "policy-brief", "good-practice", "advocacy-note", "data-note"]
TOPICS = [
    "service-delivery",
    "health-workforce",
    "health-information",
    "medicines",
    "financing",
    "governance",
    "maternal-health",
    "immunisation",
    "malaria",
    "nutrition",
    "community-health",
    "epidemics",
]
AUDIENCES = ["district-teams", "ministry", "regions", "partners", "communities"]


def lesson_fields(rng: random.Random, n: int) -> dict:
    country = rng.choice(["BJ", "GN"])
    place = rng.choice(PLACES[country])
    subject = rng.choice(SUBJECTS)
    title = f"{rng.choice(VERBS)} {subject} à {place}"
    sentences = [
        s.format(place=place, subject=subject) for s in rng.sample(SENTENCES, 6)
    ]
    if n % 500 == 0:  # about 0.2 % of lessons mention a rare disease
        sentences.append(f"Le district suit aussi des cas de {rng.choice(RARE_WORDS)}.")
    date = datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randrange(0, 2000))
    return {
        "title": f"{title} ({n})",
        "country": country,
        "type": rng.choice(TYPES),
        "topics": rng.sample(TOPICS, rng.randint(1, 3)),
        "audiences": rng.sample(AUDIENCES, rng.randint(1, 2)),
        "date": date,
        "key_messages": sentences[:3],
        "summary": " ".join(sentences[3:]),
        "body": "Santé : " + " ".join(reversed(sentences)),
    }


def generate(count: int, index_page, seed: int = 6, batch: int = 1000) -> int:
    """Add `count` published French lessons under `index_page` (a LessonsIndexPage)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from districts.models import Country
    from lessons.models import Audience, LessonPage, Topic
    from search.indexing import bulk_index
    from search.registry import SearchDocument

    rng = random.Random(seed)
    content_type = ContentType.objects.get_for_model(LessonPage)
    topics = dict(Topic.objects.values_list("code", "id"))
    audiences = dict(Audience.objects.values_list("code", "id"))
    countries = {
        code: Country.objects.get_or_create(code=code, defaults={"name": name})[0].id
        for code, name in (("BJ", "Bénin"), ("GN", "Guinée"))
    }
    index_page.refresh_from_db()
    language = index_page.locale.language_code
    alphabet = Page.alphabet
    steplen = Page.steplen
    now = datetime.datetime.now(datetime.UTC)
    made = 0
    while made < count:
        size = min(batch, count - made)
        with transaction.atomic():
            start = index_page.numchild
            rows = [lesson_fields(rng, start + i + 1) for i in range(size)]
            pages = []
            for i, row in enumerate(rows):
                number = start + i + 1
                step = ""
                while number:
                    number, digit = divmod(number, len(alphabet))
                    step = alphabet[digit] + step
                slug = f"lecon-{start + i + 1}"
                pages.append(
                    Page(
                        path=index_page.path + step.rjust(steplen, alphabet[0]),
                        depth=index_page.depth + 1,
                        numchild=0,
                        title=row["title"],
                        draft_title=row["title"],
                        slug=slug,
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        url_path=f"{index_page.url_path}{slug}/",
                        locale_id=index_page.locale_id,
                        translation_key=uuid.uuid4(),
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            if not all(p.pk for p in pages):
                ids = dict(
                    Page.objects.filter(path__in=[p.path for p in pages]).values_list(
                        "path", "id"
                    )
                )
                for page in pages:
                    page.pk = page.id = ids[page.path]
            _insert_lessons(connection, pages, rows)
            _insert_links(LessonPage, pages, rows, topics, audiences, countries)
            index_page.numchild += size
            Page.objects.filter(pk=index_page.pk).update(numchild=index_page.numchild)
            bulk_index(
                [
                    (
                        page.pk,
                        language,
                        "lessons.lessonpage",
                        SearchDocument(
                            title=row["title"],
                            text=lesson_text_from_row(row),
                            date=row["date"],
                            facets={
                                "type": [row["type"]],
                                "topic": row["topics"],
                                "country": [row["country"]],
                                "audience": row["audiences"],
                                "cycle": [],
                            },
                        ),
                    )
                    for page, row in zip(pages, rows, strict=True)
                ]
            )
        made += size
    return made


def lesson_text_from_row(row: dict) -> str:
    """The text lesson_text() would extract, without building a page object."""
    return " ".join([*row["key_messages"], row["summary"], row["body"]])


def _insert_lessons(connection, pages, rows) -> None:
    table = "lessons_lessonpage"
    columns = [
        "page_ptr_id",
        "lesson_type",
        "date",
        "key_messages",
        "summary",
        "body",
        "implementation",
        "applicability",
        "citation",
    ]
    values = []
    for page, row in zip(pages, rows, strict=True):
        values.append(
            [
                page.pk,
                row["type"],
                row["date"],
                json.dumps(
                    [
                        {"type": "message", "value": m, "id": str(uuid.uuid4())}
                        for m in row["key_messages"]
                    ]
                ),
                f"<p>{row['summary']}</p>",
                json.dumps(
                    [
                        {
                            "type": "paragraph",
                            "value": f"<p>{row['body']}</p>",
                            "id": str(uuid.uuid4()),
                        }
                    ]
                ),
                "",
                "",
                f"District.Team ({row['date'].year}). {row['title']}.",
            ]
        )
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",  # noqa: S608
            values,
        )


def _insert_links(LessonPage, pages, rows, topics, audiences, countries) -> None:
    for field, lookup, key in (
        ("topics", topics, "topics"),
        ("audiences", audiences, "audiences"),
    ):
        through = getattr(LessonPage, field).through
        target = through._meta.get_field(field[:-1]).attname
        through.objects.bulk_create(
            [
                through(lessonpage_id=page.pk, **{target: lookup[code]})
                for page, row in zip(pages, rows, strict=True)
                for code in row[key]
            ]
        )
    through = LessonPage.countries.through
    through.objects.bulk_create(
        [
            through(lessonpage_id=page.pk, country_id=countries[row["country"]])
            for page, row in zip(pages, rows, strict=True)
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    from lessons.models import LessonsIndexPage

    index_page = LessonsIndexPage.objects.filter(locale__language_code="fr").first()
    if index_page is None:
        raise SystemExit("Create the lessons library first (seed_demo).")
    print(f"{generate(args.count, index_page)} lessons generated.")


if __name__ == "__main__":
    main()
