"""RSS 2.0 and Atom feeds of the news ("actualités") and of the blog's briefs ("brèves").

Built on Django's syndication framework; ``cms.feeds.selection`` decides which pages appear.
What each item carries: title, absolute link, a stable id (a tag URI on the page id, so a
changed slug is not a new item for readers), the intro as HTML description (briefs add their
source link), themes as categories, the page date as publication date and the last
publication as update date.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils import feedgenerator, timezone

from cms.pages import BlogIndexPage, BriefPage, NewsIndexPage, NewsPage

from .selection import feed_scope

FEED_SIZE = 30
DEFAULT_SITE_NAME = "Ressources & Territoires"


def publication_datetime(page):
    """The page date as an aware datetime. The time of day comes from the first publication
    when it happened that day (same-day items keep their order in readers), else midnight,
    Paris time: a date entered by an editor must never show as the day before."""
    first = page.first_published_at
    if first is not None and timezone.localtime(first).date() == page.date:
        return first
    return timezone.make_aware(datetime.datetime.combine(page.date, datetime.time.min))


def tag_uri(hostname, page):
    """``tag:<host>,<first publication date>:page-<id>`` (RFC 4151): stable across slug
    changes and moves in the tree, unique per site."""
    published = page.first_published_at or timezone.now()
    return f"tag:{hostname},{timezone.localtime(published).date().isoformat()}:page-{page.pk}"


class AtomWithRelatedLinks(feedgenerator.Atom1Feed):
    """Atom feed whose entries may point to a related resource (a brief's source)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("related_link"):
            handler.addQuickElement("link", "", {"rel": "related", "href": item["related_link"]})


class PageFeed(Feed):
    """The feed of one page type. Subclasses set the model, the index model, the URL name
    and the French texts. One instance serves every request: per-request state lives in the
    ``FeedScope`` returned by ``get_object``."""

    page_model = None
    index_model = None
    url_name = None
    heading = ""
    summary = ""
    item_description_template = None  # HTML of an item, the page as ``obj``

    def get_object(self, request, *args, **kwargs):
        return feed_scope(request)

    def site_name(self, scope):
        return scope.site.site_name or DEFAULT_SITE_NAME

    def title(self, scope):
        parts = [self.heading, scope.filter_label, self.site_name(scope)]
        return " – ".join(part for part in parts if part)

    def description(self, scope):
        if scope.filter_label:
            return f"{self.summary} Sélection : {scope.filter_label}."
        return self.summary

    def subtitle(self, scope):
        # Atom's name for the description.
        return self.description(scope)

    def link(self, scope):
        return scope.index_url(self.index_model)

    def feed_url(self, scope):
        return scope.reverse(self.url_name)

    def feed_guid(self, scope):
        # Atom's feed id: the feed's own URL, which does not change with the index's slug.
        return self.feed_url(scope)

    def author_name(self, scope):
        # Atom requires an author: the organisation signs every item.
        return self.site_name(scope)

    def items(self, scope):
        pages = list(
            scope.pages(self.page_model)
            .prefetch_related("themes")
            .order_by("-date", "-first_published_at", "-pk")[:FEED_SIZE]
        )
        hostname = scope.site.hostname
        for page in pages:
            page.feed_link = scope.page_url(page)
            page.feed_guid = tag_uri(hostname, page)
        return pages

    def item_title(self, page):
        # Plain text: the generator escapes it once for XML. (Django's default escapes it a
        # second time, which Atom readers then show as "&amp;".)
        return page.title

    def item_description(self, page):
        # Rendered here rather than through ``description_template`` to strip the trailing
        # newline of the template file.
        return render_to_string(self.item_description_template, {"obj": page}).strip()

    def item_link(self, page):
        return page.feed_link

    def item_guid(self, page):
        return page.feed_guid

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return publication_datetime(page)

    def item_updateddate(self, page):
        return page.last_published_at or publication_datetime(page)

    def item_categories(self, page):
        return [theme.name for theme in page.themes.all()]


class NewsFeed(PageFeed):
    page_model = NewsPage
    index_model = NewsIndexPage
    url_name = "feeds:news_rss"
    heading = "Actualités"
    summary = (
        "Les actualités de Ressources & Territoires, centre de ressources de la cohésion "
        "sociale en Occitanie."
    )
    item_description_template = "cms/feeds/news_description.html"


class NewsAtomFeed(NewsFeed):
    feed_type = feedgenerator.Atom1Feed
    url_name = "feeds:news_atom"


class BriefFeed(PageFeed):
    page_model = BriefPage
    index_model = BlogIndexPage
    url_name = "feeds:briefs_rss"
    heading = "L'actualité des Territoires – brèves"
    summary = (
        "Les brèves du blog « L'actualité des Territoires » : l'actualité régionale de la "
        "cohésion sociale relayée par Ressources & Territoires, avec ses sources."
    )
    item_description_template = "cms/feeds/brief_description.html"


class BriefAtomFeed(BriefFeed):
    feed_type = AtomWithRelatedLinks
    url_name = "feeds:briefs_atom"

    def item_extra_kwargs(self, page):
        return {"related_link": page.source_url or None}
