"""``/recherche/``: the public search page, on the same service as ``/api/search/``.

Rules:
- the results, totals, facets and snippets come from ``search.service`` for the user making
  the request, so the page shows exactly what the API would (tested side by side);
- it works without JavaScript: plain GET forms (a labelled search form with
  ``role="search"``, filters as checkboxes with their counts), sort and pagination as links
  that keep the other parameters;
- bad input answers a 400 page with French messages next to the form, never a 500; the
  engine down gives results from the fallback with a notice, or a 503 page;
- titles and snippets are inserted as HTML: ``search.highlight`` escaped the source text and
  only added ``<mark>``.
"""

from django.http import QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_safe

from search.forms import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_QUERY_LENGTH,
    InvalidSearch,
    validate_search,
)
from search.service import SearchUnavailable, search_with_parameters

TEMPLATE = "search/search_page.html"
FACET_LEGENDS = {
    "kind": "Nature",
    "theme": "Thématique",
    "territory": "Territoire",
    "space": "Espace réservé",
    "year": "Année",
}
FILTER_PARAMETERS = (*FACET_LEGENDS, "date_from", "date_to")
#: Labels of the parameters in error messages, and the id of the field to jump to.
PARAMETER_LABELS = {
    "q": ("Recherche", "id_q"),
    "kind": ("Nature", None),
    "theme": ("Thématique", None),
    "territory": ("Territoire", None),
    "space": ("Espace", None),
    "year": ("Année", None),
    "date_from": ("Depuis le", "id_date_from"),
    "date_to": ("Jusqu'au", "id_date_to"),
    "sort": ("Tri", None),
    "page": ("Page", None),
    "page_size": ("Résultats par page", None),
}
SORTS = (("relevance", "pertinence"), ("date", "date, du plus récent"))
#: Page links shown on each side of the current page.
PAGE_WINDOW = 2


def _querystring(params, **changes):
    """``params`` (a QueryDict) with ``changes`` applied (``None`` removes), URL-encoded."""
    query = params.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = str(value)
    return query.urlencode()


def _error_items(errors):
    items = []
    for parameter, messages in errors.items():
        label, anchor = PARAMETER_LABELS.get(parameter, (None, None))
        items.extend({"label": label, "message": message, "anchor": anchor} for message in messages)
    return items


def _facet_groups(response, filters):
    """One fieldset per facet that has something to choose: values with their counts, and
    the selected values even when nothing matches them any more (so they can be unticked)."""
    groups = []
    for name, legend in FACET_LEGENDS.items():
        counts = response.facets.get(name, [])
        options = [
            {"value": c.value, "label": c.label, "count": c.count, "selected": c.selected}
            for c in counts
        ]
        present = {str(option["value"]) for option in options}
        options += [
            {"value": value, "label": str(value), "count": 0, "selected": True}
            for value in filters.selected(name)
            if str(value) not in present
        ]
        for index, option in enumerate(options):
            option["id"] = f"filtre-{name}-{index}"
        if options:
            groups.append({"name": name, "legend": legend, "options": options})
    return groups


def _pagination(params, response):
    last = min(response.pages, MAX_PAGE)
    if last <= 1:
        return None
    current = response.page
    numbers = sorted(
        {1, last, *range(max(1, current - PAGE_WINDOW), min(last, current + PAGE_WINDOW) + 1)}
    )
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"gap": True})
        items.append(
            {
                "number": number,
                "url": "?" + _querystring(params, page=number),
                "current": number == current,
            }
        )
        previous = number
    return {
        "items": items,
        "previous": "?" + _querystring(params, page=current - 1) if current > 1 else None,
        "next": "?" + _querystring(params, page=current + 1) if current < last else None,
    }


def _kept_filters(params):
    """Hidden inputs of the search form: a new query keeps the filters and the sort."""
    return [
        (key, value)
        for key in (*FILTER_PARAMETERS, "sort", "page_size")
        for value in params.getlist(key)
    ]


@require_safe
def search_page(request):
    params = request.GET
    context = {
        "query_text": params.get("q", "")[:MAX_QUERY_LENGTH],
        "date_from": params.get("date_from", "")[:10],
        "date_to": params.get("date_to", "")[:10],
        "kept_filters": _kept_filters(params),
        "max_query_length": MAX_QUERY_LENGTH,
        "default_page_size": DEFAULT_PAGE_SIZE,
        "sort_links": [],
        "facet_groups": [],
        "pagination": None,
        "response": None,
        "error_items": [],
        "unavailable": False,
        "has_filters": any(params.getlist(key) for key in FILTER_PARAMETERS),
        "clear_filters_url": "?" + _querystring(QueryDict(mutable=True), q=params.get("q")),
    }
    status = 200
    try:
        # What ``search_from_query_dict`` (the API) does, keeping the validated filters.
        parameters = validate_search(params)
        response = search_with_parameters(request.user, parameters)
    except InvalidSearch as error:
        context["error_items"] = _error_items(error.errors)
        status = 400
    except SearchUnavailable:
        context["unavailable"] = True
        status = 503
    else:
        context.update(
            response=response,
            facet_groups=_facet_groups(response, parameters["filters"]),
            pagination=_pagination(params, response),
            first_number=(response.page - 1) * response.page_size + 1,
            first_page_url="?" + _querystring(params, page=None),
            # The corrected query with the same filters, from its first page.
            did_you_mean_url=(
                "?" + _querystring(params, q=response.did_you_mean, page=None)
                if response.did_you_mean
                else ""
            ),
            sort_links=[
                {
                    "label": label,
                    "url": "?" + _querystring(params, sort=value, page=None),
                    "current": response.sort == value,
                }
                for value, label in SORTS
            ],
        )
    return render(request, TEMPLATE, context, status=status)
