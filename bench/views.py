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
