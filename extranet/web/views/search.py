"""Searching one space (« Rechercher dans l'espace »): the portal's search service with the
space as filter, shown inside the space.

What holds:
- members only: ``space_view`` answers 404 to anyone else, the same decision as every page of
  the space (and the service's audience rule would find nothing for them anyway);
- results come from ``search.service.search`` for the member, filtered on this space: only
  its topics, posts and documents, with the service's audience and time rules, never a
  list of ids chosen here;
- bad input (a query too long, a page out of range) is a 400 page with the service's French
  message; a search engine that is down gives the fallback's results with a notice, or a
  503 page saying the search is unavailable, never a 500.
"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from search.forms import InvalidSearch
from search.service import SearchUnavailable
from search.service import search as search_service

from ..access import space_view
from .common import space_context

PAGE_SIZE = 20


@require_safe
@space_view
def space_search(request, space, access):
    query = request.GET.get("q", "")
    page = request.GET.get("page") or 1
    context = space_context(
        space, access, "search", [("Recherche", None)], space_search_query=query
    )
    status = 200
    if query.strip():
        try:
            context["response"] = search_service(
                request.user,
                query,
                filters={"space": [space.pk]},
                page=page,
                page_size=PAGE_SIZE,
            )
        except InvalidSearch as error:
            context["errors"] = [m for messages in error.errors.values() for m in messages]
            status = 400
        except SearchUnavailable as error:
            context["errors"] = [str(error)]
            status = 503
    return render(request, "extranet/spaces/space_search.html", context, status=status)
