"""Staff moderation in the Django admin: pages load, hiding goes through the services."""

import pytest
from django.urls import reverse

from extranet.forum.admin import STAFF_HIDE_REASON
from extranet.forum.models import Post, Topic
from tests.factories.extranet import make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(space, member):
    topic = make_topic(space, member)
    make_reply(topic, member, "Réponse")
    return topic


@pytest.mark.parametrize("model", [Topic, Post])
def test_changelist_and_change_pages_load_for_staff(client, staff, thread, model):
    client.force_login(staff)
    opts = model._meta
    assert (
        client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code
        == 200
    )
    obj = model.objects.first()
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert client.get(url).status_code == 200


def test_staff_hides_posts_through_the_service_keeping_counters(client, staff, thread):
    client.force_login(staff)
    reply_post = thread.posts.order_by("-created_at").first()
    response = client.post(
        reverse("admin:forum_post_changelist"),
        {"action": "hide_posts", "_selected_action": [reply_post.pk]},
    )
    assert response.status_code == 302
    reply_post.refresh_from_db()
    assert reply_post.is_hidden and reply_post.hidden_reason == STAFF_HIDE_REASON
    thread.refresh_from_db()
    assert thread.post_count == 1
