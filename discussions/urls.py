from django.urls import path

from discussions import views

app_name = "discussions"
urlpatterns = [
    path("page/<int:page_id>/post/", views.post, name="post"),
    path("page/<int:page_id>/follow/", views.follow, name="follow"),
    path("comment/<int:comment_id>/edit/", views.edit, name="edit"),
    path("comment/<int:comment_id>/delete/", views.delete, name="delete"),
    path("comment/<int:comment_id>/like/", views.like, name="like"),
    path("comment/<int:comment_id>/flag/", views.flag, name="flag"),
    path("notifications/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
