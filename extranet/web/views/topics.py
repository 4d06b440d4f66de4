"""A topic: its posts (paginated), the reply form, moderation of the topic; starting a topic."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from extranet.forum import attachments as forum_attachments
from extranet.forum import permissions as forum_permissions
from extranet.forum import services as forum_services
from extranet.forum.models import BodyFormat, Post, Topic, TopicReadState
from extranet.forum.writing import quote_for_reply, render_with_mentions
from extranet.idempotency.keys import KeyReused
from extranet.notifications import inbox
from extranet.spaces import permissions as space_permissions
from portal.storage import StorageUnavailable

from .. import fragments, once
from ..access import space_view
from ..forms import PostForm, TopicForm, TopicTitleForm, add_service_errors
from ..paging import POSTS_PER_PAGE, page_of_post, paginate
from .common import space_context, space_url


def get_topic(user, space, pk):
    """The topic `pk` of `space` if `user` may see it; 404 otherwise."""
    topic = Topic.objects.filter(space=space, pk=pk).select_related("author").first()
    if topic is None:
        raise Http404(forum_permissions.TOPIC_NOT_FOUND)
    topic.space = space
    forum_permissions.check_view_topic(user, topic)
    return topic


def quotable_post(user, space, pk):
    """Post ``pk`` of ``space`` if ``user`` may quote it, else None (hidden, deleted, in a
    topic they do not see or cannot reply to, or not there at all: the same answer)."""
    post = Post.objects.filter(topic__space=space, pk=pk).select_related("topic", "author").first()
    if post is None:
        return None
    post.topic.space = space
    return post if forum_permissions.can_quote_post(user, post) else None


def thread_posts(topic, access):
    """The posts listed in a topic, in order.

    Members see hidden posts as a placeholder (where they were, so page numbers and links stay
    the same for everyone) and no trace of posts deleted by their authors; moderators see every
    post. Whether a post's text is shown is then asked post by post (`can_view_post`).
    """
    posts = Post.objects.filter(topic=topic)
    if not access.can_moderate:
        posts = posts.filter(deleted_at__isnull=True)
    return posts.order_by("created_at", "pk")


def post_url(space, topic, post, access):
    page = page_of_post(thread_posts(topic, access), post)
    url = space_url("topic_detail", space, pk=topic.pk)
    return f"{url}?page={page}#{post.anchor}"


@space_view(load=fragments.space_and_topic)
def topic_detail(request, space, access, pk, loaded=None):
    """GET shows the thread and marks it read; POST replies (when the topic takes replies).

    The thread is a per-member fragment cached under a key of what it shows (``fragments``):
    a warm GET reads the space with the topic's state (one statement) and the rights, then the
    read mark is written only when there is something new. The access decisions (404 for a
    space or topic the member may not see) come first, from the permission module.
    """
    if request.method == "POST":
        return _reply(request, space, access, pk)
    user = request.user
    topic = loaded
    if topic is None:
        raise Http404(forum_permissions.TOPIC_NOT_FOUND)
    forum_permissions.check_view_topic(user, topic)
    rights = space_permissions.get_space_rights(user, space)
    quote = _quote_asked(request, space, access)
    if quote is not None:
        # The reply form starts with this member's quotation: their page, never cached.
        full = get_topic(user, space, pk)
        form = PostForm(space=space, initial={"body": quote}, can_attach=access.can_upload)
        content = _thread(request, None, space, access, full, form)
    else:
        # Moderators' navigation shows the open flags: their count is part of the key.
        key = fragments.topic_key(
            user, space, topic, _page_asked(request), rights, access.open_flag_count
        )
        content = fragments.get(request, key)
        if content is None:
            full = get_topic(user, space, pk)
            form = PostForm(space=space, can_attach=access.can_upload)
            content = _thread(request, key, space, access, full, form)
    if request.method == "GET" and forum_services.mark_topic_read(
        user, topic, read_at=topic.my_last_read_at
    ):
        # Something new was read: its notifications are read too (nothing to do otherwise,
        # so a warm page costs no query for it).
        inbox.mark_read_for_topic(user, topic)
    return _topic_page(request, space, access, topic, content)


def _reply(request, space, access, pk):
    user = request.user
    topic = get_topic(user, space, pk)
    forum_permissions.check_reply(user, topic)
    form = PostForm(request.POST, request.FILES, space=space, can_attach=access.can_upload)
    preview = None
    if form.is_valid() and form.wants_preview:
        preview = render_with_mentions(form.cleaned_data["body"], BodyFormat.MARKDOWN, space)
    elif form.is_valid():
        body = form.cleaned_data["body"]
        files = form.cleaned_data.get("attachments") or []

        def publish():
            post = forum_attachments.publish_with_attachments(
                space,
                user,
                files,
                body,
                lambda text: forum_services.reply(topic, user, text, format=BodyFormat.MARKDOWN),
            )
            return {"post": post.pk}

        try:
            # The same form sent twice publishes once: both land on the one post (and its
            # attachments are stored once: they are deposited inside ``publish``).
            done = once.submit_once(
                request, f"forum.reply:{topic.pk}", _payload(body, files), publish
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except StorageUnavailable as error:
            form.add_error("attachments", error.message)
        except KeyReused:
            form.add_error(None, once.REUSED)
        else:
            post = Post.objects.get(pk=done["post"])
            messages.success(request, "Votre réponse a été publiée.")
            return redirect(post_url(space, topic, post, access))
    # A form with errors or a preview: this member's input, never cached.
    content = _thread(request, None, space, access, topic, form, preview=preview)
    return _topic_page(request, space, access, topic, content)


def _payload(body, files, **fields):
    """What a creation form sent, for ``once.submit_once``: the text and the files' names and
    sizes (the same form sent again carries the same files)."""
    attachments = [[file.name, file.size] for file in files]
    return {**fields, "body": body, **({"attachments": attachments} if attachments else {})}


def _quote_asked(request, space, access):
    """The quotation ``?quote=<post id>`` asks the reply to start with (« Citer » without
    JavaScript), or None: no such post in the space, or one this member may not quote
    (``quotable_post``) — the page is then the plain one, revealing nothing."""
    asked = request.GET.get("quote", "")
    if not asked.isdigit():
        return None
    post = quotable_post(request.user, space, int(asked))
    if post is None:
        return None
    return quote_for_reply(post, post_url(space, post.topic, post, access))


def _page_asked(request):
    """The `?page=` value as the paginator reads it (part of the fragment's key)."""
    number = request.GET.get("page") or "1"
    if number == "last":
        return number
    try:
        return int(number)
    except ValueError:
        return 1


def _thread(request, key, space, access, topic, form, preview=None):
    """The topic's content (breadcrumb and sections of the space, title, moderation, posts,
    reply form), rendered and stored under `key` (None: not stored)."""
    user = request.user
    posts = thread_posts(topic, access).select_related("author", "hidden_by")
    page = paginate(request, posts, POSTS_PER_PAGE)
    actions = forum_permissions.PostActions(user, topic)
    for post in page:
        post.topic = topic
        actions.apply(post)
    can_reply = forum_permissions.can_reply(user, topic)
    context = space_context(  # the breadcrumb and the space's sections are in the fragment
        space,
        access,
        "home",
        [(topic.title, None)],
        topic=topic,
        page=page,
        form=form if can_reply else None,
        preview=preview,
        can_rename=forum_permissions.can_rename_topic(user, topic),
        can_pin=forum_permissions.can_pin_topic(user, topic),
        can_lock=forum_permissions.can_lock_topic(user, topic),
    )
    return fragments.render(request, key, "extranet/forum/_topic_content.html", context, forms=True)


def _topic_page(request, space, access, topic, content):
    context = space_context(space, access, "home", [(topic.title, None)], topic=topic)
    context["content"] = content
    context["csrf_token"] = fragments.csrf_token(request)  # the fragment's, made once
    return render(request, "extranet/forum/topic_detail.html", context)


@space_view
def topic_create(request, space, access):
    forum_permissions.check_start_topic(request.user, space)
    can_attach = access.can_upload
    form = TopicForm(
        request.POST or None, request.FILES or None, space=space, can_attach=can_attach
    )
    preview = None
    if form.wants_preview:
        # The title is not needed to look at the text: preview whatever was typed, and show
        # the form again as typed, without errors (an unbound form with it as initial values).
        preview = render_with_mentions(form.data.get("body", ""), BodyFormat.MARKDOWN, space)
        form = TopicForm(initial=request.POST.dict(), space=space, can_attach=can_attach)
    elif request.method == "POST" and form.is_valid():
        title, body = form.cleaned_data["title"], form.cleaned_data["body"]
        files = form.cleaned_data.get("attachments") or []

        def start():
            topic = forum_attachments.publish_with_attachments(
                space,
                request.user,
                files,
                body,
                lambda text: forum_services.create_topic(
                    space, request.user, title, text, format=BodyFormat.MARKDOWN
                ),
            )
            return {"topic": topic.pk}

        try:
            # The same form sent twice opens one topic: both land on it.
            done = once.submit_once(
                request, f"forum.topic:{space.pk}", _payload(body, files, title=title), start
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except StorageUnavailable as error:
            form.add_error("attachments", error.message)
        except KeyReused:
            form.add_error(None, once.REUSED)
        else:
            messages.success(request, "Votre sujet a été publié.")
            return redirect(space_url("topic_detail", space, pk=done["topic"]))
    context = space_context(
        space,
        access,
        "home",
        [("Nouveau sujet", None)],
        form=form,
        preview=preview,
        form_token=once.new_token(),  # each showing of the form is a new submission
    )
    return render(request, "extranet/forum/topic_form.html", context)


@space_view
def topic_rename(request, space, access, pk):
    topic = get_topic(request.user, space, pk)
    forum_permissions.check_rename_topic(request.user, topic)
    form = TopicTitleForm(request.POST or None, initial={"title": topic.title})
    if request.method == "POST" and form.is_valid():
        try:
            forum_services.rename_topic(topic, request.user, form.cleaned_data["title"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le titre du sujet a été modifié.")
            return redirect(space_url("topic_detail", space, pk=topic.pk))
    topic_url = space_url("topic_detail", space, pk=topic.pk)
    context = space_context(
        space,
        access,
        "home",
        [(topic.title, topic_url), ("Modifier le titre", None)],
        topic=topic,
        form=form,
    )
    return render(request, "extranet/forum/topic_rename.html", context)


@space_view
@require_POST
def topic_pin(request, space, access, pk):
    topic = get_topic(request.user, space, pk)
    pinned = request.POST.get("pinned") == "1"
    forum_services.set_pinned(topic, request.user, pinned)
    messages.success(
        request,
        "Le sujet est épinglé en tête de liste." if pinned else "Le sujet n'est plus épinglé.",
    )
    return redirect(space_url("topic_detail", space, pk=topic.pk))


@space_view
@require_POST
def topic_lock(request, space, access, pk):
    topic = get_topic(request.user, space, pk)
    locked = request.POST.get("locked") == "1"
    forum_services.set_locked(topic, request.user, locked)
    messages.success(
        request,
        "Le sujet est verrouillé : il n'accepte plus de réponse."
        if locked
        else "Le sujet est déverrouillé : les membres peuvent à nouveau répondre.",
    )
    return redirect(space_url("topic_detail", space, pk=topic.pk))


@space_view
def topic_first_unread(request, space, access, pk):
    """Jump to the first post the member has not read yet (the last one when all are read),
    on the page of the thread that holds it."""
    user = request.user
    topic = get_topic(user, space, pk)
    read_at = (
        TopicReadState.objects.filter(user_id=user.pk, topic=topic)
        .values_list("last_read_at", flat=True)
        .first()
    )
    posts = thread_posts(topic, access)
    first_unread = None
    if read_at is not None:
        first_unread = posts.filter(created_at__gt=read_at).first()
    else:
        # Never opened: the start of the thread is where reading starts.
        first_unread = posts.first()
    target = first_unread or posts.last()
    if target is None:
        return redirect(space_url("topic_detail", space, pk=topic.pk))
    return redirect(post_url(space, topic, target, access))
