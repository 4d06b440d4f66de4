"""Filters of /api/v2/pages/: type, theme, territory, year, dates, upcoming, field filters."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def found(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["meta"]["total_count"] == len(data["items"])
    return [item["id"] for item in data["items"]]


def test_type_keeps_only_pages_of_that_type(client, tree):
    news = factories.make_news(tree.news_index)
    factories.make_brief(tree.blog_index)

    assert found(client, type="cms.NewsPage") == [news.pk]


def test_several_types_combine(client, tree):
    news = factories.make_news(tree.news_index)
    brief = factories.make_brief(tree.blog_index)
    factories.make_event(tree.event_index)

    assert set(found(client, type="cms.NewsPage,cms.BriefPage")) == {news.pk, brief.pk}


def test_theme_includes_its_sub_themes(client, tree, education):
    school = factories.make_theme("Décrochage scolaire", parent=education)
    other = factories.make_theme("Pauvreté")
    tagged = factories.make_news(tree.news_index, themes=[education])
    sub_tagged = factories.make_news(tree.news_index, themes=[school])
    factories.make_news(tree.news_index, themes=[other])

    assert set(found(client, type="cms.NewsPage", theme="education")) == {
        tagged.pk,
        sub_tagged.pk,
    }
    assert found(client, type="cms.NewsPage", theme=school.slug) == [sub_tagged.pk]


def test_page_tagged_with_a_theme_and_its_sub_theme_appears_once(client, tree, education):
    school = factories.make_theme("Décrochage scolaire", parent=education)
    news = factories.make_news(tree.news_index, themes=[education, school])

    assert found(client, type="cms.NewsPage", theme="education") == [news.pk]


def test_theme_without_type_spans_every_page_type_with_themes(client, tree, education):
    news = factories.make_news(tree.news_index, themes=[education])
    event = factories.make_event(tree.event_index, themes=[education])
    factories.make_news(tree.news_index)
    factories.make_standard(tree.home)

    assert set(found(client, theme="education")) == {news.pk, event.pk}


def test_territory_includes_the_territories_inside_it(client, tree, occitanie, haute_garonne):
    toulouse = factories.make_territory(
        "Toulouse", level="commune", code="31555", parent=haute_garonne
    )
    gard = factories.make_territory("Gard", level="departement", code="30", parent=occitanie)
    in_toulouse = factories.make_news(tree.news_index, territories=[toulouse])
    in_department = factories.make_news(tree.news_index, territories=[haute_garonne])
    factories.make_news(tree.news_index, territories=[gard])

    assert set(found(client, type="cms.NewsPage", territory="haute-garonne")) == {
        in_toulouse.pk,
        in_department.pk,
    }
    assert len(found(client, type="cms.NewsPage", territory="occitanie")) == 3


def test_year_filters_on_the_page_date(client, tree):
    old = factories.make_news(tree.news_index, date=datetime.date(2022, 12, 31))
    factories.make_news(tree.news_index, date=datetime.date(2023, 1, 1))

    assert found(client, type="cms.NewsPage", year="2022") == [old.pk]


def test_year_of_an_event_is_the_year_it_starts(client, tree):
    start = timezone.make_aware(datetime.datetime(2021, 6, 1, 9))
    event = factories.make_event(tree.event_index, start=start)
    factories.make_event(tree.event_index)

    assert found(client, type="cms.EventPage", year="2021") == [event.pk]


def test_year_without_type_spans_dated_page_types(client, tree):
    news = factories.make_news(tree.news_index, date=datetime.date(2020, 3, 1))
    publication = factories.make_publication(tree.publication_index, date=datetime.date(2020, 9, 1))
    factories.make_news(tree.news_index, date=datetime.date(2019, 3, 1))

    assert set(found(client, year="2020")) == {news.pk, publication.pk}


def test_date_range_is_inclusive(client, tree):
    first = factories.make_news(tree.news_index, date=datetime.date(2023, 5, 1))
    last = factories.make_news(tree.news_index, date=datetime.date(2023, 5, 31))
    factories.make_news(tree.news_index, date=datetime.date(2023, 4, 30))
    factories.make_news(tree.news_index, date=datetime.date(2023, 6, 1))

    assert set(
        found(client, type="cms.NewsPage", date_from="2023-05-01", date_to="2023-05-31")
    ) == {first.pk, last.pk}


def test_events_match_a_date_range_they_overlap(client, tree):
    def event(start_day, end_day):
        return factories.make_event(
            tree.event_index,
            start=timezone.make_aware(datetime.datetime(2023, 5, start_day, 9)),
            end=timezone.make_aware(datetime.datetime(2023, 5, end_day, 17)),
        )

    spanning = event(8, 12)  # starts before, ends inside
    inside = event(11, 11)
    event(1, 5)  # over before the period
    event(20, 21)  # starts after it

    assert set(
        found(client, type="cms.EventPage", date_from="2023-05-10", date_to="2023-05-15")
    ) == {spanning.pk, inside.pk}


def test_upcoming_lists_events_not_over_soonest_first(client, tree):
    now = timezone.now()
    later = factories.make_event(tree.event_index, start=now + datetime.timedelta(days=20))
    soon = factories.make_event(tree.event_index, start=now + datetime.timedelta(days=2))
    ongoing = factories.make_event(
        tree.event_index,
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    past = factories.make_event(
        tree.event_index,
        start=now - datetime.timedelta(days=3),
        end=now - datetime.timedelta(days=3, hours=-2),
    )

    assert found(client, type="cms.EventPage", upcoming="true") == [
        ongoing.pk,
        soon.pk,
        later.pk,
    ]
    assert found(client, type="cms.EventPage", upcoming="false") == [past.pk]


def test_upcoming_order_can_be_overridden(client, tree):
    now = timezone.now()
    soon = factories.make_event(tree.event_index, start=now + datetime.timedelta(days=2))
    later = factories.make_event(tree.event_index, start=now + datetime.timedelta(days=9))

    assert found(client, type="cms.EventPage", upcoming="true", order="-start") == [
        later.pk,
        soon.pk,
    ]


def test_filters_combine(client, tree, education, haute_garonne):
    match = factories.make_news(
        tree.news_index,
        date=datetime.date(2023, 2, 1),
        themes=[education],
        territories=[haute_garonne],
    )
    factories.make_news(tree.news_index, date=datetime.date(2023, 2, 1), themes=[education])
    factories.make_news(
        tree.news_index,
        date=datetime.date(2022, 2, 1),
        themes=[education],
        territories=[haute_garonne],
    )

    assert found(
        client, type="cms.NewsPage", theme="education", territory="haute-garonne", year="2023"
    ) == [match.pk]


def test_field_filter_on_publication_kind_and_number(client, tree):
    confat = factories.make_publication(tree.publication_index, kind="confat", number=24)
    factories.make_publication(tree.publication_index, kind="fichexperience", number=12)

    assert found(client, type="cms.PublicationPage", kind="confat") == [confat.pk]
    assert found(client, type="cms.PublicationPage", number="24") == [confat.pk]


def test_order_by_date_descending(client, tree):
    older = factories.make_news(tree.news_index, date=datetime.date(2023, 1, 1))
    newer = factories.make_news(tree.news_index, date=datetime.date(2024, 1, 1))

    assert found(client, type="cms.NewsPage", order="-date") == [newer.pk, older.pk]
