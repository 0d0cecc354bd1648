"""Forms for the casework screens. Dutch labels and messages; domain rules live in services and rules.

A package of modules by step; every form is importable from here as before (casework.forms.MemberForm).
"""

from gezinsregie.casework.forms.analysis import (
    ProblemForm,
    ScoresForm,
)
from gezinsregie.casework.forms.base import AREA, CHECKS, DATE, RADIOS, SELECT, TEXT
from gezinsregie.casework.forms.coordination import (
    CareRequestForm,
    CareStartForm,
    CareWithdrawForm,
    CloseEscalationForm,
    DecisionAnswerForm,
    DecisionForm,
    EscalationForm,
    NetworkPersonForm,
    RaiseForm,
)
from gezinsregie.casework.forms.involvement import (
    ContactForm,
    EndInvolvementForm,
    InvolvementForm,
    ProblemChoices,
    RespondForm,
)
from gezinsregie.casework.forms.registration import (
    CaseloadFilterForm,
    ConsentForm,
    CoordinatorForm,
    MemberForm,
    MemberFormSet,
    RegistrationForm,
    TriageForm,
    WithdrawConsentForm,
)

__all__ = [
    "AREA",
    "CHECKS",
    "DATE",
    "RADIOS",
    "SELECT",
    "TEXT",
    "CareRequestForm",
    "CareStartForm",
    "CareWithdrawForm",
    "CaseloadFilterForm",
    "CloseEscalationForm",
    "ConsentForm",
    "ContactForm",
    "CoordinatorForm",
    "DecisionAnswerForm",
    "DecisionForm",
    "EndInvolvementForm",
    "EscalationForm",
    "InvolvementForm",
    "MemberForm",
    "MemberFormSet",
    "NetworkPersonForm",
    "ProblemChoices",
    "ProblemForm",
    "RaiseForm",
    "RegistrationForm",
    "RespondForm",
    "ScoresForm",
    "TriageForm",
    "WithdrawConsentForm",
]
