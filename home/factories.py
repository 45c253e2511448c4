import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "District.Team"
    intro = "Les équipes cadres de district apprennent ensemble."
