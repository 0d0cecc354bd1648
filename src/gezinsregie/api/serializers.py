from rest_framework import serializers

from gezinsregie.casework.models import Family, Member
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
