"""Demo forums (all countries, Benin, Guinea) in French and English, with threads;
threads on the discussion-step demo cycle and on one lesson."""

import smtplib

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django_comments.models import CommentFlag as XtdFlag
from django_comments_xtd.models import XtdComment
from wagtail.models import Locale, Page

from cycles.models import CyclePage
from discussions import failures, services
from discussions.factories import ForumPageFactory
from discussions.models import Channel, ChannelFailure, CommentFlag, ForumPage
from discussions.pages import thread_page_id
from districts.models import Country
from home.models import HomePage
from lessons.models import LessonPage
from portal.localize import translate_fields

FORUMS = [
    # slug, country code, French title and intro, English title and intro
    (
        "forum",
        None,
        ("Forum des équipes", "Posez vos questions aux équipes des deux pays."),
        ("Teams' forum", "Ask the teams of both countries your questions."),
    ),
    (
        "forum-benin",
        "BJ",
        ("Forum du Bénin", "L'espace d'échange des équipes cadres de zone."),
        ("Benin forum", "Where Benin's zone teams talk to each other."),
    ),
    (
        "forum-guinee",
        "GN",
        ("Forum de la Guinée", "L'espace d'échange des équipes cadres de district."),
        ("Guinea forum", "Where Guinea's district teams talk to each other."),
    ),
]

# (topic, text, replies as (author index, text, nested replies))
THREADS = [
    (
        "Ruptures de stock d'ACT en saison des pluies",
        "Chez nous les ruptures d'**ACT** reviennent chaque année en juillet. "
        "Comment anticipez-vous les commandes ?",
        [
            (
                1,
                "Nous passons la commande trimestrielle avec 20 % de marge dès mai, "
                "et nous suivons le stock chaque semaine dans DHIS2.",
                [(0, "Merci, nous allons essayer la marge de 20 %.", [])],
            ),
            (2, "Le guide national est ici : https://www.who.int/fr", []),
        ],
    ),
    (
        "Supervision formative : quelle fréquence ?",
        "Combien de visites de supervision faites-vous par trimestre ?\n\n"
        "- centres de santé urbains\n- centres ruraux",
        [(3, "Une par mois en zone rurale, une par trimestre en ville.", [])],
    ),
    (
        "Sharing our community health worker roster",
        "We built a simple roster of *community health workers* per village. "
        "Happy to share the template.",
        [(1, "Yes please, we need exactly this.", [])],
    ),
]


def _ensure_forum(home_fr, home_en, slug, country, french, english):
    forum = ForumPage.objects.filter(slug=slug, locale=home_fr.locale).first()
    if forum is None:
        forum = ForumPageFactory(
            parent=home_fr, slug=slug, title=french[0], intro=f"<p>{french[1]}</p>"
        )
    forum.country = country
    forum.show_in_menus = country is None  # the shared forum is in the main menu
    forum.save_revision().publish()
    english_slug = {"forum": "forum", "forum-benin": "benin-forum"}.get(
        slug, "guinea-forum"
    )
    translate_fields(
        forum,
        home_en.locale,
        {"title": english[0], "intro": f"<p>{english[1]}</p>", "slug": english_slug},
    )
    return forum


def _post_tree(page, people, parent, replies):
    for author_index, text, nested in replies:
        comment = services.post_comment(
            people[author_index % len(people)],
            page,
            services.Draft(text, parent.pk),
            limit_rate=False,
            notify=False,
        )
        _post_tree(page, people, comment, nested)


def _seed_threads(forum, people, facilitator):
    has_comments = XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(Page),
        object_pk=str(thread_page_id(forum)),
    ).exists()
    if has_comments or not people:
        return 0
    for index, (topic, text, replies) in enumerate(THREADS):
        language = "en" if index == 2 else "fr"
        root = services.post_comment(
            people[index % len(people)],
            forum,
            services.Draft(text, topic=topic),
            language,
            limit_rate=False,
            notify=False,
        )
        _post_tree(forum, people, root, replies)
        services.toggle_like(people[(index + 1) % len(people)], root)
    flagged = services.post_comment(
        people[max(0, len(people) - 2)],
        forum,
        services.Draft("Vendez vos stocks en trop : contactez-moi en privé !!!"),
        limit_rate=False,
        notify=False,
    )
    CommentFlag.objects.get_or_create(
        comment=flagged,
        user=people[0],
        defaults={"reason": "Publicité, sans rapport avec le forum."},
    )
    return XtdFlag.objects.count()


DISCUSSION_CYCLE_SLUG = "revues-des-deces-maternels"
LESSON_SLUG = "supervision-formative-trimestrielle"

# (author index, text, replies); the first thread is anchored to the first chart.
CYCLE_THREADS = [
    (
        0,
        "Dans notre zone, 9 décès maternels sur 12 ont été revus dans les 7 jours. "
        "Le frein principal reste la présence des médecins de l'hôpital de zone "
        "aux séances de revue.",
        [
            (
                2,
                "Même constat chez nous. Nous avons fixé la revue le jeudi, après la "
                "garde : la participation des médecins est passée de 40 % à 80 %.",
                [(0, "Bonne idée, nous proposons le jeudi au médecin-chef.", [])],
            )
        ],
    ),
    (
        1,
        "Les recommandations des revues sont rarement suivies. Qui a mis en place "
        "un **tableau de suivi** des recommandations ?",
        [
            (
                3,
                "Nous notons chaque recommandation avec un responsable et une date, "
                "et nous faisons le point à chaque réunion mensuelle de l'équipe "
                "cadre.",
                [],
            )
        ],
    ),
    (
        4,
        "Merci pour ces échanges. Pour la synthèse : quelles recommandations ont eu "
        "un effet mesurable sur les délais de référence ?",
        [
            (
                2,
                "La mise à disposition d'un tricycle-ambulance a réduit le délai de "
                "référence de 3 h à 1 h 30 en moyenne.",
                [],
            )
        ],
    ),
]
LESSON_THREADS = [
    (
        0,
        "Nous appliquons cette leçon depuis janvier : la grille de supervision a été "
        "simplifiée à 15 points et les visites durent une demi-journée.",
        [(2, "Pouvez-vous partager la grille simplifiée ?", [])],
    ),
    (
        3,
        "We adapted the checklist for urban health centres; happy to share it.",
        [],
    ),
]


def _thread_is_empty(page) -> bool:
    return not XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(Page),
        object_pk=str(thread_page_id(page)),
    ).exists()


def _people_of_several_districts(facilitator) -> list:
    """Members of two districts of Benin and two of Guinea, then the facilitator."""
    User = get_user_model()
    people = []
    for code in ("BJ", "GN"):
        seen = set()
        members = (
            User.objects.filter(
                username__startswith="hdmt-",
                membership__district__country__code=code,
            )
            .select_related("membership")
            .order_by("username")
        )
        for user in members:
            if user.membership.district_id in seen:
                continue
            seen.add(user.membership.district_id)
            people.append(user)
            if len(seen) == 2:
                break
    if facilitator:
        people.append(facilitator)
    return people


def _seed_page_threads(page, people, threads, anchor="") -> int:
    if page is None or not people or not _thread_is_empty(page):
        return 0
    for index, (author, text, replies) in enumerate(threads):
        language = "en" if text.isascii() else "fr"
        root = services.post_comment(
            people[author % len(people)],
            page,
            services.Draft(text, anchor=anchor if index == 0 else ""),
            language,
            limit_rate=False,
            notify=False,
        )
        _post_tree(page, people, root, replies)
        services.toggle_like(people[(author + 1) % len(people)], root)
    return 1


def seed_cycle_and_lesson(facilitator) -> int:
    people = _people_of_several_districts(facilitator)
    fr = Locale.objects.get(language_code="fr")
    made = 0
    cycle = CyclePage.objects.filter(slug=DISCUSSION_CYCLE_SLUG, locale=fr).first()
    if cycle is not None and cycle.discussion_is_open():
        anchors = cycle.discussion_anchors()
        made += _seed_page_threads(
            cycle, people, CYCLE_THREADS, anchors[0][0] if anchors else ""
        )
    lesson = LessonPage.objects.filter(slug=LESSON_SLUG, locale=fr).first()
    made += _seed_page_threads(lesson, people, LESSON_THREADS)
    return made


# What the facilitators find under "Delivery problems": a reply by e-mail held back
# (its text kept, to post for the member) and a digest the mail server refused.
HELD_REPLY = (
    "Merci pour ce retour. Chez nous, la rupture d’ACT a duré trois semaines : nous "
    "avons fini par emprunter au district voisin."
)


def _seed_delivery_problems(forum, member) -> int:
    if member is None or ChannelFailure.objects.exists():
        return 0
    failures.record(
        Channel.INBOUND,
        "rate-limited",
        user=member,
        sender=member.email,
        page=forum,
        subject="Re: Ruptures de stock d’ACT",
        text=HELD_REPLY,
    )
    failures.record_outbound(
        member,
        smtplib.SMTPDataError(554, "5.7.1 Message rejected: mailbox unavailable"),
        subject="Résumé de la semaine",
    )
    return 2


def seed() -> str:
    User = get_user_model()
    home_fr = HomePage.objects.get(locale__language_code="fr")
    home_en = home_fr.get_translation(Locale.objects.get(language_code="en"))
    facilitator = User.objects.filter(username="facilitator").first()
    made = 0
    for slug, code, french, english in FORUMS:
        country = Country.objects.filter(code=code).first() if code else None
        forum = _ensure_forum(home_fr, home_en, slug, country, french, english)
        members = User.objects.filter(username__startswith="hdmt-")
        if country:
            members = members.filter(membership__district__country=country)
        people = list(members.order_by("username")[:4])
        if facilitator:
            people.append(facilitator)
        made += 1 if _seed_threads(forum, people, facilitator) else 0
    pages = seed_cycle_and_lesson(facilitator)
    general = ForumPage.objects.filter(slug=FORUMS[0][0], locale=home_fr.locale).first()
    member = User.objects.filter(username="hdmt-bj-banikoara-1").first()
    problems = _seed_delivery_problems(general, member)
    return (
        f"{len(FORUMS)} forums in French and English, threads in {made} new; "
        f"{pages} new cycle or lesson threads; {problems} delivery problems"
    )
