from django.urls import path

from discussions import translation_views, views

app_name = "discussions"
urlpatterns = [
    path("page/<int:page_id>/post/", views.post, name="post"),
    path("page/<int:page_id>/follow/", views.follow, name="follow"),
    path("comment/<int:comment_id>/edit/", views.edit, name="edit"),
    path("comment/<int:comment_id>/delete/", views.delete, name="delete"),
    path("comment/<int:comment_id>/like/", views.like, name="like"),
    path("comment/<int:comment_id>/flag/", views.flag, name="flag"),
    path(
        "comment/<int:comment_id>/translate/",
        translation_views.translate_comment,
        name="translate",
    ),
    path(
        "page/<int:page_id>/translate-synthesis/",
        translation_views.translate_synthesis,
        name="translate_synthesis",
    ),
    path("notifications/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
