"""Versions bumped by writes that do not go through ``extranet.forum.services``.

The services bump what they change themselves (see their docstring). These receivers cover
the other paths, so the cached fragments (``extranet.web.fragments``) never outlive what they
show:

- a topic saved outside the services (Django admin: title, flags, moved to another space) or
  deleted: its space's version, and the former space's when it moved ("my spaces" counts and
  last activity); the topic's own version is bumped by ``save()`` (``BumpOnSave``);
- a post deleted for good (admin, cascades): its topic's version (the topic's counters, which
  "my spaces" reads, are only ever changed by the services);
- a member whose name, e-mail or organisation changes, or who is deleted (their posts then
  show "un·e ancien·ne membre"): the version of every topic that shows them (as author of the
  topic or of a post, or as the moderator who hid a post).
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal, receiver

from extranet.spaces.models import Space
from extranet.versions import bump

from .models import Post, Topic

#: Sent by ``services.rename_topic`` (``topic=``), which writes the title with ``update()``:
#: no ``post_save``. Search listens (the topic's and its posts' documents carry the title).
topic_renamed = Signal()

#: Sent by the services inside the transaction that writes a post (``post=``, ``new_topic=``)
#: and by an edit that mentions new members (``post=``, ``users=``). The notifications listen
#: (``extranet.notifications.announcements``): the forum does not know who is told, nor how,
#: and does not import the notifications (which import the forum).
post_published = Signal()
mentions_added = Signal()

# User fields shown on a topic page (``str(user)`` is the full name, or the e-mail without one).
DISPLAYED_USER_FIELDS = frozenset({"first_name", "last_name", "email", "organisation"})


@receiver(pre_save, sender=Topic, dispatch_uid="forum_topic_moving")
def _topic_moving(sender, instance, raw=False, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    previous = Topic.objects.filter(pk=instance.pk).values_list("space_id", flat=True).first()
    if previous is not None and previous != instance.space_id:
        bump(Space.objects.filter(pk=previous))


@receiver(post_save, sender=Topic, dispatch_uid="forum_topic_saved")
@receiver(post_delete, sender=Topic, dispatch_uid="forum_topic_deleted")
def _topic_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump(Space.objects.filter(pk=instance.space_id))


@receiver(post_delete, sender=Post, dispatch_uid="forum_post_deleted")
def _post_deleted(sender, instance, **kwargs):
    bump(Topic.objects.filter(pk=instance.topic_id))


def topics_showing(user_id):
    """Topics whose page shows the member: opened by them, with a post of theirs, or with a
    post they hid."""
    posts = Post.objects.filter(Q(author_id=user_id) | Q(hidden_by_id=user_id)).order_by()
    return Topic.objects.filter(Q(author_id=user_id) | Q(pk__in=posts.values("topic_id")))


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="forum_member_renamed")
def _member_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if created or raw:
        return
    if update_fields is not None and not DISPLAYED_USER_FIELDS.intersection(update_fields):
        return  # e.g. the last login date, saved at each login
    bump(topics_showing(instance.pk))


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="forum_member_deleted")
def _member_deleted(sender, instance, **kwargs):
    bump(topics_showing(instance.pk))
