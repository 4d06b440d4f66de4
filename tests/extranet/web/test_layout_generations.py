"""The layout of the extranet's cached pages (« Mes espaces », a topic page): their header
menu and footer are keyed by the content generations (``cms.navigation.layout``), which the
page's own first statement reads (``extranet.web.fragments``, with
``cms.generation.latest_token_sql``) rather than a query of their own. What must hold: the
generations are read, in that statement, at every request (a publication shows on the very
next page), and a page without such a statement still reads them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.cms import make_site_tree
from tests.factories.extranet import make_topic

from .conftest import space_url

pytestmark = pytest.mark.django_db

GENERATION_TABLE = "cms_contentgeneration"


@pytest.fixture
def tree(db):
    return make_site_tree()


@pytest.fixture
def pages(space, member):
    """The two cached pages of ``member``: « Mes espaces » and a topic of ``space``."""
    topic = make_topic(space, author=member, title="Marginalité", body="Premier message")
    return {
        "my-spaces": reverse("extranet:my_spaces"),
        "topic": space_url("topic_detail", space, pk=topic.pk),
    }


def _get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured]


def _menu_titles(html):
    nav = re.search(r'<nav id="menu-principal".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', nav)


@pytest.mark.parametrize("page", ["my-spaces", "topic"])
def test_a_warm_page_reads_the_generations_in_its_own_first_statement(
    client, tree, member, pages, page
):
    client.force_login(member)
    _get(client, pages[page])
    _html, sqls = _get(client, pages[page])
    reading = [sql for sql in sqls if GENERATION_TABLE in sql]
    assert len(reading) == 1
    own_table = "spaces_membership" if page == "my-spaces" else "forum_topic"
    assert own_table in reading[0]


@pytest.mark.parametrize("page", ["my-spaces", "topic"])
def test_a_page_published_into_the_menu_shows_on_the_next_page(client, tree, member, pages, page):
    client.force_login(member)
    _get(client, pages[page])
    html, _ = _get(client, pages[page])
    assert "Agenda" not in _menu_titles(html)
    tree.event_index.show_in_menus = True
    tree.event_index.save_revision().publish()
    html, _ = _get(client, pages[page])
    assert "Agenda" in _menu_titles(html)


def test_a_member_of_no_space_still_gets_the_current_menu(client, tree, django_user_model):
    loner = django_user_model.objects.create_user(email="seul@example.org", password="x")
    client.force_login(loner)
    url = reverse("extranet:my_spaces")
    _get(client, url)
    tree.event_index.show_in_menus = True
    tree.event_index.save_revision().publish()
    html, sqls = _get(client, url)
    assert "Agenda" in _menu_titles(html)
    assert any(GENERATION_TABLE in sql for sql in sqls)
