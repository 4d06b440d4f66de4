"""The forum's own signals, for those it must not import (the notifications, search).

What a write to the forum makes stale in the cached fragments is declared in
``portal.fragments.registry`` and bumped from there, whatever the path of the write.
"""

from django.dispatch import Signal

#: Sent by ``services.rename_topic`` (``topic=``), which writes the title with ``update()``:
#: no ``post_save``. Search listens (the topic's and its posts' documents carry the title).
topic_renamed = Signal()

#: Sent by the services inside the transaction that writes a post (``post=``, ``new_topic=``)
#: and by an edit that mentions new members (``post=``, ``users=``). The notifications listen
#: (``extranet.notifications.announcements``): the forum does not know who is told, nor how,
#: and does not import the notifications (which import the forum).
post_published = Signal()
mentions_added = Signal()
