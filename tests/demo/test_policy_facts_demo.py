"""The demo shows every kind of proposal at policy level from the municipality's own facts (issue 13 §4)."""

import pytest
from django.utils import timezone

from gezinsregie.assessment.indicators import Outcome
from gezinsregie.assessment.policy_evidence import evidence_for
from gezinsregie.casework.models import Family
from gezinsregie.demo.seed import demo_load
from gezinsregie.organisations.models import Approach

pytestmark = pytest.mark.django_db


def test_the_demo_approaches_show_an_estimate_a_register_an_expired_protocol_and_onderwijs_missing(
    framework, settings
) -> None:
    settings.DEMO_MODE = True
    demo_load()
    today = timezone.localdate()

    def evidence(name: str) -> dict:  # type: ignore[type-arg]
        approach = Approach.objects.get(name=name)
        return evidence_for(approach=approach, families=Family.objects.filter(approach=approach), today=today)

    integrale, gezinsmanagement = evidence("Integrale Aanpak Veiligheidshuis"), evidence("Gezinsmanagement")
    assert integrale["B1.a.2"].proposal == Outcome.MET
    assert "Eigen schatting van de gemeente: 140 gezinnen" in " ".join(integrale["B1.a.2"].lines)
    assert gezinsmanagement["B1.a.2"].proposal == Outcome.NOT_MET  # Oosterhout 2013: no estimate
    # Maastricht 2013: onderwijs missing from the convenant
    assert integrale["B4.b.2"].proposal == Outcome.NOT_MET
    assert "Basisschool De Regenboog" in integrale["B4.b.2"].reason
    assert "Typen partners zonder geldende afspraak: onderwijs." in integrale["B4.b.2"].lines
    assert integrale["B4.c.1"].proposal == Outcome.NOT_MET  # the privacy protocol expired
    assert any(line.startswith("VERLOPEN: Privacyprotocol") for line in integrale["B4.c.1"].lines)
    assert gezinsmanagement["B4.c.1"].proposal == Outcome.MET
    assert gezinsmanagement["B4.b.2"].proposal == Outcome.NOT_MET  # Oosterhout 2013: only the running party
    assert integrale["B3.b.2"].proposal == Outcome.MET and gezinsmanagement["B3.b.2"].proposal == Outcome.NOT_MET
