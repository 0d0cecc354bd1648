"""The one family plan (1 gezin, 1 plan, 1 regisseur): goals per problem, actions with an owner and a date.

The plan is a living, versioned document (toetsingskader C3.a.3; the Maastricht 2014 nota found plans
missing, lost, never updated). Goals and actions are edited in place during a working session (`PlanSession`,
werksessie): the edits reach the items at once, and "Opslaan als nieuwe versie" raises `Plan.version` by one and
stores one full snapshot in `PlanVersion` for the whole session, so any two versions can be compared side by side
(issue 14 §1: a plan reached version 12 before the family agreed, one version per field).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.plans import rules


class Plan(models.Model):
    family = models.OneToOneField("casework.Family", on_delete=models.CASCADE, related_name="plan")
    # Optimistic locking: a change names the version it was based on (plans.services.StalePlanError).
    version = models.PositiveIntegerField(_("versie"), default=1)
    # toetsingskader C2.a.2: "de doelen zijn met het gezin bepaald"
    goals_set_with_family = models.BooleanField(_("doelen zijn met het gezin bepaald"), default=False)
    approved_by_family_on = models.DateField(_("gezin heeft ingestemd op"), null=True, blank=True)
    approved_version = models.PositiveIntegerField(_("versie waarmee het gezin instemde"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("gezinsplan")
        verbose_name_plural = _("gezinsplannen")

    def __str__(self) -> str:
        return f"Plan {self.family} (versie {self.version})"

    @property
    def changed_since_approval(self) -> bool:
        return self.approved_version is not None and self.version > self.approved_version


class Term(models.TextChoices):
    SHORT = "short", _("korte termijn")
    LONG = "long", _("lange termijn")


class GoalStatus(models.TextChoices):
    OPEN = "open", _("loopt")
    ACHIEVED = "achieved", _("bereikt")
    DROPPED = "dropped", _("vervallen")


NO_PROBLEM = _("Een doel hoort altijd bij een probleem uit de probleemanalyse. Kies het probleem.")


class Goal(models.Model):
    """A goal for one problem of the analysis (toetsingskader C3.a.2: goals for all problems).

    A goal without a problem is invalid: the column is NOT NULL and full_clean says so in Dutch.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    problem = models.ForeignKey(
        "casework.Problem",
        verbose_name=_("probleem"),
        on_delete=models.PROTECT,
        related_name="goals",
        error_messages={"null": NO_PROBLEM, "blank": NO_PROBLEM},
    )
    description = models.TextField(_("doel"))
    priority = models.PositiveSmallIntegerField(
        _("prioriteit"), validators=[MinValueValidator(1), MaxValueValidator(99)], help_text=_("1 = eerst")
    )
    term = models.CharField(_("termijn"), max_length=10, choices=Term.choices, default=Term.SHORT)
    status = models.CharField(_("status"), max_length=10, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    # The order within the goals of the same priority (up/down on the plan page); 0 = in the order added.
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["priority", "position", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(priority__gte=1), name="goal_priority_from_1")]

    def __str__(self) -> str:
        return self.description[:80]

    def clean(self) -> None:
        if self.problem_id is not None and self.plan_id is not None and self.problem.family_id != self.plan.family_id:
            raise ValidationError({"problem": _("Dit probleem hoort niet bij dit gezin.")})


class OwnerKind(models.TextChoices):
    MEMBER = "member", _("gezinslid")
    PROFESSIONAL = "professional", _("professional")
    NETWORK = "network", _("iemand uit het netwerk")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("gedaan")
    CANCELLED = "cancelled", _("gaat niet door")
    NOT_POSSIBLE = "not_possible", _("kan niet (volgens de actiehouder)")


class Action(models.Model):
    """Who does what by when, for one goal. The owner is a family member, a professional or a network person."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("actie"))
    owner_kind = models.CharField(_("wie doet het"), max_length=15, choices=OwnerKind.choices)
    owner_member = models.ForeignKey(
        "casework.Member", verbose_name=_("gezinslid"), on_delete=models.PROTECT, null=True, blank=True
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    owner_name = models.CharField(_("naam (netwerk)"), max_length=160, blank=True)
    due_on = models.DateField(_("klaar op"))
    status = models.CharField(_("status"), max_length=15, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    meeting = models.ForeignKey(
        "plans.Meeting",
        verbose_name=_("afgesproken in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )
    # What the owner reported: a note with "gedaan", the reason with "kan niet" (the coordinator reads it).
    status_note = models.TextField(_("toelichting van de actiehouder"), blank=True)
    # The order within the goal (up/down on the plan page); 0 = by date, as before positions existed.
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["position", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        owner_kind="member",
                        owner_member__isnull=False,
                        owner_user__isnull=True,
                        owner_organisation__isnull=True,
                    )
                    | models.Q(
                        owner_kind="professional",
                        owner_member__isnull=True,
                        owner_user__isnull=False,
                        owner_organisation__isnull=False,
                    )
                    | models.Q(
                        owner_kind="network",
                        owner_member__isnull=True,
                        owner_user__isnull=True,
                        owner_organisation__isnull=True,
                    )
                    & ~models.Q(owner_name="")
                ),
                name="action_owner_matches_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(done_on__isnull=True) | models.Q(status="done"), name="action_done_on_only_when_done"
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def owner_display(self) -> str:
        if self.owner_kind == OwnerKind.MEMBER and self.owner_member is not None:
            return str(self.owner_member)
        if self.owner_kind == OwnerKind.PROFESSIONAL and self.owner_user is not None:
            return f"{self.owner_user} ({self.owner_organisation})"
        return self.owner_name

    def clean(self) -> None:
        errors = rules.owner_shape_errors(
            kind=self.owner_kind,
            member_id=self.owner_member_id,
            user_id=self.owner_user_id,
            organisation_id=self.owner_organisation_id,
            name=self.owner_name,
        )
        member = self.owner_member if self.owner_member_id is not None else None
        if member is not None and self.goal_id is not None and member.family_id != self.goal.plan.family_id:
            errors.setdefault("owner_member", []).append(str(_("Dit gezinslid hoort niet bij dit gezin.")))
        if errors:
            raise ValidationError(errors)


class PlanVersion(models.Model):
    """One stored version of the whole plan, as it was after a change. Never changed afterwards."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    snapshot = models.JSONField(_("inhoud"))
    summary = models.TextField(_("wat is er gewijzigd"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gewijzigd door"), on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(_("gewijzigd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("planversie")
        verbose_name_plural = _("planversies")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_version_number")]

    def __str__(self) -> str:
        return f"{self.plan} versie {self.number}"


class PlanCommitment(models.Model):
    """An involved organisation confirms it works by this version of the plan (gezinsplan leidend).

    Rapportage 21 gemeenten 2013 §3.4: the plan led the professionals' work in only 43% of the approaches.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="commitments")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(_("versie"))
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    confirmed_on = models.DateField(_("bevestigd op"))

    class Meta:
        verbose_name = _("bevestiging plan")
        verbose_name_plural = _("bevestigingen plan")
        ordering = ["plan", "organisation", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "organisation", "version"], name="one_commitment_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} werkt volgens versie {self.version} van {self.plan}"


class Meeting(models.Model):
    """A round table (rondetafel, MDO, casusoverleg) about one family: who was there, the minutes, and the
    agreements, each of which is an action or goal of the plan (Maastricht §4.3: no loose notes beside it)."""

    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("gehouden op"))
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voorzitter"), on_delete=models.PROTECT, related_name="+"
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("aanwezige professionals"), related_name="+", blank=True
    )
    family_members = models.ManyToManyField(
        "casework.Member", verbose_name=_("gezinsleden (voor een deel)"), related_name="+", blank=True
    )
    network = models.CharField(_("aanwezigen uit het netwerk"), max_length=300, blank=True)
    minutes = models.TextField(_("verslag"))
    plan_version = models.PositiveIntegerField(_("planversie na het overleg"), null=True, blank=True)
    # The family's part of a case meeting over many families (zorgnetwerkoverleg), if it was one.
    case_meeting = models.ForeignKey(
        "plans.CaseMeeting",
        verbose_name=_("deel van het zorgnetwerkoverleg"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="family_parts",
    )
    # A case manager appointed in the meeting: the handover itself is casework's CoordinatorAssignment.
    coordinator_assignment = models.OneToOneField(
        "casework.CoordinatorAssignment",
        verbose_name=_("regisseur aangewezen in dit overleg"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rondetafeloverleg")
        verbose_name_plural = _("rondetafeloverleggen")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_meeting", "family"],
                condition=models.Q(case_meeting__isnull=False),
                name="one_part_per_family_per_case_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"Rondetafel {self.family} ({self.held_on})"


class CaseMeeting(models.Model):
    """A case meeting of an approach over many families (zorgnetwerkoverleg), e.g. the monthly zorgnetwerk in
    Venlo, chaired by the municipality (rapportage 21 gemeenten 2013: "Frontlineteam Venlo, zorgnetwerken").

    It holds no personal data itself: which families are on its agenda (CaseMeetingItem) and what was said
    about each (a family Meeting with `case_meeting` set) follow their family in the policy.
    """

    approach = models.ForeignKey(
        "organisations.Approach", verbose_name=_("aanpak"), on_delete=models.PROTECT, related_name="case_meetings"
    )
    held_on = models.DateField(_("datum"))
    starts_at = models.TimeField(_("begintijd"))
    ends_at = models.TimeField(_("eindtijd"))
    location = models.CharField(_("plaats"), max_length=200)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voorzitter"), on_delete=models.PROTECT, related_name="+"
    )
    recurrence = models.CharField(
        _("herhaling"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: maandelijks, elke eerste dinsdag.")
    )
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("zorgnetwerkoverleg")
        verbose_name_plural = _("zorgnetwerkoverleggen")
        ordering = ["-held_on", "-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="case_meeting_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return f"Zorgnetwerkoverleg {self.approach} ({self.held_on})"


class CaseMeetingItem(models.Model):
    """A family on the agenda of a case meeting. Personal data: that a family is discussed there at all."""

    case_meeting = models.ForeignKey(CaseMeeting, on_delete=models.CASCADE, related_name="agenda")
    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="case_meeting_items")
    position = models.PositiveSmallIntegerField(_("volgorde"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("gezin op de agenda")
        verbose_name_plural = _("gezinnen op de agenda")
        ordering = ["case_meeting", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["case_meeting", "family"], name="a_family_once_on_an_agenda")]

    def __str__(self) -> str:
        return f"{self.family} op {self.case_meeting}"


# the working session between two versions; imported last, it refers to Plan above
from gezinsregie.plans.models.session import PlanSession, PlanSessionChange, SessionOutcome  # noqa: E402

__all__ = [
    "Action",
    "ActionStatus",
    "CaseMeeting",
    "CaseMeetingItem",
    "Goal",
    "GoalStatus",
    "Meeting",
    "OwnerKind",
    "Plan",
    "PlanCommitment",
    "PlanSession",
    "PlanSessionChange",
    "PlanVersion",
    "SessionOutcome",
    "Term",
]
