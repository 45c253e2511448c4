from django.urls import path

from sms import views

app_name = "sms"
urlpatterns = [
    path("s/<slug:code>", views.follow, name="short-link"),
    path("sms/inbound/<slug:gateway>/", views.inbound, name="inbound"),
]
