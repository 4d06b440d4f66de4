from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from extranet.versions import BumpOnSave

from ..roles import SpacePermission


class SpaceKind(models.TextChoices):
    FORUM = "forum", "Forum"
    COLLABORATIVE = "collaboratif", "Espace collaboratif"


# First URL segments under /extranet/ taken by the account pages (extranet/accounts/urls.py):
# a space with one of these slugs could never be reached, its pages would be shadowed.
RESERVED_SLUGS = frozenset(
    # "notifications" and "desabonnement": the member's list and one-click unsubscribe
    # (extranet.web.urls).
    {"connexion", "deconnexion", "mot-de-passe", "invitation", "notifications", "desabonnement"}
)


def validate_space_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            "« %(slug)s » est réservé aux pages de l'extranet : choisissez un autre identifiant.",
            params={"slug": value},
            code="reserved",
        )


class SpaceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_archived=False)

    def with_members_count(self):
        """Annotate `members_count` with a correlated subquery.

        Computed rather than denormalised: memberships are added and removed by invitations,
        bulk imports, the admin and Wagtail snippets, and a stored counter would drift under
        any path that forgets to update it. The subquery (rather than `Count("memberships")`)
        stays exact when the queryset is also filtered through memberships, e.g. "my spaces",
        and costs no extra query per space.
        """
        from .membership import Membership

        counts = (
            Membership.objects.filter(space=OuterRef("pk"))
            .order_by()
            .values("space")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(members_count=Coalesce(Subquery(counts), 0))


class Space(BumpOnSave, models.Model):
    """A private area of the extranet: a network's forum or a dossier's collaborative space.

    Never visible to non-members, not even its existence: every view answers 404 to them
    (see `extranet.spaces.permissions`).
    """

    name = models.CharField("nom", max_length=200)
    slug = models.SlugField(
        "identifiant d'URL", max_length=200, unique=True, validators=[validate_space_slug]
    )
    description = models.TextField("description", blank=True)
    kind = models.CharField(
        "type d'espace", max_length=20, choices=SpaceKind.choices, default=SpaceKind.FORUM
    )
    network = models.ForeignKey(
        "cms.Network",
        verbose_name="réseau",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spaces",
        help_text="Le réseau animé par R&T dont c'est l'espace, le cas échéant.",
    )
    dossier = models.ForeignKey(
        "cms.DossierPage",
        verbose_name="dossier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spaces",
        help_text="Le dossier thématique dont cet espace accueille l'échange de pratiques.",
    )
    is_archived = models.BooleanField(
        "archivé",
        default=False,
        help_text="Un espace archivé reste consultable par ses membres mais n'accepte plus "
        "aucune contribution (sauf de l'équipe R&T).",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    version = models.PositiveBigIntegerField(
        "version",
        default=0,
        editable=False,
        help_text="Augmente à chaque changement de l'espace, de ses adhésions ou de l'activité "
        "de son forum (clé des fragments mis en cache, voir extranet/versions.py).",
    )

    objects = SpaceQuerySet.as_manager()

    class Meta:
        verbose_name = "espace"
        verbose_name_plural = "espaces"
        ordering = ["name"]
        # "view" is declared below as an object permission (guardian), so Django's default
        # model-level one would clash with it.
        default_permissions = ("add", "change", "delete")
        permissions = SpacePermission.choices

    def __str__(self):
        return self.name
