from django.contrib import admin

from gezinsregie.frameworks.models import Framework, LifeDomain, LifeDomainSet, ScaleLevel


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    """Frameworks are loaded from data files (manage.py load_frameworks), so read-only here."""

    list_display = ["key", "name", "owner", "loaded_at"]
    readonly_fields = ["key", "name", "owner", "ggsr_definition", "ggsr_minimum_domains", "content_hash"]

    def has_add_permission(self, request: object) -> bool:
        return False


class LifeDomainInline(admin.TabularInline):
    model = LifeDomain
    extra = 0


class ScaleLevelInline(admin.TabularInline):
    model = ScaleLevel
    extra = 0


@admin.register(LifeDomainSet)
class LifeDomainSetAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "source"]
    inlines = [LifeDomainInline, ScaleLevelInline]
