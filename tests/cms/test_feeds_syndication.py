"""RSS 2.0 and Atom feeds of news and briefs (``cms.feeds.syndication``): what appears, in
which order, with which filters, and that the XML is what readers expect."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from cms.feeds.syndication import FEED_SIZE
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["feeds:news_rss", "feeds:news_atom", "feeds:briefs_rss", "feeds:briefs_atom"]


def _rss(client, name="feeds:news_rss", **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return ET.fromstring(response.content).find("channel")


def _atom(client, name="feeds:news_atom", **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def _rss_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


def _atom_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def _item(channel, title):
    return next(item for item in channel.findall("item") if item.findtext("title") == title)


# --- what appears ----------------------------------------------------------------------------


def test_news_feed_lists_live_public_unexpired_news_only(client, tree):
    factories.make_news(tree.news_index, title="Publiée")
    factories.make_news(tree.news_index, title="Brouillon", publish=False)
    private = factories.make_news(tree.news_index, title="Privée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    # Expired, but publish_scheduled has not run yet: still live in the database.
    factories.make_news(
        tree.news_index,
        title="Expirée",
        expire_at=timezone.now() - datetime.timedelta(hours=1),
    )

    assert _rss_titles(_rss(client)) == ["Publiée"]
    assert _atom_titles(_atom(client)) == ["Publiée"]


def test_news_in_a_private_section_stay_out_of_the_feed(client, tree):
    factories.make_news(tree.news_index, title="Publiée")
    hidden_index = factories.add_page(
        tree.home, factories.StandardPage(title="Section privée", slug="section-privee")
    )
    PageViewRestriction.objects.create(
        page=hidden_index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    # News only live under a news index; move the whole index under the restricted section.
    tree.news_index.move(hidden_index, pos="last-child")

    assert _rss_titles(_rss(client)) == []


def test_brief_feed_lists_briefs_not_news(client, tree):
    factories.make_brief(tree.blog_index, title="Une brève")
    factories.make_news(tree.news_index, title="Une actualité")

    assert _rss_titles(_rss(client, "feeds:briefs_rss")) == ["Une brève"]
    assert _atom_titles(_atom(client, "feeds:briefs_atom")) == ["Une brève"]


def test_news_of_another_site_stay_out_of_this_site_feed(client, tree):
    factories.make_news(tree.news_index, title="Ici")
    other_home = factories.add_page(
        Page.get_first_root_node(), factories.HomePage(title="Autre site", slug="autre-site")
    )
    Site.objects.create(hostname="autre.example", port=80, root_page=other_home)
    other_index = factories.add_page(
        other_home, factories.NewsIndexPage(title="Actualités", slug="actualites")
    )
    factories.make_news(other_index, title="Ailleurs")

    assert _rss_titles(_rss(client)) == ["Ici"]
    response = client.get(reverse("feeds:news_rss"), HTTP_HOST="autre.example")
    assert _rss_titles(ET.fromstring(response.content).find("channel")) == ["Ailleurs"]


# --- order and size --------------------------------------------------------------------------


def test_news_feed_is_newest_first_by_page_date(client, tree):
    factories.make_news(tree.news_index, title="2022", date=datetime.date(2022, 3, 1))
    factories.make_news(tree.news_index, title="2024", date=datetime.date(2024, 3, 1))
    factories.make_news(tree.news_index, title="2023", date=datetime.date(2023, 3, 1))

    assert _rss_titles(_rss(client)) == ["2024", "2023", "2022"]
    assert _atom_titles(_atom(client)) == ["2024", "2023", "2022"]


def test_news_feed_keeps_only_the_latest_thirty(client, tree):
    start = datetime.date(2023, 1, 1)
    for day in range(FEED_SIZE + 2):
        factories.make_news(
            tree.news_index, title=f"Jour {day}", date=start + datetime.timedelta(days=day)
        )

    titles = _rss_titles(_rss(client))

    assert FEED_SIZE == 30
    assert len(titles) == 30
    assert titles[0] == f"Jour {FEED_SIZE + 1}"
    assert "Jour 0" not in titles and "Jour 1" not in titles


# --- filters ---------------------------------------------------------------------------------


def test_theme_filter_keeps_items_of_the_theme_and_its_sub_themes(client, tree, education):
    sub_theme = factories.make_theme("Réussite éducative", parent=education)
    factories.make_news(tree.news_index, title="Éducation", themes=[education])
    factories.make_news(tree.news_index, title="Sous-thème", themes=[sub_theme])
    factories.make_news(tree.news_index, title="Double", themes=[education, sub_theme])
    factories.make_news(tree.news_index, title="Autre", themes=[factories.make_theme("Autre")])

    channel = _rss(client, theme="education")

    assert sorted(_rss_titles(channel)) == ["Double", "Sous-thème", "Éducation"]
    assert channel.findtext("title") == "Actualités – Éducation – Ressources & Territoires"


def test_territory_filter_keeps_items_of_territories_inside_it(client, tree, haute_garonne):
    toulouse = factories.make_territory(
        "Toulouse", slug="toulouse", level="commune", code="31555", parent=haute_garonne
    )
    herault = factories.make_territory("Hérault", slug="herault", code="34")
    factories.make_brief(tree.blog_index, title="Département", territories=[haute_garonne])
    factories.make_brief(tree.blog_index, title="Commune", territories=[toulouse])
    factories.make_brief(tree.blog_index, title="Ailleurs", territories=[herault])

    feed = _atom(client, "feeds:briefs_atom", territory="haute-garonne")

    assert sorted(_atom_titles(feed)) == ["Commune", "Département"]


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("param", ["theme", "territory"])
def test_unknown_filter_slug_is_404(client, tree, name, param):
    response = client.get(reverse(name), {param: "inconnue"})

    assert response.status_code == 404


def test_filtered_feed_points_to_the_filtered_listing_and_itself(client, tree, education):
    channel = _rss(client, theme="education")

    assert channel.findtext("link") == "http://localhost/actualites/?theme=education"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == "http://localhost/flux/actualites.rss?theme=education"


# --- XML and items ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("feeds:news_rss", "application/rss+xml; charset=utf-8"),
        ("feeds:briefs_rss", "application/rss+xml; charset=utf-8"),
        ("feeds:news_atom", "application/atom+xml; charset=utf-8"),
        ("feeds:briefs_atom", "application/atom+xml; charset=utf-8"),
    ],
)
def test_feeds_answer_with_their_content_type(client, tree, name, content_type):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    ET.fromstring(response.content)  # well-formed even with no item


def test_feed_urls_do_not_depend_on_index_slugs(client, tree):
    tree.news_index.slug = "nouvelles"
    tree.news_index.save_revision().publish()
    factories.make_news(tree.news_index, title="Toujours là")

    channel = _rss(client)

    assert reverse("feeds:news_rss") == "/flux/actualites.rss"
    assert _rss_titles(channel) == ["Toujours là"]
    assert channel.findtext("link") == "http://localhost/nouvelles/"


def test_rss_channel_is_french_and_links_to_the_news_index(client, tree):
    channel = _rss(client)

    assert channel.findtext("title") == "Actualités – Ressources & Territoires"
    assert channel.findtext("language") == "fr"
    assert channel.findtext("link") == "http://localhost/actualites/"
    assert "actualités" in channel.findtext("description")


def test_rss_item_carries_absolute_link_intro_themes_and_page_date(client, tree, education):
    news = factories.make_news(
        tree.news_index,
        title="Rentrée",
        intro="Les acteur·rice·s se retrouvent.",
        date=datetime.date(2023, 9, 4),
        themes=[education],
    )

    item = _item(_rss(client), "Rentrée")

    assert item.findtext("link") == f"http://localhost/actualites/{news.slug}/"
    assert item.findtext("description") == "<p>Les acteur·rice·s se retrouvent.</p>"
    assert [category.text for category in item.findall("category")] == ["Éducation"]
    published = parsedate_to_datetime(item.findtext("pubDate"))
    assert timezone.localtime(published).date() == datetime.date(2023, 9, 4)


def test_item_id_is_stable_when_the_slug_changes(client, tree):
    news = factories.make_news(tree.news_index, title="Stable")
    before = _item(_rss(client), "Stable").find("guid")

    news.slug = "nouveau-slug"
    news.save_revision().publish()
    after = _item(_rss(client), "Stable").find("guid")

    assert before.text == after.text
    assert before.text.startswith("tag:localhost,")
    assert before.text.endswith(f":page-{news.pk}")
    assert before.get("isPermaLink") == "false"


def test_titles_and_intros_are_escaped_once(client, tree):
    factories.make_news(
        tree.news_index, title="Égalité & non-discrimination : l'essentiel", intro="A < B & C"
    )

    rss_item = _rss(client).find("item")
    atom_entry = _atom(client).find(f"{ATOM}entry")

    assert rss_item.findtext("title") == "Égalité & non-discrimination : l'essentiel"
    assert atom_entry.findtext(f"{ATOM}title") == "Égalité & non-discrimination : l'essentiel"
    # The description is HTML: the reader un-escapes it once more.
    assert rss_item.findtext("description") == "<p>A &lt; B &amp; C</p>"


def test_atom_entry_has_id_dates_summary_and_feed_author(client, tree):
    news = factories.make_news(tree.news_index, title="Atome", date=datetime.date(2023, 5, 17))

    feed = _atom(client)
    entry = feed.find(f"{ATOM}entry")

    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Ressources & Territoires"
    assert feed.findtext(f"{ATOM}id") == "http://localhost/flux/actualites.atom"
    assert entry.findtext(f"{ATOM}id").endswith(f":page-{news.pk}")
    assert entry.findtext(f"{ATOM}published").startswith("2023-05-17T00:00:00+02:00")
    assert entry.find(f"{ATOM}summary").get("type") == "html"
    link = entry.find(f"{ATOM}link[@rel='alternate']")
    assert link.get("href") == f"http://localhost/actualites/{news.slug}/"


def test_brief_items_carry_their_source_link(client, tree):
    factories.make_brief(
        tree.blog_index,
        title="Contrat de ville",
        intro="Un nouveau contrat est signé.",
        source_name="La Dépêche du Midi",
        source_url="https://example.org/contrat-de-ville",
    )

    item = _rss(client, "feeds:briefs_rss").find("item")
    entry = _atom(client, "feeds:briefs_atom").find(f"{ATOM}entry")

    assert item.findtext("description") == (
        "<p>Un nouveau contrat est signé.</p>"
        '<p>Source : <a href="https://example.org/contrat-de-ville">La Dépêche du Midi</a></p>'
    )
    related = entry.find(f"{ATOM}link[@rel='related']")
    assert related.get("href") == "https://example.org/contrat-de-ville"


# --- discovery -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "rss", "atom"),
    [
        ("news_index", "/flux/actualites.rss", "/flux/actualites.atom"),
        ("blog_index", "/flux/breves.rss", "/flux/breves.atom"),
    ],
)
def test_index_pages_announce_their_feeds(client, tree, index, rss, atom):
    html = client.get(getattr(tree, index).url).content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="{rss}"' in html
    assert f'href="{atom}"' in html
