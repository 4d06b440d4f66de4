from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from extranet import rows

from . import lockout


class RateLimitedModelBackend(ModelBackend):
    """Django's model backend, refusing every login attempt while its e-mail or IP is locked.

    Enforcing the lock here (rather than only in the extranet login form) covers every login
    path: the extranet, the Django admin, the Wagtail admin. Raising PermissionDenied stops
    `authenticate()` from trying further backends. Inactive users are refused by ModelBackend,
    and `get_user()` returns None for them, which logs them out on their next request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = username or kwargs.get("email")
        if lockout.is_locked(email, lockout.client_ip(request)):
            raise PermissionDenied(lockout.lockout_message())
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        """The session's user, as ModelBackend finds it (None when inactive), read by a
        statement written once (`extranet.rows`): every logged-in request makes this lookup,
        and compiling the ORM query cost more than running it."""
        model = get_user_model()
        user = rows.get_row(model, model._meta.pk.name, user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
