"""« Plan du site »: a page of the public site that is not a Wagtail page (it is computed)."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .menus import Link
from .plan import site_plan


@require_safe
def site_plan_view(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Aucun site ne répond à cette adresse.")
    context = {
        "home": Link("Accueil", site.root_page.get_url(request)),
        "entries": site_plan(site),
        "others": [
            Link("Rechercher dans le site", reverse("search:page")),
            Link("Espace membres (réservé aux membres des réseaux)", reverse("extranet:my_spaces")),
        ],
    }
    return render(request, "cms/navigation/site_plan.html", context)
