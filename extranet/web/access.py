"""Entering a space from a URL: login, the 404 rule, French error pages, the rights shown.

`space_view` is the one decorator every space page uses, so no view can forget a rule:
- anonymous visitors (and deactivated accounts, which Django's backend no longer resolves)
  are sent to the login page;
- a space the user may not see is a 404, never a 403, whatever the rest of the URL;
- `PermissionDenied` raised by a permission module or a service (a member trying to pin, a
  reply to a locked topic) becomes a French 403 page carrying the module's message.
"""

from functools import cached_property, wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from extranet.forum import moderation
from extranet.spaces import permissions
from extranet.spaces.roles import Role


class SpaceAccess:
    """What the current user may do in one space, asked once per page from the permission module.

    Templates read `access.can_post`, `access.can_moderate`…; every answer comes from
    `extranet.spaces.permissions` (rights cached for the request by its middleware).
    """

    def __init__(self, user, space):
        self.user = user
        self.space = space

    @cached_property
    def can_post(self):
        return permissions.can_post(self.user, self.space)

    @cached_property
    def can_upload(self):
        return permissions.can_upload(self.user, self.space)

    @cached_property
    def can_attend_meetings(self):
        return permissions.can_attend_meetings(self.user, self.space)

    @cached_property
    def can_moderate(self):
        return permissions.can_moderate(self.user, self.space)

    @cached_property
    def open_flag_count(self):
        """Open flags of the space, for its moderators' navigation (0 for anyone else)."""
        if not self.can_moderate:
            return 0
        return moderation.open_flag_count(self.space)

    @cached_property
    def can_manage_meetings(self):
        return permissions.can_manage_meetings(self.user, self.space)

    @cached_property
    def can_invite(self):
        return permissions.can_invite(self.user, self.space, Role.MEMBER)

    @cached_property
    def can_edit_space(self):
        return permissions.can_edit_space(self.user, self.space)


def not_found(request, message="Page introuvable."):
    return render(request, "extranet/errors/404.html", {"message": message}, status=404)


def forbidden(request, message, space=None):
    context = {"message": message or "Vous n'avez pas le droit de faire cela.", "space": space}
    return render(request, "extranet/errors/403.html", context, status=403)


def space_view(view=None, *, load=None):
    """Decorate `view(request, space, access, **kwargs)` reached at a URL with `<slug>`.

    `load(request, slug, **kwargs)`, when given, reads the space together with what the view
    needs first, in one statement, and returns `(space or None, loaded)`; the view then gets
    `loaded=`. The decision is the permission module's all the same (`check_view_space`),
    made before the view runs.
    """
    if view is None:
        return lambda decorated: space_view(decorated, load=load)

    @login_required
    @wraps(view)
    def wrapper(request, slug, **kwargs):
        space = None
        try:
            if load is None:
                space = permissions.get_visible_space_or_404(request.user, slug=slug)
            else:
                found, loaded = load(request, slug, **kwargs)
                if found is None:
                    raise Http404(permissions.NOT_FOUND_MESSAGE)
                permissions.check_view_space(request.user, found)
                space, kwargs["loaded"] = found, loaded
            return view(request, space, SpaceAccess(request.user, space), **kwargs)
        except Http404 as error:
            return not_found(request, _message(error, "Page introuvable."))
        except PermissionDenied as error:
            return forbidden(request, _message(error, ""), space)

    return wrapper


def _message(error, default):
    return str(error.args[0]) if error.args and error.args[0] else default
