from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError

from . import lockout


class LoginForm(AuthenticationForm):
    """Log in with e-mail and password, refused with a clear message while locked out."""

    error_messages = {
        "invalid_login": "Adresse e-mail ou mot de passe incorrect. Attention : après "
        "plusieurs échecs, la connexion est bloquée pendant un moment.",
        "inactive": "Ce compte est désactivé.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Adresse e-mail"
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "type": "email"})
        self.fields["password"].label = "Mot de passe"
        self.locked_out = False

    def clean(self):
        email = (self.cleaned_data.get("username") or "").strip().lower()
        ip = lockout.client_ip(self.request)
        if lockout.is_locked(email, ip):
            self.locked_out = True
            raise ValidationError(lockout.lockout_message(), code="locked_out")
        try:
            return super().clean()
        except ValidationError:
            # This failure may have been the one that reached the limit: say so now.
            if lockout.is_locked(email, ip):
                self.locked_out = True
                raise ValidationError(lockout.lockout_message(), code="locked_out") from None
            raise


class AccountPasswordResetForm(PasswordResetForm):
    """Also reaches active accounts that never had a password (created by a bulk import):
    "mot de passe oublié" is how they set their first one. Inactive accounts get nothing."""

    def get_users(self, email):
        User = get_user_model()
        return User._default_manager.filter(email__iexact=email, is_active=True).iterator()


class InvitationSignupForm(forms.Form):
    """The profile and password of someone accepting an invitation without an account."""

    first_name = forms.CharField(label="Prénom", max_length=150)
    last_name = forms.CharField(label="Nom", max_length=150)
    organisation = forms.CharField(label="Structure", max_length=200, required=False)
    password1 = forms.CharField(
        label="Mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Confirmation du mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "Les deux mots de passe ne correspondent pas.")
        elif password1:
            candidate = get_user_model()(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned
