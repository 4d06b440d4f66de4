"""Feed routes, under ``/flux/``: independent of the slugs of the index pages."""

from django.urls import path

from . import syndication, views

app_name = "feeds"

urlpatterns = [
    path("flux/actualites.rss", syndication.NewsFeed(), name="news_rss"),
    path("flux/actualites.atom", syndication.NewsAtomFeed(), name="news_atom"),
    path("flux/breves.rss", syndication.BriefFeed(), name="briefs_rss"),
    path("flux/breves.atom", syndication.BriefAtomFeed(), name="briefs_atom"),
    path("flux/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("flux/agenda/<int:page_id>.ics", views.event_ics, name="event_ics"),
]
