"""Meetings ("rencontres") of a space: list, detail with participants, sign up and cancel,
organise (moderators)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from extranet.meetings import permissions as meeting_permissions
from extranet.meetings import services as meeting_services
from extranet.meetings.models import Meeting

from ..serializers.meetings import (
    MeetingDetailSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
)
from .base import SpaceScopedViewSet, first_or_404

WHEN_PARAMETER = OpenApiParameter(
    "when",
    str,
    enum=["upcoming", "past"],
    description="« upcoming » : pas encore terminées (ordre chronologique) ; « past » : "
    "terminées (les plus récentes d'abord) ; absent : toutes, dans l'ordre chronologique.",
)


@extend_schema_view(
    list=extend_schema(summary="Rencontres de l'espace", parameters=[WHEN_PARAMETER]),
    retrieve=extend_schema(summary="Une rencontre et ses participant·e·s"),
    create=extend_schema(
        summary="Programmer une rencontre (animateur·rice·s)",
        request=MeetingWriteSerializer,
        responses={201: MeetingDetailSerializer},
    ),
    partial_update=extend_schema(
        summary="Modifier une rencontre (animateur·rice·s)", request=MeetingWriteSerializer
    ),
    destroy=extend_schema(
        summary="Supprimer une rencontre (animateur·rice·s)", responses={204: None}
    ),
    registration=extend_schema(
        summary="S'inscrire (POST) ou annuler son inscription (DELETE)",
        description="Inscription refusée (400) quand la rencontre a commencé ou est complète ; "
        "s'inscrire deux fois ne crée qu'une inscription.",
        request=None,
        responses=MeetingDetailSerializer,
    ),
)
class MeetingViewSet(SpaceScopedViewSet):
    queryset = Meeting.objects.none()

    def get_serializer_class(self):
        return MeetingSerializer if self.action == "list" else MeetingDetailSerializer

    def get_queryset(self):
        if self.is_schema_generation:
            return Meeting.objects.none()
        return meeting_services.meetings_for(self.request.user, self.space).prefetch_related(
            "documents"
        )

    def _attach_space(self, meetings):
        for meeting in meetings:
            meeting.space = self.space

    def _meeting(self, pk):
        meeting = first_or_404(
            self.get_queryset().filter(pk=pk), meeting_permissions.MEETING_NOT_FOUND
        )
        meeting.space = self.space
        meeting_permissions.check_view_meeting(self.request.user, meeting)
        return meeting

    def _show(self, pk, status_code=status.HTTP_200_OK):
        data = MeetingDetailSerializer(self._meeting(pk), context=self.get_serializer_context())
        return Response(data.data, status=status_code)

    def list(self, request, space_slug):
        meetings = self.get_queryset()
        when = request.query_params.get("when")
        if when == "upcoming":
            meetings = meetings.upcoming().order_by("starts_at", "pk")
        elif when == "past":
            meetings = meetings.past().order_by("-starts_at", "-pk")
        elif when is None:
            meetings = meetings.order_by("starts_at", "pk")
        else:
            raise ValidationError({"when": ["Valeurs possibles : « upcoming » ou « past »."]})
        return self.paginated(meetings, prepare=self._attach_space)

    def retrieve(self, request, space_slug, pk):
        return self._show(pk)

    def create(self, request, space_slug):
        meeting_permissions.check_create_meeting(request.user, self.space)
        fields, documents = self._valid(partial=False)
        meeting = meeting_services.create_meeting(
            self.space, request.user, documents=documents or (), **fields
        )
        return self._show(meeting.pk, status.HTTP_201_CREATED)

    def partial_update(self, request, space_slug, pk):
        meeting = self._meeting(pk)
        meeting_permissions.check_manage_meeting(request.user, meeting)
        fields, documents = self._valid(partial=True)
        meeting_services.update_meeting(meeting, request.user, documents=documents, **fields)
        return self._show(pk)

    def destroy(self, request, space_slug, pk):
        meeting_services.delete_meeting(self._meeting(pk), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post", "delete"])
    def registration(self, request, space_slug, pk):
        meeting = self._meeting(pk)
        if request.method == "POST":
            meeting_services.sign_up(meeting, request.user)
        else:
            meeting_services.cancel_registration(meeting, request.user)
        return self._show(pk)

    def _valid(self, partial):
        serializer = MeetingWriteSerializer(
            data=self.request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        return serializer.service_arguments()
