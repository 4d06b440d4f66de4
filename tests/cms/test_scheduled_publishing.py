"""Scheduled publishing and unpublishing (go_live_at / expire_at), run by publish_scheduled."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.models import NewsPage
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def test_scheduled_page_waits_for_its_go_live_date(tree):
    news = factories.make_news(tree.news_index, publish=False)
    news.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    news.save_revision().publish()

    call_command("publish_scheduled")

    assert not NewsPage.objects.get(pk=news.pk).live


def test_scheduled_page_goes_live_via_publish_scheduled(tree, monkeypatch):
    news = factories.make_news(tree.news_index, publish=False)
    news.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    news.save_revision().publish()
    assert not NewsPage.objects.get(pk=news.pk).live

    two_hours_later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: two_hours_later)
    call_command("publish_scheduled")

    news = NewsPage.objects.get(pk=news.pk)
    assert news.live
    assert news.first_published_at == two_hours_later


def test_expired_page_is_unpublished_via_publish_scheduled(client, tree):
    news = factories.make_news(tree.news_index, title="Bientôt périmée")
    NewsPage.objects.filter(pk=news.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    call_command("publish_scheduled")

    news = NewsPage.objects.get(pk=news.pk)
    assert not news.live
    assert news.expired
    assert client.get("/actualites/").context["listing"].page.paginator.count == 0
