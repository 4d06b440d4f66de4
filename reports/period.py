"""A report's year as aware datetimes in the site's time zone (a meeting on 31 December at
23:30 in Toulouse belongs to that year, whatever UTC says)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

FIRST_YEAR = 2000  # R&T was founded in 2000: no report before


@dataclass(frozen=True)
class Year:
    number: int

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime(self.number, 1, 1))

    @property
    def end(self) -> datetime:
        """Exclusive: the first instant of the next year."""
        return timezone.make_aware(datetime(self.number + 1, 1, 1))

    @property
    def first_day(self) -> date:
        return date(self.number, 1, 1)

    @property
    def last_day(self) -> date:
        return date(self.number, 12, 31)

    @property
    def previous(self) -> "Year":
        return Year(self.number - 1)

    def __str__(self):
        return str(self.number)


def current_year() -> int:
    return timezone.localdate().year


def valid_year(value) -> int | None:
    """The year as an int when it is one the portal can report on, else None."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    if FIRST_YEAR <= number <= current_year():
        return number
    return None
