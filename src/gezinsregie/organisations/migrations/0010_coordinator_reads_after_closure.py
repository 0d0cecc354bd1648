from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("organisations", "0009_neighbourhoods")]

    operations = [
        migrations.AddField(
            model_name="approach",
            name="coordinator_reads_after_closure_days",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text=(
                    "Hoe lang de regisseur een afgesloten gezin nog kan inzien, gerekend vanaf de afsluiting. "
                    "Leeg: tot de bewaartermijn verstrijkt. 0: niet meer na de afsluiting."
                ),
                null=True,
                verbose_name="leestoegang van de regisseur na afsluiting (dagen)",
            ),
        ),
    ]
