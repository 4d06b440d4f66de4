"""« À lire aussi »: pages that share themes with the one being read, at the foot of news
items, dossiers and publications.

Rules:
- candidates are live, public news items, dossiers and publications of the same site, never
  the page itself;
- they must share at least one theme with the page (a sub-theme counts as itself, not as its
  parent: « Laïcité » relates to « Laïcité »);
- the more themes shared, the higher; then the most recent first; at most ``LIMIT``;
- three queries whatever the number of pages (one per type, cards prefetched).
"""

from django.apps import apps
from django.db.models import Count, Q

from cms.listings import base_queryset

LIMIT = 3
RELATED_MODELS = ("cms.NewsPage", "cms.DossierPage", "cms.PublicationPage")


def related_pages(page, site_root=None, limit=LIMIT):
    theme_ids = [theme.pk for theme in page.themes.all()]
    if not theme_ids:
        return []
    candidates = []
    for label in RELATED_MODELS:
        model = apps.get_model(label)
        queryset = base_queryset(model).filter(themes__in=theme_ids).exclude(pk=page.pk)
        if site_root is not None:
            queryset = queryset.descendant_of(site_root)
        queryset = queryset.annotate(
            shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True)
        ).order_by("-shared_themes", "-date", "-pk")
        candidates.extend(queryset[:limit])
    candidates.sort(key=lambda item: (item.shared_themes, item.date, item.pk), reverse=True)
    return candidates[:limit]
