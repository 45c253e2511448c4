from django.urls import path

from followup import draft_views, views

app_name = "followup"
urlpatterns = [
    path("cycles/<int:page_id>/commitments/", views.save, name="save"),
    path(
        "cycles/<int:page_id>/commitments/draft/",
        draft_views.save_draft,
        name="draft",
    ),
    path(
        "cycles/<int:page_id>/what-changed/",
        views.what_changed_download,
        name="download",
    ),
]
