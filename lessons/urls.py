from django.urls import path

from lessons.feeds import LessonsAtomFeed, LessonsRssFeed

urlpatterns = [
    path("rss/", LessonsRssFeed(), name="lessons-rss"),
    path("atom/", LessonsAtomFeed(), name="lessons-atom"),
]
