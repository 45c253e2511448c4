from django.urls import path

from lessons import follow_views as views

app_name = "follow"
urlpatterns = [
    path("", views.follow_page, name="page"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
