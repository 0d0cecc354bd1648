from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "gezinsregie.organisations"
    verbose_name = "Organisaties en aanpakken"
