"""The live engine's index: rebuilt behind an alias without a gap in answers, and every kind
of change (create, edit, unpublish, delete, hide, move) reaching it. Marked ``engine``."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from extranet.forum.services import edit_post, hide_post
from search import engine_indexes, sync
from search.models import SearchDocument
from search.service import search
from tests.factories.cms import make_news, make_site_tree
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic
from tests.search.live_engine import (
    database_ids,
    engine_ids,
    engine_titles,
    published_news,
    refresh,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine, pytest.mark.usefixtures("live")]


def _alias_targets(backend):
    alias = engine_indexes.alias_of(backend).name
    return sorted(backend.es.indices.get_alias(name=alias))


# --- rebuild --------------------------------------------------------------------------------
# Rebuilds read the sources: pages here (documents made without a source are orphans to it).


@pytest.fixture
def tree():
    return make_site_tree()


def test_a_rebuild_with_reset_fills_a_new_index_and_moves_the_alias_to_it(live, tree, anonymous):
    published_news(tree, 1, "Laïcité à l'école")
    before = _alias_targets(live)
    sync.rebuild(reset_engine=True)
    after = _alias_targets(live)
    assert len(after) == 1 and after != before
    assert not live.es.indices.exists(index=before[0])  # the old index is gone
    assert engine_titles(anonymous, "laïcité") == {"Laïcité à l'école 0"}


def test_a_fresh_index_is_not_refreshed_while_it_fills_and_is_opened_at_the_swap(live, tree):
    published_news(tree, 1, "Laïcité à l'école")
    indices = live.es.indices
    fresh = engine_indexes.fresh_index(live)

    def refresh_interval(name):
        settings = indices.get_settings(index=name, include_defaults=False)[name]["settings"]
        return settings["index"].get("refresh_interval")

    assert refresh_interval(fresh.name) == "-1"
    engine_indexes.swap(live, fresh)
    assert refresh_interval(fresh.name) is None  # back to the engine's default


def test_search_documents_skip_the_inclusive_char_filters_but_still_match_inclusive_forms(
    live, tree, anonymous
):
    published_news(tree, 1, "Les acteur·rice·s de la médiation")
    alias = engine_indexes.alias_of(live).name
    mapping = next(iter(live.es.indices.get_mapping(index=alias).values()))["mappings"]
    assert mapping["properties"]["_all_text"]["analyzer"] == "portal_french_prepared"
    assert mapping["properties"]["_all_text"]["search_analyzer"] == "portal_french_search"
    for query in ("actrices", "acteurs", "acteur·rice·s"):
        assert engine_titles(anonymous, query) == {"Les acteur·rice·s de la médiation 0"}, query


def test_searches_answer_in_full_at_every_step_of_a_rebuild_with_reset(live, tree, anonymous):
    titles = {page.title for page in published_news(tree, 9, "Laïcité, fiche")}
    seen = []

    def search_meanwhile(progress):
        refresh()
        seen.append(engine_titles(anonymous, "laïcité"))

    sync.rebuild(chunk_size=2, on_progress=search_meanwhile, reset_engine=True)
    assert len(seen) >= 5  # searched between chunks, while the new index filled up
    assert all(answer == titles for answer in seen)
    assert engine_titles(anonymous, "laïcité") == titles


def test_changes_made_during_a_rebuild_are_in_the_rebuilt_index(live, tree, anonymous):
    pages = published_news(tree, 6, "Décrochage scolaire, fiche")
    changes = {}

    def change_once(progress):
        if changes:
            return
        # Applied to the index searches read at that moment: the one being replaced.
        changes["added"] = make_news(tree.news_index, title="Décrochage : nouvelle fiche")
        changes["gone"] = pages[-1].title
        pages[-1].unpublish()
        sync.process_pending()

    sync.rebuild(chunk_size=2, on_progress=change_once, reset_engine=True)
    assert engine_ids() == database_ids()
    found = engine_titles(anonymous, "décrochage")
    assert "Décrochage : nouvelle fiche" in found
    assert changes["gone"] not in found
    assert len(found) == 6


def test_a_rebuild_over_an_index_that_is_not_an_alias_replaces_it(live, tree, anonymous):
    alias = engine_indexes.alias_of(live)
    for name in _alias_targets(live):
        live.es.indices.delete(index=name)
    alias.put()  # an index of the alias's name, as modelsearch's own reset leaves it
    published_news(tree, 1, "Politique de la ville : contrat")
    sync.rebuild(reset_engine=True)
    assert live.es.indices.exists_alias(name=alias.name)
    assert engine_titles(anonymous, "contrat de ville") == {"Politique de la ville : contrat 0"}


# --- changes reaching the index ---------------------------------------------------------------


def _page_document(page):
    return SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk)
    ).first()


def test_a_published_page_reaches_the_index(tree, anonymous):
    page = make_news(tree.news_index, title="Égalité femmes-hommes : le plan régional")
    sync.process_pending()
    assert str(_page_document(page).pk) in engine_ids()
    assert engine_titles(anonymous, "égalité plan régional") == {page.title}


def test_an_edited_page_is_found_by_its_new_words_only(tree, anonymous):
    page = make_news(tree.news_index, title="Rencontre des coordinateurs")
    sync.process_pending()
    page.title = "Rencontre des médiatrices"
    page.save_revision().publish()
    sync.process_pending()
    assert engine_titles(anonymous, "médiatrices") == {"Rencontre des médiatrices"}
    assert engine_titles(anonymous, "coordinateurs") == set()


def test_an_unpublished_page_leaves_the_index(tree, anonymous):
    page = make_news(tree.news_index, title="Cités éducatives : bilan")
    sync.process_pending()
    document_id = str(_page_document(page).pk)
    page.unpublish()
    sync.process_pending()
    assert document_id not in engine_ids()
    assert engine_titles(anonymous, "cités éducatives") == set()


def test_a_deleted_page_leaves_the_index(tree, anonymous):
    page = make_news(tree.news_index, title="Illettrisme : journée d'étude")
    sync.process_pending()
    document_id = str(_page_document(page).pk)
    page.delete()
    sync.process_pending()
    assert document_id not in engine_ids()
    assert engine_ids() == database_ids()


def test_a_page_moved_under_a_restricted_section_becomes_staff_only(tree, anonymous, staff):
    from wagtail.models import PageViewRestriction

    page = make_news(tree.news_index, title="Radicalisation : ressources")
    PageViewRestriction.objects.create(page=tree.dossier_index, restriction_type="login")
    sync.process_pending()
    assert engine_titles(anonymous, "radicalisation") == {page.title}
    page.move(tree.dossier_index, pos="last-child")
    sync.process_pending()
    assert engine_titles(anonymous, "radicalisation") == set()
    assert engine_titles(staff, "radicalisation") == {page.title}


@pytest.fixture
def space():
    return SpaceFactory(name="Réseau VRL Occitanie", slug="vrl")


def test_a_new_reply_reaches_the_index_for_its_space_only(space, anonymous):
    member = make_member(space)
    topic = make_topic(space, title="Laïcité à l'école")
    make_reply(topic, body="Les référentes laïcité du rectorat interviennent.")
    sync.process_pending()
    assert "Laïcité à l'école" in engine_titles(member, "référentes rectorat")
    assert engine_titles(anonymous, "référentes rectorat") == set()


def test_an_edited_post_is_found_by_its_new_words(space):
    member = make_member(space)
    topic = make_topic(space, title="Formation VRL")
    post = make_reply(topic, author=member, body="Session à Toulouse")
    sync.process_pending()
    edit_post(post, member, "Session à Montpellier")
    sync.process_pending()
    assert "Formation VRL" in engine_titles(member, "montpellier")
    assert engine_titles(member, "toulouse") == set()


def test_a_hidden_post_leaves_its_topics_document_in_the_index(space):
    """A topic and its replies are one document (#10 §2): hiding a reply takes its words out
    of the topic's document on the engine; the topic stays found by its own words."""
    member = make_member(space)
    moderator = make_member(space, role="moderator")
    topic = make_topic(space, title="Échanges de pratiques")
    post = make_reply(topic, body="Un message hors charte sur le complotisme")
    sync.process_pending()
    assert engine_titles(member, "complotisme") == {topic.title}
    hide_post(post, moderator, "hors charte")
    sync.process_pending()
    assert engine_titles(member, "complotisme") == set()
    assert engine_titles(member, "échanges pratiques") == {topic.title}


def test_a_topic_moved_to_another_space_follows_its_new_audience(space):
    other = SpaceFactory(name="Réseau PRE", slug="pre")
    vrl_member, pre_member = make_member(space), make_member(other)
    topic = make_topic(space, title="Parentalité : outils partagés", body="Des outils")
    sync.process_pending()
    assert engine_titles(vrl_member, "parentalité") == {topic.title}
    topic.space = other
    topic.save()
    sync.process_pending()
    assert engine_titles(pre_member, "parentalité") == {topic.title}
    assert engine_titles(vrl_member, "parentalité") == set()


def test_a_write_before_any_index_exists_creates_it_with_the_portal_mapping(live, anonymous):
    from search.models import Kind
    from tests.factories.search import make_document
    from tests.search.live_engine import delete_test_indexes

    delete_test_indexes()
    engine_indexes._existing.clear()  # this process had seen the index: forget it
    make_document("Laïcité : un premier document", kind=Kind.NEWS)
    alias = engine_indexes.alias_of(live).name
    (index,) = live.es.indices.get_alias(name=alias)  # an alias, not a guessed index
    properties = live.es.indices.get_mapping(index=index)[index]["mappings"]["properties"]
    assert properties["kind_filter"] == {"type": "keyword"}
    response = search(anonymous, "laïcité")
    assert not response.degraded
    assert [facet.value for facet in response.facets["kind"]] == [Kind.NEWS]
