"""The demo content data stays faithful to the seeds (the 2017 and 2023 activity reports).

Pure data tests: no database. The seeds live in ../shared/seeds beside the repository; tests
that read them are skipped when the folder is absent.
"""

import re
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path

import pytest

from cms.demo.content import dossiers, news, publications, taxonomy
from cms.demo.content.blocks import BLOCK_TYPES

SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EXAMPLE_DOMAIN_RE = re.compile(r"(^|\.)example\.(org|com|net)$")


def seeds_text() -> str:
    if not SEEDS_DIR.is_dir():
        pytest.skip("the seeds folder (../shared/seeds) is not available")
    return "\n".join(path.read_text() for path in sorted(SEEDS_DIR.glob("*.txt")))


def normalised(text: str) -> str:
    """Undo the PDF extraction's line breaks and typography, to compare wording."""
    text = text.replace("\u2019", "'").replace("\u2026", "...")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text)


def all_strings(value):
    """Every string inside the content modules' data (dataclasses, tuples, dicts…)."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from all_strings(getattr(value, field.name))
        for name in ("url",):
            if isinstance(getattr(type(value), name, None), property):
                yield getattr(value, name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from all_strings(key)
            yield from all_strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from all_strings(item)


CONTENT = (
    taxonomy.THEMES,
    taxonomy.TERRITORIES,
    taxonomy.NETWORKS,
    dossiers.DOSSIERS,
    publications.PUBLICATIONS,
    news.NEWS,
    news.BRIEFS,
    news.EVENTS,
    news.NEWSLETTERS,
    news.STANDARD_PAGES,
)


# --- Themes -----------------------------------------------------------------------------------


def test_the_six_fields_of_2023_have_their_exact_names():
    assert [theme.name for theme in taxonomy.THEMES] == [
        "Politiques territoriales et politique de la ville",
        "Éducation",
        "Sécurité, prévention de la délinquance et de la radicalisation",
        "Illettrisme, savoirs de base et intégration par la langue",
        "Prévention et lutte contre la pauvreté",
        "Politiques d'égalité et non-discrimination",
    ]


def test_theme_names_appear_in_the_2023_report():
    text = normalised(seeds_text()).lower()
    for theme in taxonomy.THEMES:
        assert theme.name.lower() in text, theme.name


def test_every_theme_has_subthemes_with_unique_slugs():
    slugs = [sub.slug for theme in taxonomy.THEMES for sub in theme.subthemes]
    assert all(theme.subthemes for theme in taxonomy.THEMES)
    assert len(slugs) == len(set(slugs))


# --- Territories ------------------------------------------------------------------------------


def test_occitanie_has_its_thirteen_departements_with_insee_codes():
    departements = {t.code: t.name for t in taxonomy.TERRITORIES if t.kind == "departement"}
    assert departements == {
        "09": "Ariège",
        "11": "Aude",
        "12": "Aveyron",
        "30": "Gard",
        "31": "Haute-Garonne",
        "32": "Gers",
        "34": "Hérault",
        "46": "Lot",
        "48": "Lozère",
        "65": "Hautes-Pyrénées",
        "66": "Pyrénées-Orientales",
        "81": "Tarn",
        "82": "Tarn-et-Garonne",
    }
    assert all(t.parent == "occitanie" for t in taxonomy.TERRITORIES if t.kind == "departement")


def test_territory_parents_exist_and_come_first():
    seen = set()
    for territory in taxonomy.TERRITORIES:
        assert territory.kind in taxonomy.TERRITORY_KINDS
        assert territory.parent is None or territory.parent in seen, territory.slug
        seen.add(territory.slug)
    assert len(seen) == len(taxonomy.TERRITORIES)


def test_territory_levels_nest_region_departement_epci_commune():
    kinds = {t.slug: t.kind for t in taxonomy.TERRITORIES}
    allowed_parents = {
        "departement": {"region"},
        "epci": {"departement"},
        "commune": {"epci", "departement"},
    }
    for territory in taxonomy.TERRITORIES:
        if territory.parent:
            assert kinds[territory.parent] in allowed_parents[territory.kind], territory.slug


def test_territory_codes_are_well_formed():
    patterns = {"region": r"\d{2}", "departement": r"\d{2}", "epci": r"\d{9}", "commune": r"\d{5}"}
    for territory in taxonomy.TERRITORIES:
        if territory.code:
            assert re.fullmatch(patterns[territory.kind], territory.code), territory.slug


def test_commune_codes_start_with_their_departement_code():
    by_slug = {t.slug: t for t in taxonomy.TERRITORIES}
    for commune in (t for t in taxonomy.TERRITORIES if t.kind == "commune"):
        ancestor = by_slug[commune.parent]
        while ancestor.kind != "departement":
            ancestor = by_slug[ancestor.parent]
        assert commune.code.startswith(ancestor.code), commune.slug


def test_named_communes_are_those_of_the_reports():
    text = seeds_text()
    for commune in (t for t in taxonomy.TERRITORIES if t.kind == "commune"):
        # The reports sometimes write "Ramonville" or "Plaisance du Touch".
        first_word = re.split(r"[- ]", commune.name)[0]
        assert first_word in text, commune.name


# --- Networks ---------------------------------------------------------------------------------


def test_network_member_counts_match_the_2023_report():
    counts = {n.slug: (n.member_count, n.member_unit) for n in taxonomy.NETWORKS if n.active}
    assert counts == {
        "vrl-occitanie": (250, "membres"),
        "coordonnateurs-pre": (40, "membres"),
        "referents-pre": (39, "membres"),
        "peps": (40, "membres"),
        "chefs-de-projet-contrats-de-ville": (47, "membres"),
        "chefs-de-projet-npnru": (9, "membres"),
        "esat": (34, "structures"),
    }


def test_network_meetings_and_participations_match_the_reports():
    activity = {
        (n.slug, a.year): (a.meetings, a.participations)
        for n in taxonomy.NETWORKS
        for a in n.activity
    }
    assert activity[("peps", 2023)] == (5, 66)
    assert activity[("referents-pre", 2023)] == (4, 53)
    assert activity[("coordonnateurs-pre", 2023)] == (3, 26)
    assert activity[("chefs-de-projet-contrats-de-ville", 2023)] == (4, 42)
    assert activity[("chefs-de-projet-npnru", 2023)] == (3, 21)
    # 2017: "29 jours de rencontres, 282 participant·e·s pour l'ensemble des réseaux".
    meetings_2017 = [a for n in taxonomy.NETWORKS for a in n.activity if a.year == 2017]
    assert sum(a.meetings for a in meetings_2017) == 29
    assert sum(a.participations for a in meetings_2017) == 282


def test_network_themes_and_territories_exist():
    for network in taxonomy.NETWORKS:
        assert set(network.themes) <= taxonomy.THEME_SLUGS, network.slug
        assert network.territory in taxonomy.TERRITORY_SLUGS


# --- Dossiers and panoramas -------------------------------------------------------------------


def test_there_are_ten_dossiers_and_eight_panoramas():
    assert len(dossiers.DOSSIERS) == 10
    assert len(set(dossiers.DOSSIER_SLUGS)) == 10
    assert len(dossiers.PANORAMAS) == 8


def test_dossier_titles_are_those_of_the_2023_report():
    text = normalised(seeds_text())
    for dossier in dossiers.DOSSIERS:
        # The extraction dropped the last letter of some titles: compare without it.
        assert dossier.title[:-1] in text, dossier.title


def test_every_panorama_has_dated_press_items_on_example_domains():
    for panorama in dossiers.PANORAMAS:
        assert len(panorama.items) >= 4
        for item in panorama.items:
            assert item.url.startswith("https://www.example.org/")
            assert item.published_on <= panorama.published_on, item.title
            assert item.published_on.year == 2023
            assert item.theme in taxonomy.THEME_SLUGS


def test_press_item_urls_are_unique():
    urls = [item.url for panorama in dossiers.PANORAMAS for item in panorama.items]
    assert len(urls) == len(set(urls))


def test_dossier_references_exist():
    for dossier in dossiers.DOSSIERS:
        assert set(dossier.themes) <= taxonomy.THEME_SLUGS
        assert set(dossier.territories) <= taxonomy.TERRITORY_SLUGS


# --- Publications -----------------------------------------------------------------------------


def test_confat_numbers_19_to_24_are_unique_and_published_in_2017():
    numbers = [p.number for p in publications.CONFATS]
    assert sorted(numbers) == [19, 20, 21, 22, 23, 24]
    assert all(p.published_on.year == 2017 for p in publications.CONFATS)


def test_confat_conference_dates_are_those_of_the_2017_report():
    dates = {p.number: p.event_date for p in publications.CONFATS}
    assert dates == {
        24: date(2017, 5, 18),
        23: date(2017, 4, 27),
        22: date(2017, 3, 29),
        21: date(2016, 11, 17),
        20: date(2016, 10, 4),
        19: date(2016, 7, 1),
    }
    assert all(p.event_date <= p.published_on for p in publications.CONFATS)


def test_confat_24_has_its_speaker():
    confat_24 = next(p for p in publications.CONFATS if p.number == 24)
    assert [s.name for s in confat_24.speakers] == ["Sylvain Connac"]
    assert confat_24.title.startswith("Pédagogies coopératives")


def test_confat_titles_and_speakers_appear_in_the_2017_report():
    text = normalised(seeds_text()).lower()
    for publication in publications.CONFATS:
        assert normalised(publication.title).lower()[:30] in text, publication.title
        for speaker in publication.speakers:
            assert speaker.name.split()[-1].lower() in text, speaker.name


def test_publication_numbers_are_unique_per_kind():
    keys = [(p.kind, p.number) for p in publications.PUBLICATIONS if p.number is not None]
    assert len(keys) == len(set(keys))
    assert all(p.kind in publications.KINDS for p in publications.PUBLICATIONS)


def test_fichexperience_12_and_the_vademecum_exist():
    kinds = {(p.kind, p.number) for p in publications.PUBLICATIONS}
    assert ("fichexperience", 12) in kinds
    assert any(
        p.kind == "vademecum" and "impact social" in p.title for p in publications.PUBLICATIONS
    )


# --- News, briefs, events, newsletters, pages -------------------------------------------------


def test_about_twenty_news_items_and_briefs_dated_in_a_report_year():
    items = news.NEWS + news.BRIEFS
    assert 18 <= len(items) <= 26
    assert all(item.published_on.year in (2017, 2023) for item in items)
    slugs = [item.slug for item in items]
    assert len(slugs) == len(set(slugs))


def test_news_and_briefs_reference_existing_themes_and_territories():
    for item in news.NEWS + news.BRIEFS + news.EVENTS:
        assert item.themes and set(item.themes) <= taxonomy.THEME_SLUGS, item.slug
        assert set(item.territories) <= taxonomy.TERRITORY_SLUGS, item.slug


def test_brief_sources_are_illustrative_example_urls():
    for brief in news.BRIEFS:
        assert brief.source_url.startswith("https://www.example.org/")


def test_some_events_are_upcoming_and_some_past_whatever_today_is():
    today = date.today()
    starts = [event.starts_at(today).date() for event in news.EVENTS]
    assert sum(day > today for day in starts) >= 5
    assert sum(day < today for day in starts) >= 3
    for event in news.EVENTS:
        assert (event.on is None) != (event.offset_days is None), event.slug
        assert event.ends_at(today) > event.starts_at(today)
        assert event.online or event.place, event.slug
        assert event.network is None or event.network in taxonomy.NETWORK_SLUGS


def test_flash_info_issues_have_unique_numbers():
    numbers = [issue.number for issue in news.NEWSLETTERS]
    assert 2 <= len(numbers) <= 3
    assert len(numbers) == len(set(numbers))


def test_standard_pages_include_about_governance_why_join_team_and_contact():
    slugs = {page.slug for page in news.STANDARD_PAGES}
    assert {"qui-sommes-nous", "gouvernance", "pourquoi-adherer", "equipe", "contact"} <= slugs


def test_why_join_promises_access_to_private_digital_spaces():
    page = next(p for p in news.STANDARD_PAGES if p.slug == "pourquoi-adherer")
    assert "l'accès à des espaces numériques privés" in " ".join(all_strings(page.body))


def test_key_figures_of_the_networks_are_on_the_about_page():
    page = next(p for p in news.STANDARD_PAGES if p.slug == "qui-sommes-nous")
    figures = [
        (figure["value"], figure["label"])
        for block_type, value in page.body
        if block_type == "key_figures"
        for figure in value["figures"]
    ]
    assert ("29", "jours de rencontres") in figures
    assert ("282", "participant·e·s") in figures


def test_bodies_use_known_block_types():
    bodies = [d.body for d in dossiers.DOSSIERS] + [
        item.body for item in news.NEWS + news.EVENTS + news.NEWSLETTERS + news.STANDARD_PAGES
    ]
    for body in bodies:
        for block_type, _value in body:
            assert block_type in BLOCK_TYPES


def test_page_references_in_bodies_point_to_demo_pages():
    known = (
        {d.slug for d in dossiers.DOSSIERS}
        | {p.slug for p in publications.PUBLICATIONS}
        | {n.slug for n in news.NEWS}
        | {p.slug for p in news.STANDARD_PAGES}
    )
    bodies = [d.body for d in dossiers.DOSSIERS] + [
        item.body for item in news.NEWS + news.EVENTS + news.NEWSLETTERS + news.STANDARD_PAGES
    ]
    for body in bodies:
        for block_type, value in body:
            if block_type == "related_pages":
                assert set(value["pages"]) <= known, value
            if block_type == "call_to_action":
                assert bool(value["url"]) != bool(value["page"])
                assert not value["page"] or value["page"] in known, value


def test_testimonials_are_anonymised():
    text = seeds_text()
    blocks = [block for item in news.NEWS + news.STANDARD_PAGES for block in item.body]
    testimonials = [value for block_type, value in blocks if block_type == "testimonial"]
    assert testimonials
    for value in testimonials:
        # An anonymised speaker: a role, never a name of the reports.
        assert value["name"].split()[0] in {"Une", "Un", "La", "Le", "L'équipe"}, value
        assert value["name"] not in text


# --- Privacy ----------------------------------------------------------------------------------


def test_every_email_in_the_content_is_on_an_example_domain():
    for value in CONTENT:
        for text in all_strings(value):
            for email in EMAIL_RE.findall(text):
                domain = email.rsplit("@", 1)[1].lower()
                assert EXAMPLE_DOMAIN_RE.search(domain), email


def test_no_email_address_of_the_seeds_appears_in_the_content():
    seed_emails = {email.lower() for email in EMAIL_RE.findall(seeds_text())}
    assert seed_emails, "the seeds should contain e-mail addresses to check against"
    everything = "\n".join(text for value in CONTENT for text in all_strings(value)).lower()
    for email in seed_emails:
        assert email not in everything, email
