"""Demo: the municipality's own policy facts (issue 13 §4), so the policy page and the judging screen show every
kind of proposal. The Integrale Aanpak has an estimate of the group (and an older one) and a convenant without the
school (Maastricht 2013: onderwijs missing from the convenant) beside a privacy protocol that expired; Gezinsmanagement
has no estimate (Oosterhout 2013: X) and a cooperation agreement with only the party that runs it (Oosterhout 2013:
X), but an information-sharing convenant with every partner."""

from datetime import date, timedelta

from django.core.files.base import ContentFile

from gezinsregie.accounts.models import User
from gezinsregie.organisations.models import (
    AgreementKind,
    Approach,
    CooperationAgreement,
    Organisation,
    PopulationEstimate,
)

SCHOOL = "Basisschool De Regenboog"
DOCUMENT = b"%PDF-1.4\n% Samenwerkingsconvenant Integrale Aanpak Veiligheidshuis Zeldenbroek (demo)\n%%EOF\n"


def _agreement(
    approach: Approach,
    *,
    kind: str,
    title: str,
    parties: list[Organisation],
    signed_on: date,
    valid_until: date | None,
    recorder: User,
    document: bytes | None = None,
) -> CooperationAgreement:
    agreement = CooperationAgreement(
        approach=approach, kind=kind, title=title, signed_on=signed_on, valid_until=valid_until, recorded_by=recorder
    )
    if document is not None:
        agreement.document.save("samenwerkingsconvenant-integrale-aanpak.pdf", ContentFile(document), save=False)
    agreement.save()
    agreement.parties.set(parties)
    return agreement


def demo_policy_facts(*, integrale: Approach, gezinsmanagement: Approach, officer: User, today: date) -> None:
    partners = list(integrale.partners.order_by("name"))
    PopulationEstimate.objects.create(
        approach=integrale,
        families=110,
        estimated_on=today - timedelta(days=900),
        source="Eerste telling van het Veiligheidshuis: gezinnen met meer dan drie politiemeldingen per jaar.",
        recorded_by=officer,
    )
    PopulationEstimate.objects.create(
        approach=integrale,
        families=140,
        estimated_on=today - timedelta(days=120),
        source="Wijkanalyse met politie, Woonstichting en jeugdgezondheidszorg; per wijk op het scherm Populatie.",
        recorded_by=officer,
    )
    _agreement(
        integrale,
        kind=AgreementKind.COOPERATION,
        title="Samenwerkingsconvenant Integrale Aanpak Veiligheidshuis",
        parties=[p for p in partners if p.name != SCHOOL],
        signed_on=today - timedelta(days=600),
        valid_until=today + timedelta(days=500),
        recorder=officer,
        document=DOCUMENT,
    )
    _agreement(
        integrale,
        kind=AgreementKind.PRIVACY_PROTOCOL,
        title="Privacyprotocol Veiligheidshuis Zeldenbroek",
        parties=partners,
        signed_on=today - timedelta(days=1400),
        valid_until=today - timedelta(days=60),
        recorder=officer,
    )
    running = [
        p
        for p in gezinsmanagement.partners.all()
        if p.name in ("Gemeente Zeldenbroek", "Maatschappelijk werk De Schakel")
    ]
    _agreement(
        gezinsmanagement,
        kind=AgreementKind.COOPERATION,
        title="Samenwerkingsafspraak Gezinsmanagement",
        parties=running,
        signed_on=today - timedelta(days=400),
        valid_until=None,
        recorder=officer,
    )
    _agreement(
        gezinsmanagement,
        kind=AgreementKind.INFORMATION_SHARING,
        title="Convenant informatie-uitwisseling CJG en Veiligheid",
        parties=list(gezinsmanagement.partners.all()),
        signed_on=today - timedelta(days=700),
        valid_until=None,
        recorder=officer,
    )
