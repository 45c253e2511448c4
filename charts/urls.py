from django.urls import path

from charts import views

app_name = "charts"

prefix = "<uuid:translation_key>/<str:language>/<str:block_id>/"
urlpatterns = [
    path(f"{prefix}data.csv", views.data_csv, name="csv"),
    path(f"{prefix}data.json", views.data_json, name="json"),
    path(f"{prefix}figure.json", views.figure, name="figure"),
    path(f"{prefix}embed/", views.embed, name="embed"),
    path(prefix, views.chart_page, name="page"),
]
