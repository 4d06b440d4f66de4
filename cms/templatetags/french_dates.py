"""Dates written as French people write them: « 1er mai 2017 », « 2 mai 2017 ».

Django's ``date`` filter has no ordinal for the first day of the month; this filter adds it
and is used by every date of the public site.
"""

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format

register = template.Library()


def _day(value) -> str:
    return "1er" if value.day == 1 else str(value.day)


@register.filter
def french_date(value, with_time=False):
    """``1er mai 2017``; with ``with_time``, ``1er mai 2017 à 9h30`` (aware datetimes are
    shown in the site's time zone)."""
    if not isinstance(value, date):
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = f"{_day(value)} {date_format(value, 'F Y')}"
    if with_time and isinstance(value, datetime):
        text += " à " + date_format(value, "H\\hi")
    return text
