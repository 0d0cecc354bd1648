"""The 30 approaches of 21 municipalities of the Rapportage 21 gemeenten 2013, rebuilt from its published numbers:
one published policy-level inspection per approach with the judgements behind figures 2, 4, 6, 7, 9 and 10, and a
typering per approach with the characteristics behind figures 3 and 6 (shared by test_denominators.py and
test_characteristics.py).

Per indicator: how many approaches meet it, how many have an improvement point, and how many were not assessed;
the rest of the framework is not judged. The report's sentences these counts come from are in FIGURES.
Figure 8 (problems with the availability of care: often / sometimes / never) is drawn in the report without its
numbers; AVAILABILITY is ours, with two approaches without an answer.
"""

from dataclasses import dataclass

from gezinsregie.organisations.models import Approach, Municipality
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, MET, NOT_ASSESSED
from gezinsregie.reports.models import ApproachProfile
from tests.reports.aggregation_world import World

MUNICIPALITIES = [
    "Alkmaar", "Almere", "Bergen op Zoom", "Delft", "Den Helder", "Deventer", "Dordrecht", "Ede", "Eindhoven",
    "Emmen", "Gouda", "Haarlemmermeer", "Hengelo", "Leeuwarden", "Lelystad", "Maastricht", "Oosterhout",
    "Sittard-Geleen", "Spijkenisse", "Venlo", "Zwolle",
]  # fmt: skip
APPROACHES = 30


@dataclass(frozen=True)
class Figure:
    key: str
    met: int
    improvement: int
    not_assessed: int
    percent: int  # as printed: the percentage of the judgement the sentence is about
    about: str  # MET or IMPROVEMENT
    sentence: str  # where the report says it


FIGURES = [
    Figure("B3.c.1", 28, 2, 0, 93, MET, "28 van de 30 onderzochte aanpakken (93%) hebben dit als uitgangspunt"),
    Figure("B3.b.1", 29, 1, 0, 97, MET, "Dit geldt voor 29 van de 30 aanpakken (97%)"),
    Figure("B2.a.1", 28, 2, 0, 93, MET, "Figuur 4: Eigen kracht gezin ondersteund en benut 93%"),
    Figure("B2.a.2", 26, 4, 0, 87, MET, "Het inschakelen van het sociale netwerk vindt een plek in 26 aanpakken (87%)"),
    Figure("B2.a.3", 23, 5, 2, 82, MET, "Bij 23 van in totaal 28 aanpakken (82%) wordt gewerkt vanuit de behoefte"),
    Figure("B3.b.2", 20, 10, 0, 67, MET, "In tweederde van de aanpakken (67%) heeft de regisseur de doorzettingsmacht"),
    Figure("B5.b.1", 6, 24, 0, 80, IMPROVEMENT, "In 24 van de 30 aanpakken (80%) zijn die afspraken niet gemaakt"),
    Figure("B4.a.2", 23, 7, 0, 77, MET, "In 23 van de 30 aanpakken (77%) zijn opschalingsmogelijkheden geregeld"),
    Figure("B5.c.1", 18, 12, 0, 60, MET, "Binnen 18 aanpakken (60%) zijn afspraken gemaakt"),
]  # fmt: skip

# figure 3: "coördinerende rol ... zonder zelf in het gezin werkzaam te zijn (57%)", "beide rollen combineren (23%)"
COORDINATION = ["in_family"] * 6 + ["at_distance"] * 17 + ["both"] * 7
# figure 6: "Gezinsplan leidend voor professionals 43%"; "In 17 van de 30 aanpakken (57%) voelen professionals zich
# niet gebonden aan de afspraken die in het gezinsplan staan"
PLAN_LEADING = ["yes"] * 13 + ["no"] * 17
AVAILABILITY = ["often"] * 12 + ["sometimes"] * 10 + ["never"] * 6 + [""] * 2  # ours: figure 8 has no numbers


def judgement_of(figure: Figure, index: int) -> str | None:
    """The approach's judgement on the figure's indicator; None: no finding at all (not assessed too)."""
    if index < figure.met:
        return MET
    if index < figure.met + figure.improvement:
        return IMPROVEMENT
    return NOT_ASSESSED if index % 2 else None  # not assessed: once said (–), once not judged at all


def build_figures(w: World) -> list[Approach]:
    domains = w.testdam.life_domain_set
    places = [Municipality.objects.create(name=name) for name in MUNICIPALITIES]
    approaches = []
    for index in range(APPROACHES):
        approach = Approach.objects.create(
            municipality=places[index % len(places)],
            name=f"Aanpak {index + 1:02}",
            life_domain_set=domains,
            framework=w.framework,
        )
        inspection = w.inspection(approach, 2013)
        for figure in FIGURES:
            judgement = judgement_of(figure, index)
            if judgement is not None:
                w.finding(inspection, [figure.key], judgement)
        ApproachProfile.objects.create(
            inspection=inspection,
            coordination=COORDINATION[index],
            plan_leading=PLAN_LEADING[index],
            availability_problems=AVAILABILITY[index],
            updated_by=w.inspector,
        )
        approaches.append(approach)
    return approaches
