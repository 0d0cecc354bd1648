"""The family reference from a database sequence (issue 11 §8), started past the references already given."""

from django.db import migrations

CREATE = r"""
CREATE SEQUENCE IF NOT EXISTS casework_family_reference AS bigint START WITH 1 MINVALUE 1;
SELECT setval(
    'casework_family_reference',
    COALESCE(
        (SELECT MAX(CAST(SUBSTRING(reference FROM 4) AS bigint)) FROM casework_family WHERE reference ~ '^GR-\d+$'),
        0
    ) + 1,
    false
);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP SEQUENCE IF EXISTS casework_family_reference")


class Migration(migrations.Migration):
    dependencies = [("casework", "0013_member_bsn")]

    operations = [migrations.RunPython(create, drop)]
