"""A member's e-mail settings for one space (immediate e-mails and digest frequency)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from extranet.notifications import subscriptions

from ..access import space_view
from ..forms import NotificationSettingsForm, add_service_errors
from .common import space_context, space_url


@space_view
def notification_settings(request, space, access):
    subscription = subscriptions.get_subscription(request.user, space)
    form = NotificationSettingsForm(
        request.POST or None,
        initial={"level": subscription.level, "digest_frequency": subscription.digest_frequency},
    )
    if request.method == "POST" and form.is_valid():
        try:
            subscriptions.update_subscription(request.user, space, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Vos préférences de notification ont été enregistrées.")
            return redirect(space_url("notification_settings", space))
    context = space_context(space, access, "notifications", [("Mes notifications", None)])
    context["form"] = form
    return render(request, "extranet/notifications/settings.html", context)
