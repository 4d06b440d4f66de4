"""The order of a library listing, chosen by a query parameter and applied by the database.

``?tri=<column>`` sorts in increasing order, ``?tri=-<column>`` in decreasing order; the
columns are those of the library's table (web) and of ``GET documents/`` (API):

| key | sorts by |
| --- | --- |
| ``titre`` (default) | the title |
| ``type`` | the stored content type (so PDFs, office files, images, text files group together) |
| ``taille`` | the current version's size |
| ``date`` | the last version's date (``updated_at``) |
| ``auteur`` | the uploader's last then first name (former members, without one, last) |

Every order ends with the title and the id, so pages never overlap. An unknown key is not an
error for the web (the default order, as for a mistyped link) but is one for the API
(``parse`` returns None and the caller answers 400).
"""

from dataclasses import dataclass

from django.db.models import F

PARAMETER = "tri"
DEFAULT = "titre"
COLUMNS = {
    "titre": ("title",),
    "type": ("current_version__content_type",),
    "taille": ("current_version__size",),
    "date": ("updated_at",),
    "auteur": ("uploader__last_name", "uploader__first_name"),
}
LABELS = {
    "titre": "Titre",
    "type": "Type",
    "taille": "Taille",
    "date": "Mis à jour le",
    "auteur": "Déposé par",
}
INVALID = "Tri inconnu : " + ", ".join(COLUMNS) + " (précédé de « - » pour l'ordre décroissant)."


@dataclass(frozen=True)
class Order:
    column: str = DEFAULT
    descending: bool = False

    @property
    def value(self) -> str:
        return ("-" if self.descending else "") + self.column

    def toggled(self, column) -> "Order":
        """The order a click on ``column``'s header asks: increasing, or the reverse of the
        current order when the table is already sorted by it."""
        return Order(column, descending=column == self.column and not self.descending)


def parse(value) -> Order | None:
    """The order ``value`` names (None or empty: the default), None if it names none."""
    if not value:
        return Order()
    descending = value.startswith("-")
    column = value[1:] if descending else value
    if column not in COLUMNS:
        return None
    return Order(column, descending)


def order_documents(queryset, order: Order):
    fields = []
    for name in COLUMNS[order.column]:
        expression = F(name)
        # Rows without a value (no uploader any more) go last in both directions.
        fields.append(
            expression.desc(nulls_last=True)
            if order.descending
            else expression.asc(nulls_last=True)
        )
    if order.column != "titre":
        fields.append(F("title").asc())
    return queryset.order_by(*fields, "pk")
