"""One post: edit or delete one's own, hide or restore (moderators), its history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from extranet.forum import permissions as forum_permissions
from extranet.forum import services as forum_services
from extranet.forum.locking import TopicBusy
from extranet.forum.models import Post
from extranet.forum.writing import render_with_mentions

from ..access import space_view
from ..forms import HidePostForm, PostForm, add_service_errors
from .common import space_context, space_url
from .topics import post_url


def get_post(user, space, pk):
    """The post `pk` of a topic of `space` if `user` may see it; 404 otherwise."""
    post = Post.objects.filter(topic__space=space, pk=pk).select_related("topic", "author").first()
    if post is None:
        raise Http404(forum_permissions.POST_NOT_FOUND)
    post.topic.space = space
    forum_permissions.check_view_post(user, post)
    return post


def _trail(space, post, label):
    topic = post.topic
    return [(topic.title, space_url("topic_detail", space, pk=topic.pk)), (label, None)]


@space_view
def post_edit(request, space, access, pk):
    """Authors edit their posts (moderators any post); the service keeps the previous text."""
    post = get_post(request.user, space, pk)
    forum_permissions.check_edit_post(request.user, post)
    form = PostForm(
        request.POST or None,
        initial={"body": post.editable_text},
        space=space,
        format=post.format,
    )
    preview = None
    if form.is_valid() and form.wants_preview:
        preview = render_with_mentions(form.cleaned_data["body"], post.format, space)
    elif request.method == "POST" and form.is_valid():
        try:
            forum_services.edit_post(post, request.user, form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le message a été modifié.")
            return redirect(post_url(space, post.topic, post, access))
    context = space_context(
        space,
        access,
        "home",
        _trail(space, post, "Modifier le message"),
        post=post,
        form=form,
        preview=preview,
    )
    return render(request, "extranet/forum/post_edit.html", context)


@space_view
def post_delete(request, space, access, pk):
    """GET asks for confirmation, POST deletes (softly: moderators keep the history)."""
    post = get_post(request.user, space, pk)
    forum_permissions.check_delete_post(request.user, post)
    if request.method == "POST":
        try:
            forum_services.delete_post(post, request.user)
        except TopicBusy as busy:
            messages.error(request, busy.messages[0])
        else:
            messages.success(request, "Votre message a été supprimé.")
            return redirect(space_url("topic_detail", space, pk=post.topic_id))
    context = space_context(
        space, access, "home", _trail(space, post, "Supprimer le message"), post=post
    )
    return render(request, "extranet/forum/post_delete.html", context)


@space_view
def post_hide(request, space, access, pk):
    """Moderators hide a post from members, with a reason (GET shows the form)."""
    post = get_post(request.user, space, pk)
    forum_permissions.check_hide_post(request.user, post)
    form = HidePostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            forum_services.hide_post(post, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le message est masqué pour les membres.")
            return redirect(post_url(space, post.topic, post, access))
    context = space_context(
        space, access, "home", _trail(space, post, "Masquer le message"), post=post, form=form
    )
    return render(request, "extranet/forum/post_hide.html", context)


@space_view
@require_POST
def post_restore(request, space, access, pk):
    post = get_post(request.user, space, pk)
    try:
        forum_services.restore_post(post, request.user)
    except TopicBusy as busy:
        messages.error(request, busy.messages[0])
    else:
        messages.success(request, "Le message est à nouveau visible des membres.")
    return redirect(post_url(space, post.topic, post, access))


@space_view
def post_history(request, space, access, pk):
    """Earlier versions of a post: its author, moderators and staff."""
    post = get_post(request.user, space, pk)
    if not forum_permissions.can_view_post_history(request.user, post):
        raise PermissionDenied(
            "L'historique d'un message est réservé à son auteur·rice et aux animateur·rice·s."
        )
    revisions = post.revisions.select_related("editor").order_by("-created_at", "-pk")
    context = space_context(
        space,
        access,
        "home",
        _trail(space, post, "Historique du message"),
        post=post,
        revisions=revisions,
    )
    return render(request, "extranet/forum/post_history.html", context)
