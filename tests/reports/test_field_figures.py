"""Each figure of the fields' table (what the site published per field), on hand-built pages."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from reports import fields
from reports.period import Year
from tests.factories.cms import (
    make_brief,
    make_dossier,
    make_event,
    make_news,
    make_panorama,
    make_publication,
    make_site_tree,
    make_theme,
)

pytestmark = pytest.mark.django_db

Y2023 = Year(2023)


@pytest.fixture
def tree():
    return make_site_tree()


@pytest.fixture
def education():
    return make_theme("Éducation", slug="education")


@pytest.fixture
def poverty():
    return make_theme("Prévention et lutte contre la pauvreté", slug="pauvrete")


def test_news_of_the_year_count_in_their_field(tree, education, poverty):
    make_news(tree.news_index, date=date(2023, 1, 1), themes=[education])
    make_news(tree.news_index, date=date(2023, 12, 31), themes=[education])
    make_news(tree.news_index, date=date(2022, 12, 31), themes=[education])
    make_news(tree.news_index, date=date(2023, 6, 1), themes=[poverty])
    assert fields.news_per_field(Y2023) == {education.pk: 2, poverty.pk: 1}


def test_a_sub_theme_counts_for_its_field(tree, education):
    pre = make_theme("Programme de réussite éducative", slug="pre", parent=education)
    make_news(tree.news_index, date=date(2023, 3, 1), themes=[pre])
    make_news(tree.news_index, date=date(2023, 3, 2), themes=[pre, education])  # once
    assert fields.news_per_field(Y2023) == {education.pk: 2}


def test_a_page_in_two_fields_counts_in_both_and_once_in_the_total(tree, education, poverty):
    make_dossier(tree.dossier_index, date=date(2023, 9, 1), themes=[education, poverty])
    assert fields.dossiers_per_field(Y2023) == {education.pk: 1, poverty.pk: 1}
    assert fields.totals(Y2023)["dossiers"] == 1


def test_pages_without_theme_are_counted_apart(tree):
    make_brief(tree.blog_index, date=date(2023, 4, 4))
    assert fields.briefs_per_field(Y2023) == {fields.NO_FIELD: 1}


def test_drafts_and_unpublished_pages_do_not_count(tree, education):
    make_news(tree.news_index, date=date(2023, 5, 5), themes=[education], publish=False)
    page = make_news(tree.news_index, date=date(2023, 5, 6), themes=[education])
    page.unpublish()
    assert fields.news_per_field(Y2023) == {}


def test_panoramas_count_by_their_date(tree, education):
    make_panorama(tree.panorama_index, date=date(2023, 2, 2), themes=[education])
    make_panorama(tree.panorama_index, date=date(2024, 2, 2), themes=[education])
    assert fields.panoramas_per_field(Y2023) == {education.pk: 1}


def test_publications_are_counted_by_kind(tree, education):
    make_publication(tree.publication_index, kind="confat", date=date(2023, 5, 18))
    make_publication(
        tree.publication_index, kind="vademecum", date=date(2023, 11, 2), themes=[education]
    )
    make_publication(
        tree.publication_index, kind="vademecum", date=date(2023, 11, 3), themes=[education]
    )
    assert fields.publications_per_field(Y2023, "vademecum") == {education.pk: 2}
    assert fields.publications_per_field(Y2023, "confat") == {fields.NO_FIELD: 1}
    totals = fields.totals(Y2023)
    assert totals["publications_vademecum"] == 2
    assert totals["publications_confat"] == 1
    assert totals["publications_synthese"] == 0


def test_events_count_by_their_start_in_local_time(tree, education):
    new_year_eve = timezone.make_aware(datetime(2023, 12, 31, 23, 30))  # 22:30 UTC
    make_event(tree.event_index, start=new_year_eve, themes=[education])
    make_event(
        tree.event_index, start=timezone.make_aware(datetime(2024, 1, 1, 0, 30)), themes=[education]
    )
    assert fields.events_per_field(Y2023) == {education.pk: 1}
    assert fields.totals(Y2023)["events"] == 1
