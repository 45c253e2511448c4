"""The demo home page in French, with its English translation."""

from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory
from home.models import HomePage
from portal.links import site_address
from portal.localize import translate_fields

FRENCH = {
    "title": "District.Team",
    "intro": (
        "Les équipes cadres de district du Bénin et de la Guinée apprennent ensemble : "
        "elles enquêtent sur un problème de santé, comparent leurs réponses et "
        "partagent les leçons avec les décideurs."
    ),
    "how_it_works": (
        "<p>Chaque <b>cycle d’apprentissage</b> dure quelques semaines. L’équipe de "
        "facilitation propose un thème, chaque district répond une fois au "
        "questionnaire, puis tous discutent des résultats.</p>"
    ),
}
ENGLISH = {
    "title": "District.Team",
    "intro": (
        "District health management teams from Benin and Guinea learn together: they "
        "investigate a health issue, compare their answers and share the lessons with "
        "policymakers."
    ),
    "how_it_works": (
        "<p>Each <b>learning cycle</b> lasts a few weeks. The facilitation team "
        "proposes a topic, each district answers the questionnaire once, then everyone "
        "discusses the results.</p>"
    ),
}


def _publish(page: Page, fields: dict) -> Page:
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def ensure_home_pages() -> tuple[HomePage, HomePage]:
    french, english = (
        Locale.objects.get(language_code="fr"),
        Locale.objects.get(language_code="en"),
    )
    root = Page.get_first_root_node()
    home_fr = HomePage.objects.filter(locale=french).first()
    if home_fr is None:
        home_fr = HomePageFactory(parent=root, slug="accueil", locale=french, **FRENCH)
    _publish(home_fr, FRENCH)

    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    hostname, port = site_address()  # BASE_URL's: page.full_url agrees with it
    site.hostname, site.port, site.root_page, site.site_name = (
        hostname,
        port,
        home_fr,
        "District.Team",
    )
    site.save()
    # Wagtail's placeholder "Welcome" page is no longer reachable: remove it.
    Page.objects.filter(depth=2).exclude(locale__in=[french, english]).delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()

    home_en = translate_fields(home_fr, english, {**ENGLISH, "slug": "home"})
    return home_fr, home_en


def seed() -> str:
    ensure_home_pages()
    return "home page in French and English"
