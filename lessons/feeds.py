"""RSS and Atom feeds of new lessons in the reader's language: all, per topic, per
country (`?topic=<code>` or `?country=<code>`).

Every link is absolute on BASE_URL (portal/links.py): left relative, Django's
syndication would put them on ``django.contrib.sites``' domain."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from lessons.models import LessonPage
from lessons.taxonomy import TopicCode
from portal.links import absolute_url
from portal.translations import for_readers_of

FEED_SIZE = 30


class LessonsRssFeed(Feed):
    def get_object(self, request: HttpRequest):
        self.request = request
        return {
            "topic": request.GET.get("topic", "")[:40],
            "country": request.GET.get("country", "")[:2].upper(),
        }

    def title(self, obj):
        if obj["topic"]:
            label = dict(TopicCode.choices).get(obj["topic"], obj["topic"])
            return _("District.Team lessons: %(topic)s") % {"topic": label}
        if obj["country"]:
            return _("District.Team lessons: %(country)s") % {"country": obj["country"]}
        return _("District.Team lessons")

    def link(self, obj):
        return absolute_url(reverse("search"))

    def feed_url(self, obj):
        return absolute_url(self.request.get_full_path())

    def description(self, obj):
        return _("New lessons, briefs and notes from health district teams.")

    def items(self, obj):
        lessons = for_readers_of(LessonPage.objects.live().public()).order_by(
            "-first_published_at"
        )
        if obj["topic"]:
            lessons = lessons.filter(topics__code=obj["topic"])
        if obj["country"]:
            lessons = lessons.filter(countries__code=obj["country"])
        return lessons[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return " ".join(str(block.value) for block in item.key_messages) or strip_tags(
            item.summary
        )

    def item_link(self, item):
        return absolute_url(item.reader_url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class LessonsAtomFeed(LessonsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
