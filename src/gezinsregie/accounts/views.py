"""The account pages: the signed-in user's own second factor and API tokens (issue 12 §1).

Each page acts only on request.user's own account; the policy's tables are about families and approaches, and
nothing here reads either.
"""

import base64
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from gezinsregie.accounts import middleware, selectors, services
from gezinsregie.accounts.forms import (
    ApiTokenForm,
    ChangePasswordForm,
    CodeForm,
    NewPasswordForm,
    PasswordResetRequestForm,
)
from gezinsregie.accounts.models import ApiToken, RecoveryCodeDevice
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit.middleware import client_ip
from gezinsregie.common.idempotency import idempotent
from gezinsregie.common.throttle import within_hourly_limit

FRESH_CODES = "gr_fresh_recovery_codes"


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next(request)})}"


def _verified(request: HttpRequest) -> bool:
    return bool(request.user.is_verified())  # type: ignore[union-attr]


@login_required
def account(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    return render(
        request,
        "accounts/account.html",
        {
            "has_authenticator": selectors.has_authenticator(user=actor),
            "recovery_codes_left": selectors.recovery_codes_left(user=actor),
            "second_factor_required": middleware.needs_second_factor(actor),
            "tokens": selectors.api_tokens_of(user=actor),
            "token_form": ApiTokenForm(),
        },
    )


@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if selectors.has_authenticator(user=actor) and not _verified(request):
        # Replacing the authenticator needs the current one: a password alone must not be enough.
        return redirect(_with_next("accounts:verify", request))
    device = services.authenticator_start(user=actor)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.authenticator_confirm(user=actor, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            request.session.cycle_key()  # a new privilege level, a new session id (ASVS 3.2.1)
            request.session[FRESH_CODES] = codes
            messages.success(request, "Tweestapsverificatie staat aan.")
            return redirect(_with_next("accounts:recovery_codes", request))
        form.add_error("code", "Deze code klopt niet. Vul de code in die de app nu toont.")
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR-code voor de app"),
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
            "next": _next(request),
            "required": middleware.needs_second_factor(actor),
        },
    )


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if _verified(request):
        return redirect(_next(request))
    if not selectors.has_authenticator(user=actor):
        return redirect(_with_next("accounts:enrol", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.second_factor_verify(user=actor, code=form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()
            if isinstance(device, RecoveryCodeDevice):
                left = selectors.recovery_codes_left(user=actor)
                messages.warning(
                    request,
                    f"U hebt een herstelcode gebruikt; er zijn er nog {left}. Maak nieuwe aan op uw accountpagina "
                    "als u uw telefoon kwijt bent.",
                )
            return redirect(_next(request))
        form.add_error(
            "code",
            "Deze code klopt niet of is al gebruikt. Na meerdere foute codes moet u steeds langer wachten.",
        )
    return render(request, "accounts/verify.html", {"form": form, "next": _next(request)})


@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if request.method == "POST":
        if not _verified(request):
            raise PermissionDenied
        request.session[FRESH_CODES] = services.recovery_codes_renew(user=actor)
        return redirect(reverse("accounts:recovery_codes"))
    codes: list[str] = request.session.pop(FRESH_CODES, [])
    response = render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "left": selectors.recovery_codes_left(user=actor), "next": _next(request)},
    )
    response["Cache-Control"] = "no-store"  # shown once: not from a cache either
    return response


@login_required
@require_POST
def second_factor_remove(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if middleware.needs_second_factor(actor) or not _verified(request):
        raise PermissionDenied
    services.second_factor_remove(user=actor)
    messages.success(request, "Tweestapsverificatie staat uit.")
    return redirect(reverse("accounts:account"))


@login_required
@require_POST
@idempotent
def token_create(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    form = ApiTokenForm(request.POST)
    context: dict[str, Any] = {
        "has_authenticator": selectors.has_authenticator(user=actor),
        "recovery_codes_left": selectors.recovery_codes_left(user=actor),
        "second_factor_required": middleware.needs_second_factor(actor),
        "token_form": form,
    }
    if form.is_valid():
        token, secret = services.api_token_create(actor=actor, user=actor, name=form.cleaned_data["name"])
        context |= {"new_token": token, "new_secret": secret, "token_form": ApiTokenForm()}
    context["tokens"] = selectors.api_tokens_of(user=actor)
    response = render(request, "accounts/account.html", context, status=200 if form.is_valid() else 400)
    response["Cache-Control"] = "no-store"
    if form.is_valid():
        # Back + send again goes to the account page, which lists the token but never shows a secret again
        response.submission_result = reverse("accounts:account")  # type: ignore[attr-defined]
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    actor = actor_of(request)
    token = get_object_or_404(ApiToken, pk=token_id, user=actor)  # someone else's token: 404, like a missing one
    services.api_token_revoke(actor=actor, token=token)
    messages.success(request, f"De API-sleutel '{token.name}' is ingetrokken.")
    return redirect(reverse("accounts:account"))


class LoginView(auth_views.LoginView):
    """Django's login (behind axes' lockout), with the way in through the municipality's provider when it is on."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if settings.OIDC_ENABLED:
            context["oidc_provider_name"] = settings.OIDC_PROVIDER_NAME
        return context


RESETS_PER_NETWORK = 20
RESETS_PER_ADDRESS = 3
TOO_MANY_RESETS = (
    "Vanaf dit netwerk is in het afgelopen uur te vaak een nieuw wachtwoord aangevraagd. Probeer het over een uur "
    "opnieuw, of vraag de beheerder van uw organisatie om hulp."
)


# Django's admin ships templates under the same registration/ names and comes first: ours have Dutch names.
class PasswordResetView(auth_views.PasswordResetView):
    """Limited per network and per address (issue 12 §1): from one network at most RESETS_PER_NETWORK requests an
    hour, told so; to one address at most RESETS_PER_ADDRESS e-mails an hour — beyond it the same answer as always
    and no e-mail, so nobody floods a colleague's inbox and the answer still says nothing about the address."""

    form_class = PasswordResetRequestForm
    template_name = "registration/wachtwoord_vergeten.html"
    email_template_name = "registration/wachtwoord_vergeten_email.txt"
    subject_template_name = "registration/wachtwoord_vergeten_onderwerp.txt"

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        network = client_ip(self.request) or "onbekend"
        if not within_hourly_limit(f"wachtwoord:netwerk:{network}", RESETS_PER_NETWORK):
            form.add_error(None, TOO_MANY_RESETS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        address = form.cleaned_data["email"].strip().lower()
        if not within_hourly_limit(f"wachtwoord:adres:{address}", RESETS_PER_ADDRESS):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/wachtwoord_vergeten_verstuurd.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "registration/wachtwoord_herstellen.html"


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/wachtwoord_herstellen_klaar.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "registration/wachtwoord_wijzigen.html"


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/wachtwoord_gewijzigd.html"
