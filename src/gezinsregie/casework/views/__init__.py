"""Casework screens. Each view: fetch the family through the policy, bind a form, call one service."""

from gezinsregie.casework.views.care import care, waiting
from gezinsregie.casework.views.contacts import contacts
from gezinsregie.casework.views.decision import decisions
from gezinsregie.casework.views.escalation import escalations
from gezinsregie.casework.views.involvement import invitation, involvements
from gezinsregie.casework.views.mandate import mandate, mandate_scan, mandate_withdraw
from gezinsregie.casework.views.pending import pending_referral, pending_referrals
from gezinsregie.casework.views.steps import (
    analysis,
    caseload,
    consent,
    consent_scan,
    consent_withdraw,
    coordinator,
    register,
    triage,
)

__all__ = [
    "analysis",
    "care",
    "caseload",
    "consent",
    "consent_scan",
    "consent_withdraw",
    "contacts",
    "coordinator",
    "decisions",
    "escalations",
    "invitation",
    "involvements",
    "mandate",
    "mandate_scan",
    "mandate_withdraw",
    "pending_referral",
    "pending_referrals",
    "register",
    "triage",
    "waiting",
]
