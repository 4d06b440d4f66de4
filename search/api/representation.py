"""Search results as JSON-ready data.

``title_html`` and ``snippet`` are HTML: ``search.highlight`` escaped every character of the
source text and only added ``<mark>`` around matched words, so a front end may insert them as
HTML. Every other string is plain text.

Dates are in the site's time zone (``TIME_ZONE``), like DRF renders them elsewhere.
"""

from django.utils import timezone


def result_data(result):
    return {
        "title": result.title,
        "title_html": str(result.title_html),
        "url": result.url,
        "kind": result.kind,
        "kind_label": result.kind_label,
        "date": timezone.localtime(result.date).isoformat() if result.date else None,
        "snippet": str(result.snippet),
        # Private results name their space (« Réservé aux membres de l'espace « … » »); public
        # ones say null.
        "space_name": result.space_name or None,
        "restricted_label": result.restricted_label or None,
    }


def facet_data(facet_count):
    return {
        "value": facet_count.value,
        "label": facet_count.label,
        "count": facet_count.count,
        "selected": facet_count.selected,
    }


def response_data(response):
    """The whole ``SearchResponse``: one shape for every engine, degraded or not."""
    return {
        "query": response.query,
        "results": [result_data(result) for result in response.results],
        "total": response.total,
        "page": response.page,
        "page_size": response.page_size,
        "pages": response.pages,
        "sort": response.sort,
        "facets": {
            name: [facet_data(count) for count in counts]
            for name, counts in response.facets.items()
        },
        "degraded": response.degraded,
        "truncated": response.truncated,
        # Not every word was found: the best partial or corrected matches (« Résultats
        # approchants »), and the corrected query (« Vouliez-vous dire … ? ») or null.
        "approximate": response.approximate,
        "did_you_mean": response.did_you_mean or None,
    }
