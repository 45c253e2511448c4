import wagtail_factories

from discussions.models import ForumPage


class ForumPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ForumPage

    title = "Forum des équipes"
    slug = "forum"
