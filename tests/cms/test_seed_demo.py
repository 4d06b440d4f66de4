"""`seed_cms` builds the demo site from the seeds, and running it again changes nothing.

The demo is seeded once for the module (it takes seconds), twice in a row, inside a transaction
rolled back at the end, with uploads in a throw-away directory.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, Site

from cms.demo.content import dossiers, news, publications, taxonomy
from cms.demo.seed import ADMIN_EMAIL, seed_cms
from cms.models import (
    BriefPage,
    DossierPage,
    EventPage,
    HomePage,
    Network,
    NewsPage,
    PressItem,
    PressPanoramaPage,
    PublicationContributor,
    PublicationPage,
    Territory,
    Theme,
)

EXAMPLE_DOMAIN_RE = re.compile(r"@([\w-]+\.)*example\.(org|com|net)$")


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "page log entries": PageLogEntry.objects.count(),
        "users": get_user_model().objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "themes": Theme.objects.count(),
        "territories": Territory.objects.count(),
        "networks": Network.objects.count(),
        "press items": PressItem.objects.count(),
        "contributors": PublicationContributor.objects.count(),
        "sites": Site.objects.count(),
        "references": ReferenceIndex.objects.count(),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed twice; yield the counts before, after the first and after the second run."""
    media = tmp_path_factory.mktemp("seed-media")
    private = tmp_path_factory.mktemp("seed-private")  # documents go there (portal.storage)
    storage = override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private)
    with django_db_blocker.unblock(), storage, transaction.atomic():
        before = counts()
        first = seed_cms()
        after_first = counts()
        second = seed_cms()
        after_second = counts()
        yield {
            "media": media,
            "private": private,
            "before": before,
            "after_first": after_first,
            "after_second": after_second,
            "first": first,
            "second": second,
        }
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_first_run_creates_the_site(seeded):
    assert seeded["after_first"]["pages"] > seeded["before"]["pages"] + 70
    assert seeded["first"].created


def test_second_run_changes_nothing(seeded):
    assert seeded["after_second"] == seeded["after_first"]
    assert seeded["second"].created == {}


def test_the_page_tree_is_valid(seeded):
    assert all(problems == [] for problems in Page.find_problems())


def test_the_default_site_root_is_the_home_page_and_the_welcome_page_is_gone(seeded):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page_id).exists()


def test_every_demo_page_is_live_with_a_live_revision(seeded):
    pages = Page.objects.filter(depth__gte=2)
    assert pages.count() == seeded["after_first"]["pages"] - 1  # the tree's root
    assert not pages.filter(live=False).exists()
    assert not pages.filter(live_revision__isnull=True).exists()
    assert not pages.filter(has_unpublished_changes=True).exists()


def test_the_six_fields_of_intervention_exist_with_their_sub_themes(seeded):
    fields = Theme.objects.filter(parent__isnull=True).order_by("sort_order")
    assert [theme.name for theme in fields] == [theme.name for theme in taxonomy.THEMES]
    assert all(theme.children.exists() for theme in fields)


def test_territories_nest_from_occitanie_to_communes(seeded):
    toulouse = Territory.objects.get(code="31555")
    assert toulouse.parent.slug == "toulouse-metropole"
    assert toulouse.parent.parent.code == "31"
    assert toulouse.parent.parent.parent.code == "76"
    assert Territory.objects.filter(level="departement").count() == 13


def test_networks_carry_the_member_counts_of_the_report(seeded):
    assert Network.objects.get(slug="vrl-occitanie").member_count_display == "250 membres"
    assert Network.objects.get(slug="esat").member_count_display == "34 structures"
    assert Network.objects.get(slug="chefs-de-projet-npnru").member_count == 9


def test_confat_24_has_its_speaker_date_and_pdf(seeded, settings):
    settings.MEDIA_ROOT = seeded["media"]
    settings.PRIVATE_MEDIA_ROOT = seeded["private"]
    confat = PublicationPage.objects.get(kind="confat", number=24)
    assert confat.date.isoformat() == "2017-05-18"
    assert [c.name for c in confat.contributors.all()] == ["Sylvain Connac"]
    with confat.document.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_confat_19_to_24_and_the_other_publications_exist(seeded):
    numbers = PublicationPage.objects.filter(kind="confat").values_list("number", flat=True)
    assert sorted(numbers) == [19, 20, 21, 22, 23, 24]
    assert PublicationPage.objects.filter(kind="fichexperience", number=12).exists()
    assert PublicationPage.objects.filter(kind="vademecum").exists()
    assert not PublicationPage.objects.filter(document__isnull=True).exists()


def test_ten_dossiers_with_eight_panoramas_under_them(seeded):
    assert DossierPage.objects.live().count() == len(dossiers.DOSSIERS) == 10
    panoramas = PressPanoramaPage.objects.live()
    assert panoramas.count() == 8
    assert all(isinstance(p.get_parent().specific, DossierPage) for p in panoramas)
    assert PressItem.objects.exclude(url__startswith="https://www.example.org/").count() == 0


def test_news_briefs_events_and_newsletters_are_published(seeded):
    assert NewsPage.objects.live().count() == len(news.NEWS)
    assert BriefPage.objects.live().count() == len(news.BRIEFS)
    assert EventPage.objects.live().filter(start__gt=timezone.now()).count() >= 5
    assert EventPage.objects.live().filter(start__lt=timezone.now()).count() >= 3


def test_page_references_in_bodies_point_to_the_demo_pages(seeded):
    webinar = NewsPage.objects.get(slug="webinaire-impact-social")
    related = next(block for block in webinar.body if block.block_type == "related_pages")
    assert [page.slug for page in related.value.live_pages] == ["vademecum-impact-social"]


def test_pages_use_generated_images_from_the_demo_collection(seeded):
    news_page = NewsPage.objects.get(slug="lancement-du-site-vrl-occitanie")
    assert news_page.image.collection.name == "Démo"
    assert (news_page.image.width, news_page.image.height) == (1200, 630)
    assert ReferenceIndex.get_references_to(news_page.image).exists()


def test_the_demo_is_searchable(seeded):
    results = PublicationPage.objects.live().search("coopératives")
    assert "confat-24-pedagogies-cooperatives" in [page.slug for page in results]


def test_the_admin_and_every_account_use_reserved_example_domains(seeded):
    admin = get_user_model().objects.get(email=ADMIN_EMAIL)
    assert admin.is_superuser and admin.is_staff
    for email in get_user_model().objects.values_list("email", flat=True):
        assert EXAMPLE_DOMAIN_RE.search(email), email


def test_publication_data_matches_the_content_module(seeded):
    for spec in publications.CONFATS:
        page = PublicationPage.objects.get(slug=spec.slug)
        assert page.title == spec.title
        assert page.date == spec.event_date


def test_seed_demo_refuses_to_run_outside_development(seeded, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="développement"):
        call_command("seed_demo", stdout=io.StringIO())


def test_seed_demo_builds_both_parts_and_prints_the_logins(seeded, settings):
    from extranet.demo.content import DEMO_MEMBER
    from extranet.spaces.models import Space

    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert f"{ADMIN_EMAIL} / " in out.getvalue()
    assert f"{DEMO_MEMBER.email} / " in out.getvalue()
    assert counts()["pages"] == seeded["after_first"]["pages"]
    # With the site seeded first, the dossier's exchange space links to its dossier page.
    space = Space.objects.get(slug="echanges-integration-langue")
    assert space.dossier.slug == "integration-et-apprentissage-de-la-langue"
