"""The baseline every benchmark is compared with: the cheapest useful Django view.

One row of a table as JSON, through the whole middleware stack of the portal: ratios to it
measure what the portal's own code costs, whatever the machine.
"""

from django.contrib.auth import get_user_model
from django.forms.models import model_to_dict
from django.http import JsonResponse


def baseline(request):
    """The first user row as JSON (one query). The password hash is left out of the row."""
    model = get_user_model()
    fields = [
        field.name
        for field in model._meta.concrete_fields
        if not field.is_relation and field.name != "password"
    ]
    user = model.objects.order_by("pk").first()
    if user is None:
        return JsonResponse({"detail": "no row"}, status=404)
    return JsonResponse(model_to_dict(user, fields=fields))


def session_floor(request):
    """The baseline, for a logged-in user: adds the session and user lookups (two queries)
    that every extranet page pays before its own work."""
    user = request.user
    return JsonResponse({"id": user.pk, "authenticated": user.is_authenticated})


def layout_floor(request):
    """An empty extranet page for a logged-in user: session, user, CSRF token and the shared
    layout (``extranet/base.html`` over ``base.html``). What any extranet page costs at least."""
    from django.shortcuts import render

    return render(request, "extranet/base.html", {"breadcrumbs": [("Mes espaces", None)]})
