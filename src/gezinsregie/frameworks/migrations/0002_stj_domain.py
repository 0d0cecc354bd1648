"""Each life domain names the STJ domain it falls under (toetsingskader C1.a.1), taken from the shipped
life-domain-sets.yaml for sets already loaded; `load_frameworks` keeps it current afterwards."""

from pathlib import Path

import yaml
from django.db import migrations, models

SETS = Path(__file__).resolve().parents[1] / "data" / "life-domain-sets.yaml"


def map_to_stj(apps, schema_editor):  # type: ignore[no-untyped-def]
    LifeDomain = apps.get_model("frameworks", "LifeDomain")
    for domain_set in yaml.safe_load(SETS.read_text(encoding="utf-8"))["life_domain_sets"]:
        domains = LifeDomain.objects.filter(domain_set__key=domain_set["key"])
        if "domains" not in domain_set:  # taken from the framework: each its own STJ domain
            for domain in domains:
                domain.stj_domain = domain.key
                domain.save(update_fields=["stj_domain"])
            continue
        for given in domain_set["domains"]:
            domains.filter(key=given["key"]).update(stj_domain=given.get("stj") or "")


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="lifedomain",
            name="stj_domain",
            field=models.SlugField(
                blank=True,
                help_text="Het leefgebied uit de definitie GGSR waaronder dit leefgebied valt; leeg: geen.",
                max_length=40,
                verbose_name="leefgebied volgens de STJ-definitie",
            ),
        ),
        migrations.RunPython(map_to_stj, migrations.RunPython.noop),
    ]
