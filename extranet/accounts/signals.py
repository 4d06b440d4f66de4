"""Count failed logins from every login path, and forget them after a success."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from . import lockout


@receiver(user_login_failed, dispatch_uid="accounts_count_login_failure")
def _count_failure(sender, credentials, request=None, **kwargs):
    email = credentials.get("username") or credentials.get("email") or ""
    ip = lockout.client_ip(request)
    if lockout.is_locked(email, ip):
        return  # attempts during a lock-out do not extend it
    lockout.record_failure(email, ip)


@receiver(user_logged_in, dispatch_uid="accounts_forget_login_failures")
def _forget_failures(sender, user, request=None, **kwargs):
    lockout.clear_failures(user.email)
