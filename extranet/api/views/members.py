"""The member directory of a space, removing members and changing roles, invitations."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response

from extranet.spaces import invitations
from extranet.spaces import permissions as space_permissions
from extranet.spaces import services as membership_services
from extranet.spaces.models import Invitation, Membership
from extranet.spaces.roles import Role

from ..serializers.members import (
    InvitationSerializer,
    InviteSerializer,
    MembershipSerializer,
    RoleSerializer,
)
from .base import SpaceScopedViewSet, first_or_404

MEMBER_NOT_FOUND = "Membre introuvable."
INVITATION_NOT_FOUND = "Invitation introuvable."


@extend_schema_view(
    list=extend_schema(
        summary="Annuaire des membres",
        description="Comptes actifs seulement, par nom ; réservé aux membres de l'espace.",
    ),
    partial_update=extend_schema(
        summary="Changer le rôle d'un membre (responsables)", request=RoleSerializer
    ),
    destroy=extend_schema(
        summary="Retirer un membre, ou quitter l'espace",
        description="Les animateur·rice·s retirent des membres, les responsables n'importe "
        "qui. Supprimer sa propre adhésion, c'est quitter l'espace : permis à tout membre "
        "sauf à la dernière personne responsable (403). L'accès cesse dès la requête "
        "suivante.",
        responses={204: None},
    ),
)
class MembershipViewSet(SpaceScopedViewSet):
    serializer_class = MembershipSerializer
    queryset = Membership.objects.none()

    def get_queryset(self):
        if self.is_schema_generation:
            return Membership.objects.none()
        return (
            Membership.objects.filter(space=self.space, user__is_active=True)
            .select_related("user__territory")
            .order_by("user__last_name", "user__first_name", "user__email", "pk")
        )

    def _attach_space(self, memberships):
        for membership in memberships:
            membership.space = self.space

    def _membership(self, pk):
        membership = first_or_404(
            Membership.objects.filter(space=self.space, pk=pk).select_related("user__territory"),
            MEMBER_NOT_FOUND,
        )
        membership.space = self.space
        return membership

    def list(self, request, space_slug):
        return self.paginated(self.get_queryset(), prepare=self._attach_space)

    def partial_update(self, request, space_slug, pk):
        membership = self._membership(pk)
        space_permissions.check_change_role(request.user, membership)
        serializer = RoleSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        membership_services.change_role(
            by=request.user, membership=membership, role=serializer.validated_data["role"]
        )
        return Response(
            MembershipSerializer(membership, context=self.get_serializer_context()).data
        )

    def destroy(self, request, space_slug, pk):
        membership = self._membership(pk)
        if membership.user_id == request.user.pk:
            # One's own membership: leaving (the last owner may not), not moderation.
            membership_services.leave_space(user=request.user, space=self.space)
        else:
            membership_services.remove_member(by=request.user, membership=membership)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Invitations en attente (animateur·rice·s)"),
    create=extend_schema(
        summary="Inviter par e-mail (animateur·rice·s)",
        description="Le lien envoyé est à usage unique et expire. Inviter un·e responsable "
        "est réservé aux responsables. Réinviter la même adresse remplace l'invitation en "
        "attente.",
        request=InviteSerializer,
        responses={201: InvitationSerializer},
    ),
    destroy=extend_schema(summary="Annuler une invitation en attente", responses={204: None}),
)
class InvitationViewSet(SpaceScopedViewSet):
    serializer_class = InvitationSerializer
    queryset = Invitation.objects.none()

    def get_queryset(self):
        if self.is_schema_generation:
            return Invitation.objects.none()
        return (
            Invitation.objects.pending()
            .filter(space=self.space)
            .select_related("invited_by")
            .order_by("-created_at", "-pk")
        )

    def list(self, request, space_slug):
        space_permissions.check_invite(request.user, self.space, Role.MEMBER)
        return self.paginated(self.get_queryset())

    def create(self, request, space_slug):
        space_permissions.check_invite(request.user, self.space, Role.MEMBER)
        serializer = InviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        invitation = invitations.invite(
            by=request.user,
            space=self.space,
            email=serializer.validated_data["email"],
            role=serializer.validated_data["role"],
        )
        return Response(
            InvitationSerializer(invitation, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

    def destroy(self, request, space_slug, pk):
        space_permissions.check_invite(request.user, self.space, Role.MEMBER)
        invitation = first_or_404(
            Invitation.objects.filter(space=self.space, pk=pk), INVITATION_NOT_FOUND
        )
        invitation.space = self.space
        invitations.revoke(by=request.user, invitation=invitation)
        return Response(status=status.HTTP_204_NO_CONTENT)
