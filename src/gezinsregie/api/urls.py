from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from gezinsregie.api import views

router = DefaultRouter()
router.register("gezinnen", views.FamilyViewSet, basename="family")
router.register("toetsingskaders", views.FrameworkViewSet, basename="framework")
router.register("aanmeldingen", views.RegistrationViewSet, basename="registration")

app_name = "api"
urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
