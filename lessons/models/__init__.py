from lessons.models.alerts import (
    CountrySubscription,
    LessonAlertSent,
    TopicSubscription,
)
from lessons.models.brief import LessonBrief
from lessons.models.pages import LessonPage, LessonsIndexPage
from lessons.models.taxonomy import Audience, Topic

__all__ = [
    "Audience",
    "CountrySubscription",
    "LessonAlertSent",
    "LessonBrief",
    "LessonPage",
    "LessonsIndexPage",
    "Topic",
    "TopicSubscription",
]
