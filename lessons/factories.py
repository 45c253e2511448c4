import datetime

import factory
import wagtail_factories

from lessons.models import Audience, LessonPage, LessonsIndexPage, Topic
from lessons.taxonomy import LessonType


class LessonsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonsIndexPage

    title = "Bibliothèque des leçons"
    slug = "lecons"
    show_in_menus = True


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage
        skip_postgeneration_save = True

    title = factory.Sequence(
        lambda n: f"Leçon {n} : supervision formative des centres de santé"
    )
    lesson_type = LessonType.LESSON_LEARNED
    date = datetime.date(2026, 3, 15)
    key_messages = factory.LazyFunction(
        lambda: [
            ("message", "La supervision formative améliore la qualité des soins."),
            (
                "message",
                "Les équipes cadres planifient mieux avec des données fiables.",
            ),
            ("message", "Le suivi trimestriel renforce la redevabilité."),
        ]
    )
    summary = "<p>Les districts sanitaires ont renforcé la santé communautaire.</p>"
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Les districts ont partagé leurs pratiques.</p>")]
    )
    implementation = "<p>Prévoir un budget pour le carburant des supervisions.</p>"
    applicability = "<p>Applicable aux districts ruraux à faible densité.</p>"
    citation = "District.Team (2026). Leçon de cycle."

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(Topic.objects.filter(code__in=extracted))

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(Audience.objects.filter(code__in=extracted))

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)
