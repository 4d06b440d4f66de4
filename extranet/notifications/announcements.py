"""What the notifications do when the forum publishes (``extranet.forum.signals``): queue the
e-mails of a new post, or of members newly mentioned by an edit, once its transaction commits
(``tasks``). Connected by ``NotificationsConfig.ready``; the forum sends, it never imports this."""

from django.dispatch import receiver

from extranet.forum.signals import mentions_added, post_published

from .tasks import announce_mentions, announce_post


@receiver(post_published, dispatch_uid="notifications_post_published")
def _post_published(sender, post, new_topic, **kwargs):
    announce_post(post, new_topic=new_topic)


@receiver(mentions_added, dispatch_uid="notifications_mentions_added")
def _mentions_added(sender, post, users, **kwargs):
    announce_mentions(post, users)
