"""The fictional names and texts of the demo world (Zeldenbroek): nothing here is a real person."""

from gezinsregie.casework.models import FamilyStatus

MUNICIPALITY = "Zeldenbroek"
NEIGHBOURHOODS = ["Centrum", "Noordhoek", "De Velden", "Oostwijk", "Havenkwartier", "Zuiderpark"]
SURNAMES = [
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "Schouten",
    "Willems",
    "van Dijk",
    "Hoekstra",
    "Maas",
    "Verhoeven",
    "Koster",
    "Prins",
    "Blom",
    "Huisman",
    "Peeters",
    "Kuipers",
    "van Wijk",
    "Postma",
]
PARENT_NAMES = [
    "Sandra",
    "Mohamed",
    "Linda",
    "Patrick",
    "Fatima",
    "Kevin",
    "Naima",
    "Roy",
    "Esther",
    "Dennis",
]
CHILD_NAMES = ["Noah", "Emma", "Sem", "Julia", "Daan", "Mila", "Liam", "Sara", "Finn", "Yara", "Levi", "Nora"]
PARTNERS = [
    ("Politie basisteam Zeldenbroek", "politie"),
    ("Woonstichting Zeldenbroek", "woningbouw"),
    ("GGZ Zeldenbroek", "(j-)GGZ"),
    ("Schuldhulpverlening Zeldenbroek", "schuldhulpverlening"),
    ("Maatschappelijk werk De Schakel", "maatschappelijk werk"),
    ("Basisschool De Regenboog", "onderwijs"),
    ("Jeugdgezondheidszorg GGD Zeldenbroek", "jeugdgezondheidszorg"),
    ("Leerplicht Zeldenbroek", "leerplicht"),
    ("Jeugdbescherming Regio Zeldenbroek", "gezinsvoogdij & jeugdreclassering"),
]
REASONS = [
    "Herhaalde meldingen van overlast en huiselijke spanningen; huurachterstand van vier maanden.",
    "Kinderen verzuimen structureel van school; ouder met onbehandelde psychische klachten.",
    "Schulden lopen op, dreigende huisuitzetting; eerdere hulpverlening is vastgelopen.",
    "Zorgen over de veiligheid van de kinderen na politiemelding; vader recent uit detentie.",
    "Vervuilde woning, geïsoleerd gezin, moeder met licht verstandelijke beperking.",
    "Oudste zoon betrokken bij jeugdgroep; ouders hebben geen zicht op zijn dagbesteding.",
]
# status, how many, share with a coordinator
STATES = [
    (FamilyStatus.REGISTERED, 6),
    (FamilyStatus.TRIAGE, 4),
    (FamilyStatus.DECLINED, 2),
    (FamilyStatus.ACTIVE, 18),
    (FamilyStatus.AFTERCARE, 5),
    (FamilyStatus.CLOSED, 5),
]
