from django.urls import path

from participation.invitations import views

app_name = "participation"
urlpatterns = [
    path(
        "invitations/<str:token>/",
        views.accept_invitation,
        name="accept_invitation",
    ),
]
