"""Spaces: "my spaces" (role, members, unread topics), one space, its settings (owners)."""

from django.db.models import OuterRef, Subquery
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from extranet.forum import services as forum_services
from extranet.forum.models import Topic
from extranet.spaces import permissions as space_permissions
from extranet.spaces.models import Membership, Space

from ..serializers.spaces import SpaceDetailSerializer, SpaceSerializer, SpaceSettingsSerializer
from .base import ExtranetViewSet

SCOPE_PARAMETER = OpenApiParameter(
    "scope",
    str,
    enum=["mine", "visible"],
    description="« mine » (défaut) : les espaces dont vous êtes membre ; « visible » : tous "
    "ceux que vous pouvez ouvrir (l'équipe R&T les voit tous).",
)


def _last_activity():
    """Latest activity among the topics members see (a subquery: no query per space)."""
    return Subquery(
        Topic.objects.filter(space=OuterRef("pk"), post_count__gt=0)
        .order_by("-last_activity_at")
        .values("last_activity_at")[:1]
    )


def _spaces_with_my_role(user):
    """Every space, with ``my_role`` (null where the user is no member) and ``members_count``."""
    # `.order_by()`: no Meta ordering (joins of spaces and users) inside the subquery.
    own = Membership.objects.filter(space=OuterRef("pk"), user_id=user.pk).order_by()
    return Space.objects.annotate(my_role=Subquery(own.values("role")[:1])).with_members_count()


@extend_schema_view(
    list=extend_schema(
        summary="Mes espaces",
        parameters=[SCOPE_PARAMETER],
        description="Vos espaces, avec votre rôle, le nombre de membres et de sujets non lus. "
        "Nombre de requêtes constant quel que soit le nombre d'espaces.",
    ),
    retrieve=extend_schema(summary="Un espace et vos droits"),
    partial_update=extend_schema(
        summary="Modifier l'espace (responsables)",
        request=SpaceSettingsSerializer,
        responses=SpaceDetailSerializer,
    ),
)
class SpaceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ExtranetViewSet):
    lookup_field = "slug"
    lookup_url_kwarg = "space_slug"
    http_method_names = ["get", "patch", "head", "options"]

    def get_serializer_class(self):
        return SpaceSerializer if self.action == "list" else SpaceDetailSerializer

    def get_queryset(self):
        user = self.request.user
        if getattr(self, "swagger_fake_view", False):
            return Space.objects.none()
        if self.action == "list" and self._scope() == "mine":
            queryset = space_permissions.my_spaces(user)
        else:
            # One space, or every space the user may open (staff: all, members: theirs).
            queryset = space_permissions.filter_spaces_queryset(user, _spaces_with_my_role(user))
        return queryset.annotate(last_activity_at=_last_activity()).order_by("name", "pk")

    def _scope(self):
        scope = self.request.query_params.get("scope", "mine")
        if scope not in ("mine", "visible"):
            raise ValidationError({"scope": ["Valeurs possibles : « mine » ou « visible »."]})
        return scope

    def _with_unread(self, spaces):
        unread = forum_services.unread_counts_for(self.request.user, spaces)
        for space in spaces:
            space.unread_count = unread.get(space.pk, 0)
        return spaces

    def list(self, request, *args, **kwargs):
        page = self._with_unread(self.paginate_queryset(self.get_queryset()))
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    def get_object(self):
        return space_permissions.get_visible_space_or_404(
            self.request.user, self.get_queryset(), slug=self.kwargs["space_slug"]
        )

    def retrieve(self, request, *args, **kwargs):
        space = self._with_unread([self.get_object()])[0]
        return Response(self.get_serializer(space).data)

    def partial_update(self, request, *args, **kwargs):
        space = self.get_object()
        space_permissions.check_edit_space(request.user, space)
        settings = SpaceSettingsSerializer(space, data=request.data, partial=True)
        settings.is_valid(raise_exception=True)
        settings.save()
        return self.retrieve(request, *args, **kwargs)
