"""Extranet account pages: log in, log out, password reset, invitation acceptance."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from extranet.spaces import invitations
from extranet.spaces.models.invitation import InvitationStatus

from .forms import AccountPasswordResetForm, InvitationSignupForm, LoginForm

TEMPLATES = "extranet/accounts/"


class LoginView(auth_views.LoginView):
    template_name = TEMPLATES + "login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.locked_out:
            response.status_code = 429  # Too Many Requests, with the French explanation
        return response


class LogoutView(auth_views.LogoutView):
    """POST logs out (Django's rule); GET shows a confirmation button, so links work."""

    http_method_names = ["get", "post", "options"]
    template_name = TEMPLATES + "logout.html"

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = AccountPasswordResetForm
    template_name = TEMPLATES + "password_reset_form.html"
    email_template_name = TEMPLATES + "emails/password_reset_body.txt"
    subject_template_name = TEMPLATES + "emails/password_reset_subject.txt"
    success_url = reverse_lazy("extranet:password_reset_done")
    extra_email_context = {"site_name": settings.WAGTAIL_SITE_NAME}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = TEMPLATES + "password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = TEMPLATES + "password_reset_confirm.html"
    success_url = reverse_lazy("extranet:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = TEMPLATES + "password_reset_complete.html"


@method_decorator(never_cache, name="dispatch")
class InvitationView(View):
    """`/extranet/invitation/<token>/`: join the space, creating the account if needed.

    Unknown tokens are a 404. Used, revoked or expired invitations get a page saying so
    (410) without naming the space. The membership always goes to the account with the
    invitation's e-mail: someone logged in with another address is asked to log out first.
    """

    def dispatch(self, request, token):
        self.invitation = invitations.get_invitation_or_404(token)
        if self.invitation.status != InvitationStatus.PENDING:
            return self.unusable(invitations.STATUS_MESSAGES[self.invitation.status])
        self.account = invitations.existing_account(self.invitation)
        user = request.user
        if user.is_authenticated and user.email.lower() != self.invitation.email:
            return render(
                request,
                TEMPLATES + "invitation_other_account.html",
                {"invitation": self.invitation},
            )
        return super().dispatch(request, token)

    def unusable(self, message):
        return render(
            self.request, TEMPLATES + "invitation_invalid.html", {"message": message}, status=410
        )

    def context(self, **extra):
        return {"invitation": self.invitation, "space": self.invitation.space, **extra}

    def get(self, request, token):
        if self.account is None:
            form = InvitationSignupForm(email=self.invitation.email)
            return render(request, TEMPLATES + "invitation_signup.html", self.context(form=form))
        return render(request, TEMPLATES + "invitation_join.html", self.context())

    def post(self, request, token):
        if self.account is None:
            return self.signup(request)
        try:
            invitations.accept(self.invitation)
        except invitations.InvitationError as error:
            return self.unusable(error.message)
        space_name = self.invitation.space.name
        if request.user.is_authenticated:
            messages.success(request, f"Vous avez rejoint l'espace « {space_name} ».")
            return redirect(resolve_url(settings.LOGIN_REDIRECT_URL))
        messages.success(
            request,
            f"Invitation acceptée : connectez-vous pour accéder à l'espace « {space_name} ».",
        )
        return redirect(reverse("extranet:login"))

    def signup(self, request):
        form = InvitationSignupForm(request.POST, email=self.invitation.email)
        if not form.is_valid():
            return render(request, TEMPLATES + "invitation_signup.html", self.context(form=form))
        try:
            membership = invitations.accept(
                self.invitation,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                organisation=form.cleaned_data["organisation"],
            )
        except invitations.InvitationError as error:
            return self.unusable(error.message)
        except ValidationError as error:
            form.add_error(None, error)
            return render(request, TEMPLATES + "invitation_signup.html", self.context(form=form))
        login(request, membership.user, backend=settings.AUTHENTICATION_BACKENDS[0])
        messages.success(
            request, f"Bienvenue ! Vous avez rejoint l'espace « {membership.space.name} »."
        )
        return redirect(resolve_url(settings.LOGIN_REDIRECT_URL))
