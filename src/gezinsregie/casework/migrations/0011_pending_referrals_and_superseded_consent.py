# Issue 12 §6 (aanmeldingen held for the intake team) and §7 (a new consent supersedes the one in force)

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0010_inspection_mandate_record'),
        ('frameworks', '0002_stj_domain'),
        ('organisations', '0005_after_the_plan'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='consent',
            name='superseded_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='supersedes', to='casework.consent', verbose_name='vervangen door'),
        ),
        migrations.CreateModel(
            name='PendingReferral',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('family_name', models.CharField(max_length=120, verbose_name='gezinsnaam')),
                ('address', models.CharField(blank=True, max_length=200, verbose_name='adres')),
                ('neighbourhood', models.CharField(blank=True, max_length=80, verbose_name='wijk')),
                ('members', models.JSONField(default=list, verbose_name='gezinsleden')),
                ('referred_on', models.DateField(verbose_name='datum aanmelding')),
                ('source', models.CharField(choices=[('police', 'politie'), ('school', 'school'), ('housing', 'woningcorporatie'), ('gp', 'huisarts'), ('neighbourhood', 'signaal uit de buurt'), ('partner', 'andere netwerkpartner'), ('family', 'gezin zelf'), ('other', 'anders')], max_length=20, verbose_name='bron')),
                ('reason', models.TextField(verbose_name='reden van aanmelding')),
                ('urgency', models.CharField(choices=[('normal', 'normaal'), ('high', 'hoog'), ('crisis', 'crisis')], default='normal', max_length=10, verbose_name='urgentie')),
                ('received_at', models.DateTimeField(auto_now_add=True)),
                ('outcome', models.CharField(blank=True, choices=[('linked', 'gekoppeld aan een bekend gezin'), ('registered', 'geregistreerd als nieuw gezin')], max_length=12, verbose_name='afhandeling')),
                ('handled_at', models.DateTimeField(blank=True, null=True)),
                ('approach', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.approach', verbose_name='aanpak')),
                ('candidates', models.ManyToManyField(related_name='+', to='casework.family', verbose_name='mogelijk bekende gezinnen')),
                ('domains', models.ManyToManyField(related_name='+', to='frameworks.lifedomain', verbose_name='leefgebieden van zorg')),
                ('family', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='casework.family', verbose_name='gezin')),
                ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='organisatie')),
                ('referred_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='aangemeld door')),
            ],
            options={
                'verbose_name': 'aanmelding om te koppelen',
                'verbose_name_plural': 'aanmeldingen om te koppelen',
                'ordering': ['received_at', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('outcome', ''), models.Q(('family__isnull', False), ('handled_at__isnull', False)), _connector='OR'), name='pending_referral_handled_with_family')],
            },
        ),
    ]
