"""manage.py run_checks: the periodic deadline checks once, now (escalation steps whose deadline passed)."""

from typing import Any

from django.core.management.base import BaseCommand

from gezinsregie.casework.tasks import checks


class Command(BaseCommand):
    help = "Voert de periodieke controles één keer uit (opschalingen, besluiten, acties, nazorgcontacten)."

    def handle(self, *args: Any, **options: Any) -> None:
        done = checks()
        self.stdout.write(f"Besluiten zonder reactie opgeschaald: {done['decisions_escalated']}.")
        self.stdout.write(f"Opschalingen een trede hoger: {done['escalation_steps']}.")
        self.stdout.write(f"Herinneringen aan actiehouders: {done['action_reminders']}.")
        self.stdout.write(f"Meldingen over gemiste nazorgcontacten: {done['checkin_alerts']}.")
        self.stdout.write(f"Nazorg afgerond (alle contacten gehouden): {done['aftercare_completed']}.")
        self.stdout.write(f"E-mails opnieuw verstuurd: {done['emails_retried']}.")
