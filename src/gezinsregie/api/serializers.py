from rest_framework import serializers

from gezinsregie.casework.models import Family, Member, MemberRelation, ReferralSource, Urgency
from gezinsregie.casework.rules import MAX_MEMBERS
from gezinsregie.common.limits import MAX_TEXT, SaneDate
from gezinsregie.frameworks.models import Framework


class FamilySummarySerializer(serializers.ModelSerializer):
    approach: serializers.Field = serializers.StringRelatedField()
    coordinator: serializers.Field = serializers.StringRelatedField()

    class Meta:
        model = Family
        fields = [
            "id",
            "reference",
            "name",
            "approach",
            "status",
            "neighbourhood",
            "registered_on",
            "started_on",
            "coordinator",
        ]


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ["first_name", "last_name", "birth_date", "relation"]


class FamilyDetailSerializer(FamilySummarySerializer):
    members = MemberSerializer(many=True, read_only=True)

    class Meta(FamilySummarySerializer.Meta):
        fields = [*FamilySummarySerializer.Meta.fields, "members"]


class FrameworkSerializer(serializers.ModelSerializer):
    indicators = serializers.SerializerMethodField()

    class Meta:
        model = Framework
        fields = ["key", "name", "owner", "ggsr_minimum_domains", "indicators"]

    def get_indicators(self, framework: Framework) -> list[dict[str, str]]:
        return [
            {"key": i.key, "text": i.text, "criterion": c.key, "theme": t.key, "level": lv.key}
            for lv in framework.levels.all()
            for t in lv.themes.all()
            for c in t.criteria.all()
            for i in c.indicators.all()
        ]


class MemberInputSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=80)
    last_name = serializers.CharField(max_length=120)
    birth_date = serializers.DateField(validators=[SaneDate(future=False)], help_text="vanaf 1900, niet in de toekomst")
    relation = serializers.ChoiceField(choices=MemberRelation.choices)


class RegistrationSerializer(serializers.Serializer):
    """An aanmelding through the API: the same rules as the form (services.family_register)."""

    approach = serializers.IntegerField(min_value=1, max_value=2**31 - 1, help_text="id van de aanpak")
    family_name = serializers.CharField(max_length=120)
    address = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    neighbourhood = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    members = MemberInputSerializer(  # type: ignore[call-arg]  # the stubs miss ListSerializer's max_length
        many=True,
        max_length=MAX_MEMBERS,
        error_messages={"max_length": f"Een gezin heeft hoogstens {MAX_MEMBERS} gezinsleden."},
    )
    # DRF pops declared fields off the class, so this does not shadow Field.source at runtime
    source = serializers.ChoiceField(choices=ReferralSource.choices)  # type: ignore[assignment]
    reason = serializers.CharField(
        max_length=MAX_TEXT, error_messages={"max_length": "Deze tekst is te lang: hoogstens {max_length} tekens."}
    )
    domains = serializers.ListField(
        child=serializers.SlugField(max_length=50), max_length=30, help_text="sleutels van leefgebieden"
    )
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    referred_on = serializers.DateField(
        validators=[SaneDate(future=False)], help_text="vanaf 1900, niet in de toekomst"
    )
    register_as_new = serializers.BooleanField(
        default=False,
        help_text="bevestig een nieuw gezin ondanks een bekend gezin dat u te zien kreeg (409); een aanmelding die "
        "over een gezin kan gaan dat u niet mag zien, wacht op het intaketeam",
    )


class RegisteredSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    status = serializers.CharField()


class ReceivedSerializer(serializers.Serializer):
    """The answer to every aanmelding received: the same shape whether or not the family was known (issue 12 §6)."""

    detail = serializers.CharField()
    received_on = serializers.DateField()
    family = RegisteredSerializer(allow_null=True, help_text="het nieuwe gezin, alleen voor wie het mag zien")


class DuplicateSerializer(serializers.Serializer):
    detail = serializers.CharField()
    matches = serializers.ListField(child=serializers.DictField())
