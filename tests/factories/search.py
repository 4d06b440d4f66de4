"""Search documents created directly (no CMS or extranet model needed) and indexed."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from search import indexing
from search.models import PUBLIC, Kind, SearchDocument

_counter = {"value": 0}

#: A page's tree path under the root (``0001``), for documents « réservés à l'équipe »
#: (``restricted_audience``, under no restriction readers pass): the ``staff`` fixture of
#: tests/search may see it.
STAFF_PAGE_PATH = "00010001"


def make_document(
    title="Document",
    body="",
    *,
    kind=Kind.NEWS,
    audience=PUBLIC,
    date=None,
    space_id=None,
    space_name="",
    themes=(),
    territories=(),
    url=None,
    visible_from=None,
    visible_until=None,
    index=True,
):
    """A SearchDocument for a made-up source, stored and (by default) indexed."""
    _counter["value"] += 1
    number = _counter["value"]
    default_date = timezone.make_aware(datetime.datetime(2023, 1, 1)) + datetime.timedelta(number)
    data = indexing.DocumentData(
        kind=kind,
        title=title,
        body=body,
        url=url or f"/test/{number}/",
        audience=audience,
        date=date or default_date,
        space_id=space_id,
        space_name=space_name,
        themes=list(themes),
        territories=list(territories),
        visible_from=visible_from,
        visible_until=visible_until,
    )
    # Any content type will do as the "source": the document stands alone in these tests.
    content_type = ContentType.objects.get_for_model(SearchDocument)
    document = indexing.store(content_type, f"test-{number}", data)
    if index:
        indexing.push([document])
    return document
