"""What search indexes and what keeps it in sync.

- ``SearchDocument``: one denormalised row per indexable thing (a live page, a topic, a post,
  a shared document), whatever its source model. Every engine indexes these rows and only
  these rows, so ranking, facets and permissions work the same across sources.
- ``FacetValue``: the themes and territories of a document, as rows, so that the database
  backends can filter and count them with plain SQL on SQLite and PostgreSQL alike.
- ``DocumentEntry``: on PostgreSQL, the full-text index of a document (its vectors) beside
  copies of the columns a search filters and counts on, so that one narrow table answers a
  search without a join (see the class).
- ``IndexChange``: the outbox. A change to a source is recorded here in the same transaction
  as the change itself; a background task (or ``manage.py search_resync``) applies it to the
  documents and the engine. If the engine is down, the row stays and nothing is lost.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.lookups import In
from django.utils import timezone
from modelsearch import index

from search.analysis import fold, index_text, rewrite
from search.analysis.pipeline import engine_extra_forms
from search.fields import AnalysedCharField, AnalysedTextField

PUBLIC = "public"
RESTRICTED = "restricted"
#: Room for ``restricted:``, the tree path of a page (Wagtail's own limit, 255) and the ``:``
#: after its restricted section.
AUDIENCE_LENGTH = 267


def space_audience(space_id):
    """The audience token of the members of one space."""
    return f"space:{space_id}"


# A page under a view restriction has the audience ``restricted:<section>:<rest of its path>``,
# where ``section`` is its restricted section (``cms.visibility``: the deepest restricted page
# at or above it, whose path names every restriction over it) and the rest of its tree path
# follows the ``:``. Tree paths are made of digits and capitals, never ``:``. Restricted
# tokens are prefixes (``audience_condition``):
# - ``restricted:<section>:`` reads the pages of that restricted section (and not those of a
#   restricted section inside it, which add their own restrictions): the readers whom all of
#   its restrictions let in (``cms.permissions.readable_restricted_sections``);
# - the tokens of an admin section (``admin_section_tokens``) read every restricted page under
#   that section, whatever its restrictions, password included: editors find what they see
#   in the Wagtail admin (``cms.permissions.admin_page_paths``).


def restricted_audience(page_path, section):
    """The audience of a page under a view restriction (``section``: its restricted section,
    a prefix of ``page_path``)."""
    return f"{RESTRICTED}:{section}:{page_path[len(section) :]}"


def readers_audience(section):
    """The token of those whom every restriction over ``section`` lets in."""
    return f"{RESTRICTED}:{section}:"


def admin_section_tokens(path, section):
    """The tokens of an admin section at ``path`` (``section``: the restricted section at or
    above ``path``, ``None`` if none): the restricted sections at or below ``path``, and the
    part under ``path`` of the restricted section above it."""
    tokens = {f"{RESTRICTED}:{path}"}
    if section is not None and section != path:
        tokens.add(f"{RESTRICTED}:{section}:{path[len(section) :]}")
    return tokens


def is_restricted_audience(token):
    return token.startswith(f"{RESTRICTED}:")


class AnyOf(In):
    """``audience__any_of=[…]``: the ``IN`` lookup, written ``= ANY(%s)`` on PostgreSQL with
    the values as one array parameter (the same plan: PostgreSQL makes an ``IN`` list such an
    array). A member of 20 spaces made the search statement 21 parameters longer, past the
    50 under which psycopg keeps a statement's parsed form, so it was parsed again at every
    search (#16). Registered on the audience fields below."""

    lookup_name = "any_of"

    def as_postgresql(self, compiler, connection):
        if not self.rhs_is_direct_value():  # a subquery: ``IN (SELECT …)`` as it is
            return self.as_sql(compiler, connection)
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        values = [value for value in self.rhs if value is not None]
        return f"{lhs_sql} = ANY(%s)", [*lhs_params, values]


def audience_condition(tokens):
    """Who may read: the documents whose audience is one of ``tokens``, or starts with one of
    its restricted tokens (see ``restricted_audience``)."""
    condition = Q(audience__any_of=sorted(t for t in tokens if not is_restricted_audience(t)))
    for token in sorted(t for t in tokens if is_restricted_audience(t)):
        condition |= Q(audience__startswith=token)
    return condition


class Kind(models.TextChoices):
    """Families of results, as visitors name them (and as the ``kind`` filter spells them)."""

    NEWS = "actualite", "Actualité"
    BRIEF = "breve", "Brève"
    DOSSIER = "dossier", "Dossier"
    PANORAMA = "panorama", "Panorama de presse"
    PUBLICATION = "publication", "Publication"
    EVENT = "evenement", "Événement"
    NEWSLETTER = "flash-info", "Flash Info"
    PAGE = "page", "Page"
    # A topic and its replies are one result (``search.documents.forum``): no « message »
    # kind since migration 0016.
    TOPIC = "sujet", "Sujet de discussion"
    DOCUMENT = "document", "Document"


def readable_now(now):
    """The time rule of search: a document is readable from ``visible_from`` (a page's
    ``go_live_at``) until ``visible_until`` (its ``expire_at``), either bound left empty when
    there is none. Checked when searching, not only when indexing: a page past its expiry date
    is not found even before ``publish_scheduled`` unpublishes it. The engines' forms of it are
    ``search.engines.ElasticsearchEngine.time_filters`` (from these fields' values)."""
    return (Q(visible_from__isnull=True) | Q(visible_from__lte=now)) & (
        Q(visible_until__isnull=True) | Q(visible_until__gt=now)
    )


class SearchDocumentQuerySet(models.QuerySet):
    def for_audience(self, tokens, now=None):
        """Only what these audience tokens may read, at ``now`` (the time of the request). The
        one permission filter of search, for the documents and their PostgreSQL entries."""
        return self.filter(audience_condition(tokens)).filter(readable_now(now or timezone.now()))


class SearchDocument(index.Indexed, models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name="type de source", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField("identifiant de la source", max_length=64)
    kind = models.CharField("nature", max_length=20, choices=Kind.choices)
    title = AnalysedCharField("titre", max_length=500)
    body = AnalysedTextField("texte", blank=True)
    url = models.CharField("adresse", max_length=500)
    date = models.DateTimeField("date", null=True, blank=True)
    year = models.PositiveSmallIntegerField("année", null=True, blank=True, editable=False)
    audience = models.CharField(
        "public visé",
        max_length=AUDIENCE_LENGTH,
        help_text="« public », « space:<id> » ou « restricted:<section>:<suite du chemin> » "
        "(page soumise à une restriction d'accès) : qui peut voir ce résultat.",
    )
    space_id = models.PositiveBigIntegerField("espace", null=True, blank=True)
    space_name = models.CharField("nom de l'espace", max_length=200, blank=True)
    # The time rule (``readable_now``): a page's ``go_live_at`` and ``expire_at``.
    visible_from = models.DateTimeField("visible à partir du", null=True, blank=True)
    visible_until = models.DateTimeField("visible jusqu'au", null=True, blank=True)
    # Copies of the slugs of ``facet_values``, written by the same writers
    # (``search.indexing``): PostgreSQL counts the themes and territories of the matched
    # rows from them, without joining the facet values (``search.engines.facets``).
    themes = models.JSONField("thématiques", default=list, blank=True, editable=False)
    territories = models.JSONField("territoires", default=list, blank=True, editable=False)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    # Indexed by ``search.sync`` (after the document rows are written), never by modelsearch's
    # own post_save hook, which would index half-written rows.
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=4),
        index.SearchField("labels_text", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("suggest_text"),
        index.FilterField("audience"),
        index.FilterField("kind"),
        index.FilterField("year"),
        index.FilterField("date"),
        index.FilterField("space_id"),
        index.FilterField("visible_from"),
        index.FilterField("visible_until"),
        index.FilterField("theme_slugs"),
        index.FilterField("territory_slugs"),
    ]

    class Meta:
        verbose_name = "document de recherche"
        verbose_name_plural = "documents de recherche"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_document_unique_source"
            )
        ]
        indexes = [
            models.Index(fields=["audience", "kind"], name="search_doc_audience_kind"),
            models.Index(fields=["audience", "-date"], name="search_doc_audience_date"),
            # The documents written since a moment: the spelling vocabulary catching up (public
            # ones, at a search that found nothing), a rebuild's orphans and reconciliation.
            models.Index(fields=["audience", "updated_at"], name="search_doc_audience_updated"),
            models.Index(fields=["updated_at"], name="search_doc_updated"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.year = self.date.year if self.date else None
        super().save(*args, **kwargs)

    # --- what the engines index -------------------------------------------------------------

    def _facet_values(self, facet):
        # Uses the prefetched rows when the caller prefetched ``facet_values`` (rebuilds do).
        return [value for value in self.facet_values.all() if value.facet == facet]

    def theme_slugs(self):
        return [value.slug for value in self._facet_values(FacetValue.Facet.THEME)]

    def territory_slugs(self):
        return [value.slug for value in self._facet_values(FacetValue.Facet.TERRITORY)]

    def _labels(self):
        names = [value.name for value in self.facet_values.all()]
        if self.space_name:
            names.append(self.space_name)
        return " ".join(names)

    def labels_text(self):
        """Theme, territory and space names: a search for « éducation » finds what is filed
        under it even when the text does not say the word."""
        return index_text(self._labels())

    def suggest_text(self):
        """The title folded for prefix matching (PostgreSQL's autocomplete uses the ``simple``
        configuration, which does not remove accents)."""
        return fold(rewrite(self.title))

    def engine_text(self, field_name):
        """Readable text for an engine that analyses French itself (Elasticsearch)."""
        if field_name == "labels_text":
            return rewrite(self._labels())
        text = rewrite(getattr(self, field_name) or "")
        # What the engine's tokenizer misses and our analysis finds: ``sociolinguistiques``
        # for ``socio-linguistiques``, ``Conf At`` for ``Conf'At`` (``engine_extra_forms``).
        extra = engine_extra_forms(text)
        return " ".join([text, *extra]) if extra else text


class DocumentEntry(models.Model):
    """The PostgreSQL full-text index of one search document, written by our PostgreSQL
    backend (``search.backends.postgres``) in place of modelsearch's generic index entry.

    modelsearch keeps every model's vectors in one table keyed by ``(content type, object id
    as text)``: a search had to join it with the documents on a cast, then evaluate the
    match row by row for every document the caller may see (« formation » for an anonymous
    visitor: 29,400 probes and concatenations, 80 of the statement's 97 ms). Here the match
    (a GIN index on ``title || body``) finds the rows, and each row already holds what the
    statement filters, ranks and counts: the audience, the facet columns and the vectors,
    and nothing else (the texts stay on the document, read for the 20 results shown).

    The copies are written with the vectors, in the same statement, from the document rows
    (``search.indexing.write_postgres_entries``): every write of a document re-writes its
    entry. Empty on SQLite, whose FTS5 tables modelsearch keeps.
    """

    document = models.OneToOneField(
        SearchDocument,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="entry",
        verbose_name="document",
    )
    audience = models.CharField("public visé", max_length=AUDIENCE_LENGTH)
    kind = models.CharField("nature", max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField("année", null=True, blank=True)
    date = models.DateTimeField("date", null=True, blank=True)
    space_id = models.PositiveBigIntegerField("espace", null=True, blank=True)
    space_name = models.CharField("nom de l'espace", max_length=200, blank=True)
    visible_from = models.DateTimeField("visible à partir du", null=True, blank=True)
    visible_until = models.DateTimeField("visible jusqu'au", null=True, blank=True)
    # The slugs of the document's ``themes`` and ``territories``, separated by spaces (slugs
    # have none): grouped as plain text, counting them costs half what grouping JSON does.
    themes = models.TextField("thématiques", blank=True)
    territories = models.TextField("territoires", blank=True)
    # modelsearch's vectors and title normalisation (``lavg / length(title)``).
    title = SearchVectorField("titre")
    body = SearchVectorField("texte")
    autocomplete = SearchVectorField("autocomplétion")
    title_norm = models.FloatField("normalisation du titre", default=1.0)

    objects = SearchDocumentQuerySet.as_manager()

    #: Between the slugs of ``themes`` and ``territories`` (a slug has no space): the writer
    #: joins them with it, the facet counts split on it (``search.engines.facets``).
    SLUG_SEPARATOR = " "

    class Meta:
        verbose_name = "entrée d'index PostgreSQL"
        verbose_name_plural = "entrées d'index PostgreSQL"
        # With the GIN index of the match (migration 0010), a bitmap of the rows the caller
        # may see and one of the rows that match, combined before any row is read.
        indexes = [models.Index(fields=["audience"], name="search_entry_audience")]

    def __str__(self):
        return f"entrée {self.pk}"

    @classmethod
    def joined_slugs(cls, slugs):
        return cls.SLUG_SEPARATOR.join(slugs)


# The audience filter's lookup (``audience_condition``), on the two tables it filters.
SearchDocument._meta.get_field("audience").register_lookup(AnyOf)
DocumentEntry._meta.get_field("audience").register_lookup(AnyOf)


class FacetValue(models.Model):
    class Facet(models.TextChoices):
        THEME = "theme", "Thématique"
        TERRITORY = "territory", "Territoire"

    document = models.ForeignKey(
        SearchDocument,
        verbose_name="document",
        on_delete=models.CASCADE,
        related_name="facet_values",
    )
    facet = models.CharField("facette", max_length=20, choices=Facet.choices)
    slug = models.CharField("identifiant", max_length=150)
    name = models.CharField("libellé", max_length=200)

    class Meta:
        verbose_name = "valeur de facette"
        verbose_name_plural = "valeurs de facette"
        constraints = [
            models.UniqueConstraint(
                fields=["document", "facet", "slug"], name="search_facet_value_unique"
            )
        ]
        indexes = [models.Index(fields=["facet", "slug"], name="search_facet_slug")]

    def __str__(self):
        return f"{self.get_facet_display()} : {self.name}"


class IndexChange(models.Model):
    class Action(models.TextChoices):
        UPSERT = "upsert", "Mise à jour"
        DELETE = "delete", "Suppression"

    content_type = models.ForeignKey(
        ContentType, verbose_name="type de source", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField("identifiant de la source", max_length=64)
    action = models.CharField("action", max_length=10, choices=Action.choices)
    created_at = models.DateTimeField("enregistré le", auto_now_add=True)
    attempts = models.PositiveIntegerField("tentatives", default=0)
    last_error = models.TextField("dernière erreur", blank=True)

    class Meta:
        verbose_name = "changement à indexer"
        verbose_name_plural = "changements à indexer"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.content_type_id}:{self.object_id}"


class SearchWord(models.Model):
    """A word of the index's own vocabulary, for « Vouliez-vous dire … ? » (``search.spelling``).

    Folded words (``laicite``) of the **public** documents only, so that a correction is never
    drawn from what only members or editors may read; the service also shows a correction only
    when it finds something the caller may see. Filled from the documents written since the
    latest word's ``seen_at`` (``search.spelling.refresh``), lazily, when a search finds
    nothing; ``search.spelling.reset`` starts it again from scratch. On PostgreSQL a trigram index
    (``pg_trgm``, migration 0014) finds the near words.
    """

    word = models.CharField("mot", max_length=60, unique=True)
    # How the documents write it (``laïcité``): what « Vouliez-vous dire … ? » shows.
    form = models.CharField("graphie", max_length=60)
    # The ``updated_at`` of the latest document read: where the next refresh starts.
    seen_at = models.DateTimeField("lu le", db_index=True)

    class Meta:
        verbose_name = "mot du vocabulaire"
        verbose_name_plural = "mots du vocabulaire"

    def __str__(self):
        return self.word
