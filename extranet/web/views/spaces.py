"""My spaces, a space's home page and its settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect, render

from extranet.forum import permissions as forum_permissions
from extranet.forum import services as forum_services
from extranet.forum.models import Topic
from extranet.spaces import permissions
from extranet.spaces.models import Space
from extranet.spaces.roles import Role

from .. import fragments
from ..access import space_view
from ..forms import SpaceSettingsForm
from ..paging import TOPICS_PER_PAGE, paginate
from .common import space_context, space_url
from .documents import recent_documents
from .meetings import next_meeting


def _last_activity():
    """Latest activity among a space's topics that members see (a subquery, no extra query)."""
    return Subquery(
        Topic.objects.filter(space=OuterRef("pk"), post_count__gt=0)
        .order_by("-last_activity_at")
        .values("last_activity_at")[:1]
    )


@login_required
def my_spaces(request):
    """ "Mes espaces": the user's spaces with unread topics, role and last activity.

    The list is a per-member fragment cached under a key of what it shows (``fragments``):
    two queries on a warm request (the rights, the memberships' versions). Computing it takes
    two more whatever the number of spaces: the spaces (with role, members count and last
    activity as subqueries) and the unread counts (one grouped query). Staff superusers, who
    also get the list of every other space, are served uncached.
    """
    user = request.user
    key = None if user.is_superuser else fragments.my_spaces_key(user)
    content = fragments.get(request, key) if key else None
    if content is None:
        content = fragments.render(
            request, key, "extranet/spaces/_my_spaces_content.html", _my_spaces_context(user)
        )
    return render(
        request,
        "extranet/spaces/my_spaces.html",
        {
            "content": content,
            "breadcrumbs": [("Mes espaces", None)],
            "csrf_token": fragments.csrf_token(request),
        },
    )


def _my_spaces_context(user):
    spaces = list(
        permissions.my_spaces(user).annotate(last_activity_at=_last_activity()).order_by("name")
    )
    unread = forum_services.unread_counts_for(user, spaces)
    for space in spaces:
        space.unread_count = unread.get(space.pk, 0)
        space.my_role_label = Role(space.my_role).label
    other_spaces = []
    if user.is_superuser:
        other_spaces = list(
            permissions.filter_spaces_queryset(user)
            .exclude(pk__in=[space.pk for space in spaces])
            .only("name", "slug", "is_archived")
            .order_by("name")
        )
    return {"spaces": spaces, "other_spaces": other_spaces}


@space_view
def space_home(request, space, access):
    """Pinned then latest topics (paginated), the next meeting and the latest documents."""
    topics = forum_permissions.filter_space_topics_queryset(request.user, space)
    topics = forum_services.with_unread_flag(request.user, topics)
    topics = topics.in_display_order().select_related("author", "last_post__author")
    page = paginate(request, topics, TOPICS_PER_PAGE)
    context = space_context(
        space,
        access,
        "home",
        page=page,
        next_meeting=next_meeting(space),
        recent_documents=recent_documents(request.user, space),
    )
    return render(request, "extranet/spaces/space_home.html", context)


@space_view
def space_settings(request, space, access):
    """Owners (and staff) rename the space and rewrite its presentation."""
    permissions.check_edit_space(request.user, space)
    form = SpaceSettingsForm(request.POST or None, instance=Space.objects.get(pk=space.pk))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Les paramètres de l'espace ont été enregistrés.")
        return redirect(space_url("space_home", space))
    context = space_context(space, access, "settings", [("Paramètres de l'espace", None)])
    context["form"] = form
    return render(request, "extranet/spaces/space_settings.html", context)
