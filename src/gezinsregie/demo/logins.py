"""The demo logins (password "demo"). They exist only where settings.DEMO_MODE is on."""

from gezinsregie.accounts.models import Role

DEMO_PASSWORD = "demo"

# (username, role, label shown on the login page)
DEMO_LOGINS: list[tuple[str, str, str]] = [
    ("regisseur", Role.COORDINATOR, "regisseur"),
    ("procesmanager", Role.PROCESS_MANAGER, "procesmanager"),
    ("professional", Role.PROFESSIONAL, "professional van een netwerkpartner"),
    ("intake", Role.INTAKE, "intake- en prioriteringsteam"),
    ("beleid", Role.POLICY_OFFICER, "beleidsmedewerker gemeente"),
    ("inspecteur", Role.INSPECTOR, "inspecteur (STJ)"),
    ("privacy", Role.PRIVACY_OFFICER, "privacyfunctionaris"),
    ("beheer", Role.ADMINISTRATOR, "functioneel beheerder"),
]
