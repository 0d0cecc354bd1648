"""Recovery codes for the second factor: ten one-time codes, shown once, stored hashed (issue 12 §1).

django-otp's own static device keeps its codes in clear text; this device keeps only a password hash of each
(Django's hashers, Argon2 in production) and marks a code used instead of deleting it, so the account page can say
how many are left. The authenticator app is django-otp's TOTPDevice.
"""

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

from gezinsregie.accounts import rules


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    class Meta:
        verbose_name = _("herstelcodes")
        verbose_name_plural = _("herstelcodes")

    def get_throttle_factor(self) -> int:
        return int(getattr(settings, "OTP_RECOVERY_THROTTLE_FACTOR", 1))

    def unused_codes(self) -> "models.QuerySet[RecoveryCode]":
        return self.codes.filter(used_at__isnull=True)

    def verify_token(self, token: str) -> bool:
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        code = rules.normalise_recovery_code(token)
        match = None
        if code is not None:
            match = next((c for c in self.unused_codes() if check_password(code, c.digest)), None)
        if match is None:
            self.throttle_increment()
            return False
        match.used_at = timezone.now()
        match.save(update_fields=["used_at"])
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=256)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("herstelcode")
        verbose_name_plural = _("herstelcodes")

    def __str__(self) -> str:
        return f"{_('herstelcode')} ({_('gebruikt') if self.used_at else _('ongebruikt')})"

    @classmethod
    def hashed(cls, *, device: RecoveryCodeDevice, code: str) -> "RecoveryCode":
        return cls(device=device, digest=make_password(code))
