"""manage.py verify_access_log: recompute the access log's hash chain; exit 1 naming the first broken link."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gezinsregie.audit import selectors
from gezinsregie.audit.verification import verify_chain


class Command(BaseCommand):
    help = "Controleert de hashketen van het toegangslog in delen en noemt de eerste verbroken schakel."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--chunk", type=int, default=5000, help="regels per keer (standaard 5000)")
        parser.add_argument(
            "--head",
            default="",
            help="een eerder genoteerde kop VOLGNUMMER:HASH die nog in de keten moet staan (vangt afgeknipte staarten)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(checked: int) -> None:
            self.stdout.write(f"... {checked} regels gecontroleerd")

        verdict = verify_chain(chunk=options["chunk"], progress=progress)
        start = (
            f"vanaf ankerpunt na volgnummer {verdict.anchored_at_seq}" if verdict.anchored_at_seq else "vanaf het begin"
        )
        if verdict.broken is not None:
            raise CommandError(
                f"Toegangslog NIET intact ({start}, {verdict.checked} regels in orde): eerste verbroken schakel is "
                f"{verdict.broken}"
            )
        if options["head"]:
            self._check_head(options["head"], verdict.head_seq)
        self.stdout.write(
            self.style.SUCCESS(
                f"Toegangslog intact: {verdict.checked} regels {start}. "
                f"Kop: {verdict.head_seq}:{verdict.head_hash} (noteer deze buiten de database)"
            )
        )

    def _check_head(self, head: str, head_seq: int) -> None:
        seq_text, _, expected = head.partition(":")
        if not seq_text.isdigit() or len(expected) != 64:
            raise CommandError("--head verwacht VOLGNUMMER:HASH (64 tekens)")
        seq = int(seq_text)
        found = selectors.entry_hash_at(seq=seq)
        if seq > head_seq or (found is not None and found != expected):
            raise CommandError(
                f"De genoteerde kop {seq} staat niet (meer) zo in de keten: regels verwijderd of vervangen"
            )
