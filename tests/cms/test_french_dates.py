"""Dates read as French people write them: « 1er » for the first day of a month."""

import datetime

import pytest
from django.template import Context, Template

from cms.templatetags.french_dates import french_date


def test_the_first_day_of_a_month_is_written_1er():
    assert french_date(datetime.date(2017, 5, 1)) == "1er mai 2017"


def test_other_days_are_written_as_numbers():
    assert french_date(datetime.date(2017, 5, 18)) == "18 mai 2017"


def test_with_time_the_hour_follows_in_the_sites_time_zone(settings):
    settings.TIME_ZONE = "Europe/Paris"
    moment = datetime.datetime(2026, 6, 1, 7, 30, tzinfo=datetime.UTC)  # 9h30 in Paris
    assert french_date(moment, True) == "1er juin 2026 à 09h30"


def test_anything_else_than_a_date_gives_nothing():
    assert french_date(None) == "" and french_date("2017-05-01") == ""


@pytest.mark.django_db
def test_the_date_include_of_the_public_site_writes_1er():
    html = Template('{% include "cms/includes/date.html" %}').render(
        Context({"date": datetime.date(2023, 3, 1)})
    )
    assert html.strip() == '<time datetime="2023-03-01">1er mars 2023</time>'


# The development inbox shows seconds (e-mails sent within a minute), no reader's date.
NOT_YET_CONVERTED = {"extranet/notifications/dev_inbox.html"}


def test_templates_write_dates_with_french_date_so_the_first_is_1er():
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR) / "templates"
    offenders = {
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.suffix in {".html", ".txt"} and '|date:"j F' in path.read_text(encoding="utf-8")
    }
    assert offenders <= NOT_YET_CONVERTED, sorted(offenders - NOT_YET_CONVERTED)
