from django.urls import path

from gezinsregie.ops import views

app_name = "ops"
urlpatterns = [
    path("gezond/", views.alive, name="alive"),
    path("gereed/", views.ready, name="ready"),
]
