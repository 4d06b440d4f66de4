"""The member directory of a space, invitations, removing members and changing roles."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from extranet.spaces import invitations, permissions, services
from extranet.spaces.models import Invitation, Membership
from extranet.spaces.roles import Role

from ..access import space_view
from ..forms import InvitationForm, RoleForm, add_service_errors
from ..paging import MEMBERS_PER_PAGE, paginate
from .common import space_context, space_url


def get_membership(space, pk):
    membership = Membership.objects.filter(space=space, pk=pk).select_related("user").first()
    if membership is None:
        raise Http404("Membre introuvable.")
    membership.space = space
    return membership


@space_view
def member_list(request, space, access):
    """The directory: name, organisation, job and role of every active member (members only:
    `space_view` already answered 404 to everyone else). Moderators also see pending
    invitations."""
    user = request.user
    memberships = (
        Membership.objects.filter(space=space, user__is_active=True)
        .select_related("user__territory")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    page = paginate(request, memberships, MEMBERS_PER_PAGE)
    for membership in page:
        membership.space = space
        membership.can_remove = permissions.can_remove_member(user, membership)
        membership.can_change_role = permissions.can_change_role(user, membership)
    can_leave = permissions.can_leave_space(user, space)
    pending = []
    if access.can_invite:
        pending = list(
            Invitation.objects.pending().filter(space=space).select_related("invited_by")
        )
    context = space_context(
        space,
        access,
        "members",
        [("Membres", None)],
        page=page,
        pending_invitations=pending,
        roles=Role.choices,
        can_leave=can_leave,
    )
    return render(request, "extranet/members/member_list.html", context)


@space_view
def member_card(request, space, access, user_pk):
    """Who a member is (name, organisation, job, territory, role): what the directory shows of
    them, on its own page, where their mentions lead. Active members of this space only: 404
    for anyone else, as for the directory."""
    membership = (
        Membership.objects.filter(space=space, user_id=user_pk, user__is_active=True)
        .select_related("user__territory")
        .first()
    )
    if membership is None:
        raise Http404("Membre introuvable.")
    person = membership.user
    context = space_context(
        space,
        access,
        "members",
        [("Membres", space_url("member_list", space)), (str(person), None)],
        membership=membership,
        person=person,
    )
    return render(request, "extranet/members/member_card.html", context)


@space_view
def member_invite(request, space, access):
    permissions.check_invite(request.user, space)
    form = InvitationForm(request.POST or None, user=request.user, space=space)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitations.invite(
                by=request.user,
                space=space,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Invitation envoyée à {invitation.email}. Le lien est valable jusqu'au "
                f"{invitation.expires_at:%d/%m/%Y}.",
            )
            return redirect(space_url("member_list", space))
    members_url = space_url("member_list", space)
    context = space_context(
        space, access, "members", [("Membres", members_url), ("Inviter", None)], form=form
    )
    return render(request, "extranet/members/member_invite.html", context)


@space_view
def member_remove(request, space, access, pk):
    """GET asks for confirmation, POST removes: access ends on the member's very next request."""
    membership = get_membership(space, pk)
    permissions.check_remove_member(request.user, membership)
    if request.method == "POST":
        services.remove_member(by=request.user, membership=membership)
        messages.success(request, f"{membership.user} ne fait plus partie de l'espace.")
        return redirect(space_url("member_list", space))
    members_url = space_url("member_list", space)
    context = space_context(
        space,
        access,
        "members",
        [("Membres", members_url), ("Retirer un membre", None)],
        membership=membership,
    )
    return render(request, "extranet/members/member_remove.html", context)


@space_view
def member_leave(request, space, access):
    """GET asks for confirmation, POST leaves the space; the member's posts and documents
    stay. Back to "my spaces", where the space is no longer listed."""
    permissions.check_leave_space(request.user, space)
    if request.method == "POST":
        services.leave_space(user=request.user, space=space)
        messages.success(request, f"Vous avez quitté l'espace « {space.name} ».")
        return redirect("extranet:my_spaces")
    members_url = space_url("member_list", space)
    context = space_context(
        space, access, "members", [("Membres", members_url), ("Quitter l'espace", None)]
    )
    return render(request, "extranet/members/member_leave.html", context)


@space_view
@require_POST
def member_change_role(request, space, access, pk):
    membership = get_membership(space, pk)
    permissions.check_change_role(request.user, membership)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choisissez un rôle dans la liste.")
    else:
        services.change_role(by=request.user, membership=membership, role=form.cleaned_data["role"])
        messages.success(
            request, f"{membership.user} est désormais {membership.get_role_display().lower()}."
        )
    return redirect(space_url("member_list", space))


@space_view
@require_POST
def invitation_revoke(request, space, access, pk):
    invitation = Invitation.objects.filter(space=space, pk=pk).first()
    if invitation is None:
        raise Http404("Invitation introuvable.")
    invitation.space = space
    try:
        invitations.revoke(by=request.user, invitation=invitation)
    except invitations.InvitationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"L'invitation de {invitation.email} est annulée.")
    return redirect(space_url("member_list", space))
