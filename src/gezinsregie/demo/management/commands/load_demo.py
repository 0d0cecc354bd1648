from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from gezinsregie.demo.logins import DEMO_LOGINS
from gezinsregie.demo.seed import demo_load


class Command(BaseCommand):
    help = "Laadt de fictieve demogemeente Zeldenbroek met demo-logins (alleen in demomodus)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            world = demo_load()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        state = "aangemaakt" if world.created else "stonden er al"
        self.stdout.write(f"Demogemeente {world.municipality}: {world.families} gezinnen, {state}.")
        self.stdout.write("Demo-logins (wachtwoord: demo): " + ", ".join(u for u, _, _ in DEMO_LOGINS))
