"""Benchmark of the headless API (issue 2): a listing of 20 news and the detail of a dossier.

Data set (``--quick``: a tenth of it), loaded into a dedicated database:
- a site (home, news, blog, dossier and agenda indexes), 6 themes, 13 territories;
- 10,000 pages: news (90 % with a listing image), briefs, events and dossiers, bulk-loaded
  into the page tree (``bench.page_tree``; load time printed);
- 4 shared images whose renditions (the API's three specs) exist beforehand, as after the
  first visit in production;
- the measured dossier, created and published through Wagtail's page API like an editor's:
  a 20-block body (every block family: headings, paragraphs with page and document links,
  figures, quote, key figures, testimonial, table, accordion, related pages, call to action,
  document, embed), resources, two press panoramas.

Scenarios, against the baseline of the same run (``bench.harness``):
- ``listing``: ``/api/v2/pages/?type=cms.NewsPage&fields=intro,image,date,themes&limit=20``
  (target: at least 0.3 × the baseline's throughput);
- ``listing -date``: the same, latest first (what a front end asks for; target 0.3 too);
- ``dossier detail``: ``/api/v2/pages/<id>/`` (target: at least 0.5 ×).

Each is measured warm (answered from the API's response cache, ``cms.api.cache``: the targets
apply to these) and ``(cold)``: the content generation is bumped before each request (outside
the measured time, ``_new_generation``), so the answer is computed as after a publication.

``wagtail …``: the same three requests to stock Wagtail's ``PagesAPIViewSet`` on the same page
models (``bench.stock_wagtail``: no cache, no prefetching), measured in the same run. Issue 16's
targets, checked after the run (``Report.add_check``):
- cold listings: at most 0.5 × stock Wagtail's CPU per request; cold detail: at most stock
  Wagtail's;
- SQL queries constant in the number of items (the cold listing at ``limit=5`` and ``limit=20``)
  and in the number of pages (the cold listing and detail counted again after as many news
  again are bulk-loaded).

Command (PostgreSQL; the database ``portal_bench_cms`` is created, then dropped)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python -m bench.cms_api

Options: ``--quick`` (1,000 pages, fewer requests), ``--keep``, ``--show-queries listing``,
``--profile listing`` and those of ``bench.harness``. Exit code: 0 targets met, 1 a target
missed, 2 the load or a response failed.
"""

import datetime
import random
import sys
from io import BytesIO

from bench import harness

DATABASE_NAME = harness.database_name("portal_bench_cms")
FULL_PAGES = 10_000
QUICK_PAGES = 1_000
LISTING_FIELDS = "intro,image,date,themes"
LISTING_LIMIT = 20
BODY_BLOCKS = 20
IMAGES = 4

THEMES = [
    "Politique de la ville et politiques territoriales",
    "Éducation",
    "Sécurité, prévention de la délinquance et de la radicalisation",
    "Illettrisme, savoirs de base et intégration par la langue",
    "Prévention et lutte contre la pauvreté",
    "Égalité et non-discrimination",
]
DEPARTEMENTS = [
    ("Ariège", "09"),
    ("Aude", "11"),
    ("Aveyron", "12"),
    ("Gard", "30"),
    ("Haute-Garonne", "31"),
    ("Gers", "32"),
    ("Hérault", "34"),
    ("Lot", "46"),
    ("Lozère", "48"),
    ("Hautes-Pyrénées", "65"),
    ("Pyrénées-Orientales", "66"),
    ("Tarn", "81"),
]
NEWS_TITLES = [
    "Rencontre régionale des acteur·rice·s de la politique de la ville",
    "Cité éducative : retour sur une année d'expérimentation",
    "Prévention de la radicalisation : une journée de formation",
    "Savoirs de base : un nouveau cycle de qualification",
    "Lutte contre la pauvreté : les territoires s'organisent",
    "Égalité femmes-hommes dans les quartiers prioritaires",
]


def page_mix(total):
    """How many pages of each kind make ``total`` pages (the site tree included)."""
    tree = 6  # home + 5 indexes
    dossiers = max(10, total // 100)
    events = total // 10
    briefs = total // 5
    news = total - tree - dossiers - events - briefs - 3  # the measured dossier + 2 panoramas
    return {"news": news, "briefs": briefs, "events": events, "dossiers": dossiers}


# --- data ------------------------------------------------------------------------------------


def _png(seed):
    import PIL.Image

    buffer = BytesIO()
    colours = ["teal", "darkorange", "slateblue", "seagreen"]
    PIL.Image.new("RGB", (1600, 900), colours[seed % len(colours)]).save(buffer, "PNG")
    return buffer


def make_images():
    """Shared images with the API's renditions generated once (as after a first visit)."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from cms.representations import RENDITION_FILTER_SPECS

    images = []
    for number in range(IMAGES):
        image = get_image_model().objects.create(
            title=f"Rencontre régionale {number + 1}",
            description=f"Des acteur·rice·s réuni·e·s en atelier ({number + 1})",
            file=ImageFile(_png(number), name=f"bench-{number}.png"),
        )
        image.get_renditions(*RENDITION_FILTER_SPECS)
        images.append(image)
    return images


def make_document():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return get_document_model().objects.create(
        title="Actes de la rencontre", file=ContentFile(pdf, name="actes.pdf")
    )


def make_taxonomies():
    from cms.models import Territory, Theme

    themes = [
        Theme.objects.create(name=name, slug=f"theme-{number}", sort_order=number)
        for number, name in enumerate(THEMES)
    ]
    region = Territory.objects.create(name="Occitanie", slug="occitanie", level="region", code="76")
    territories = [region] + [
        Territory.objects.create(
            name=name, slug=f"dep-{code}", level="departement", code=code, parent=region
        )
        for name, code in DEPARTEMENTS
    ]
    return themes, territories


def publish(parent, page):
    """Add and publish ``page`` the way an editor does (revision, publish, signals)."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_site():
    """Home (root of the default site) and the index pages, through Wagtail's page API."""
    from wagtail.models import Page, Site

    from cms.models import (
        BlogIndexPage,
        DossierIndexPage,
        EventIndexPage,
        HomePage,
        NewsIndexPage,
    )

    root = Page.get_first_root_node()
    home = publish(root, HomePage(title="Ressources & Territoires", slug="accueil-bench"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return {
        "home": home,
        "news": publish(home, NewsIndexPage(title="Actualités", slug="actualites")),
        "blog": publish(home, BlogIndexPage(title="Le blog", slug="blog")),
        "dossiers": publish(home, DossierIndexPage(title="Dossiers", slug="dossiers")),
        "events": publish(home, EventIndexPage(title="Agenda", slug="agenda")),
    }


def _short_body(number):
    return [
        {"type": "paragraph", "value": f"<p>Compte rendu n°{number} de la rencontre.</p>"},
        {"type": "heading", "value": {"text": "Ce qu'il faut retenir", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Les acteur·rice·s ont partagé leurs pratiques.</p>"},
    ]


def load_pages(site, mix, images, themes, territories):
    """Bulk-load the mix of pages; returns the number of pages created."""
    from django.utils import timezone

    from cms.models import BriefPage, DossierPage, EventPage, NewsPage

    from .page_tree import bulk_add_children

    rng = random.Random(2023)
    today = datetime.date(2025, 6, 30)
    theme_ids = [theme.pk for theme in themes]
    territory_ids = [territory.pk for territory in territories]

    def taxonomy(count):
        return {
            "themes": [rng.sample(theme_ids, rng.randint(1, 2)) for _ in range(count)],
            "territories": [rng.sample(territory_ids, 1) for _ in range(count)],
        }

    def day(number):
        return today - datetime.timedelta(days=number % 3650)

    news = [
        NewsPage(
            title=f"{NEWS_TITLES[n % len(NEWS_TITLES)]} ({n})",
            slug=f"actualite-{n}",
            intro="Les acteur·rice·s de la cohésion sociale se sont réuni·e·s en Occitanie.",
            date=day(n),
            image=images[n % len(images)] if n % 10 else None,
            body=_short_body(n),
        )
        for n in range(mix["news"])
    ]
    bulk_add_children(site["news"], news, relations=taxonomy(len(news)))

    briefs = [
        BriefPage(
            title=f"Brève du territoire n°{n}",
            slug=f"breve-{n}",
            intro="Un nouveau contrat de ville est signé dans l'agglomération.",
            date=day(n),
            source_name="Presse régionale",
            source_url="https://example.org/article",
        )
        for n in range(mix["briefs"])
    ]
    bulk_add_children(site["blog"], briefs, relations=taxonomy(len(briefs)))

    now = timezone.now()
    events = [
        EventPage(
            title=f"Rencontre du réseau n°{n}",
            slug=f"rencontre-{n}",
            start=now + datetime.timedelta(days=n % 400 - 200),
            end=now + datetime.timedelta(days=n % 400 - 200, hours=3),
            place="Toulouse",
            body=_short_body(n),
        )
        for n in range(mix["events"])
    ]
    bulk_add_children(site["events"], events, relations=taxonomy(len(events)))

    dossiers = [
        DossierPage(
            title=f"Dossier thématique n°{n}",
            slug=f"dossier-{n}",
            intro="Un dossier pour les acteur·rice·s de terrain.",
            date=day(n),
            body=_short_body(n),
        )
        for n in range(mix["dossiers"])
    ]
    bulk_add_children(site["dossiers"], dossiers, relations=taxonomy(len(dossiers)))
    return len(news) + len(briefs) + len(events) + len(dossiers)


def dossier_body(images, document, linked_pages):
    """A 20-block body using every block family of ``cms.blocks``."""
    first, second, third = linked_pages[:3]
    link = (
        f'<p>Voir <a linktype="page" id="{first.pk}">la rencontre</a> et '
        f'<a linktype="document" id="{document.pk}">les actes</a>.</p>'
    )

    def figure(image, caption):
        return {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "", "caption": caption, "credit": "© R&T"},
        }

    body = [
        {"type": "heading", "value": {"text": "Contexte", "level": "h2"}},
        {"type": "paragraph", "value": link},
        figure(images[0], "Atelier de la rencontre régionale"),
        {"type": "paragraph", "value": "<p>Les cités éducatives réunissent les acteurs.</p>"},
        {
            "type": "key_figures",
            "value": {
                "title": "En chiffres",
                "figures": [
                    {"figure": "29", "label": "jours de rencontres"},
                    {"figure": "282", "label": "participant·e·s"},
                ],
            },
        },
        {"type": "heading", "value": {"text": "Paroles d'acteur·rice·s", "level": "h2"}},
        {
            "type": "testimonial",
            "value": {
                "quote": "Se former ensemble, c'est construire une culture commune.",
                "name": "Une coordinatrice",
                "role": "Coordinatrice CLSPD",
                "organisation": "Une commune d'Occitanie",
            },
        },
        {
            "type": "quote",
            "value": {"quote": "La prévention se construit localement.", "attribution": "Un élu"},
        },
        figure(images[1], "Restitution en plénière"),
        {"type": "paragraph", "value": link},
        {"type": "heading", "value": {"text": "Ressources", "level": "h2"}},
        {
            "type": "table",
            "value": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Participation par département",
                "data": [["Département", "Participant·e·s"], ["Haute-Garonne", "120"]],
            },
        },
        {
            "type": "accordion",
            "value": {
                "title": "Questions fréquentes",
                "items": [
                    {"title": "Qui peut participer ?", "content": "<p>Les professionnels.</p>"},
                    {"title": "Comment s'inscrire ?", "content": link},
                ],
            },
        },
        {
            "type": "related_pages",
            "value": {"title": "À lire aussi", "pages": [first.pk, second.pk, third.pk]},
        },
        {"type": "call_to_action", "value": {"label": "Lire", "page": second.pk, "url": ""}},
        {"type": "document", "value": {"document": document.pk, "label": ""}},
        figure(images[2], "Les intervenant·e·s"),
        {"type": "heading", "value": {"text": "Pour aller plus loin", "level": "h3"}},
        {
            "type": "embed",
            "value": {
                "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
                "title": "Vidéo de la rencontre",
                "caption": "",
            },
        },
        {"type": "paragraph", "value": "<p>Contact : l'équipe de R&amp;T.</p>"},
    ]
    assert len(body) == BODY_BLOCKS
    return body


def make_measured_dossier(site, images, themes, territories):
    from cms.models import DossierPage, NewsPage, PressItem, PressPanoramaPage

    document = make_document()
    linked = list(NewsPage.objects.live().order_by("-date")[:3])
    dossier = DossierPage(
        title="Cités éducatives : un an de travail en réseau",
        slug="cites-educatives",
        intro="Le dossier de référence des cités éducatives d'Occitanie.",
        image=images[0],
        body=dossier_body(images, document, linked),
        resources=[
            {
                "type": "link",
                "value": {
                    "title": "Le programme national",
                    "url": "https://example.org/cites-educatives",
                    "source": "ANCT",
                    "description": "",
                },
            },
            {"type": "document", "value": {"document": document.pk, "description": ""}},
            {"type": "page", "value": {"page": linked[0].pk, "description": ""}},
        ],
    )
    dossier.themes = themes[:2]
    dossier.territories = territories[:2]
    dossier = publish(site["dossiers"], dossier)
    for number in range(2):
        panorama = PressPanoramaPage(
            title=f"Panorama de presse n°{number + 1}",
            slug=f"panorama-{number + 1}",
            date=datetime.date(2025, 3, 1) + datetime.timedelta(days=30 * number),
        )
        panorama.press_items = [
            PressItem(
                title=f"Article {item}",
                outlet="Quotidien régional",
                url="https://example.org/presse",
                theme=themes[item % len(themes)],
            )
            for item in range(5)
        ]
        publish(dossier, panorama)
    return dossier


def load(quick):
    """Build the data set; returns (dossier, news count, seconds of the bulk load)."""
    from django.db import transaction

    from cms.models import NewsPage

    from .page_tree import check_tree

    total = QUICK_PAGES if quick else FULL_PAGES
    mix = page_mix(total)
    with harness.step("site, taxonomies, images and renditions"), transaction.atomic():
        site = make_site()
        themes, territories = make_taxonomies()
        images = make_images()
    created, seconds = harness.timed(
        f"bulk load of {sum(mix.values())} pages {mix}",
        lambda: load_pages(site, mix, images, themes, territories),
    )
    print(f"  {created / seconds:.0f} pages/s")
    dossier, api_seconds = harness.timed(
        "measured dossier and its 2 panoramas (Wagtail page API: add_child, revision, publish)",
        lambda: make_measured_dossier(site, images, themes, territories),
    )
    print(f"  for comparison: {3 / api_seconds:.1f} pages/s through the page API")
    with harness.step("tree check (treebeard invariants) and VACUUM ANALYZE"):
        check_tree()
        harness.vacuum_analyze()
    from wagtail.models import Page

    pages = Page.objects.count() - 1  # without treebeard's root
    print(f"  {pages} pages in the tree, {NewsPage.objects.live().count()} live news")
    if pages < total:
        raise harness.BenchError(f"{pages} pages chargées, {total} attendues.")
    return dossier, seconds


# --- scenarios -------------------------------------------------------------------------------


def _check_listing(response):
    data = response.json()
    items = data.get("items", [])
    if len(items) != LISTING_LIMIT:
        return f"{len(items)} actualités au lieu de {LISTING_LIMIT}"
    if data["meta"]["total_count"] < LISTING_LIMIT:
        return "total_count trop petit"
    with_images = [item for item in items if item.get("image")]
    if not with_images or any(not item["image"]["renditions"] for item in with_images):
        return "actualités sans image ni rendus"
    return None


def _check_detail(response):
    data = response.json()
    if len(data.get("body", [])) != BODY_BLOCKS:
        return f"corps de {len(data.get('body', []))} blocs au lieu de {BODY_BLOCKS}"
    if len(data.get("press_panoramas", [])) != 2:
        return "panoramas de presse manquants"
    return None


def _new_generation(_i):
    """Before a cold request, outside its measured time (``Scenario.prepare``): a new content
    generation (one row inserted, ``cms.generation``), so that the response cache is missed
    and everything the API keeps per generation (the site, the publication horizon) is read
    again, as for the first request after a change of the whole site. The insert is what the
    publishing editor's request pays, not the reader's; stock Wagtail's scenarios make none."""
    from cms.generation import bump_generation

    bump_generation()


def listing_path(limit=LISTING_LIMIT, prefix="/api/v2/"):
    return f"{prefix}pages/?type=cms.NewsPage&fields={LISTING_FIELDS}&limit={limit}"


def scenarios(dossier):
    from .stock_wagtail import PREFIX

    listing = listing_path()
    measured = [
        ("listing", listing, _check_listing, 0.3, "20 actualités avec image (ordre de l'arbre)"),
        (
            "listing -date",
            listing + "&order=-date",
            _check_listing,
            0.3,
            "20 actualités avec image, les plus récentes d'abord",
        ),
        (
            "dossier detail",
            f"/api/v2/pages/{dossier.pk}/",
            _check_detail,
            0.5,
            "un dossier au corps de 20 blocs",
        ),
    ]
    # Warm: the answer is in the response cache (what nearly every request meets); the targets
    # apply to these. Cold: computed, once per URL after each content change; reported only.
    return (
        [
            harness.Scenario(name, path, check=check, target=target, description=description)
            for name, path, check, target, description in measured
        ]
        + [
            harness.Scenario(
                f"{name} (cold)",
                path,
                prepare=_new_generation,
                check=check,
                description=f"{description}, cache manqué (nouvelle génération à chaque requête)",
            )
            for name, path, check, _target, description in measured
        ]
        + [
            harness.Scenario(
                f"wagtail {name}",
                path.replace("/api/v2/", PREFIX, 1),
                check=check,
                description=f"{description}, PagesAPIViewSet de Wagtail tel quel",
            )
            for name, path, check, _target, description in measured
        ]
    )


# --- issue 16's targets ----------------------------------------------------------------------

CPU_TARGETS = [  # (portal's cold scenario, stock Wagtail's, maximum CPU ratio)
    ("listing (cold)", "wagtail listing", 0.5),
    ("listing -date (cold)", "wagtail listing -date", 0.5),
    ("dossier detail (cold)", "wagtail dossier detail", 1.0),
]


def _queries(name, path, samples=3):
    """The most SQL queries of a cold request to ``path`` (the new generation not counted)."""
    from django.test import Client

    scenario = harness.Scenario(name, path, client=Client(), prepare=_new_generation)
    return max(harness.count_queries(scenario, samples))


def add_more_news(count):
    """``count`` news more under the news index (bulk-loaded like the data set)."""
    from wagtail.images import get_image_model

    from cms.models import NewsIndexPage, NewsPage, Theme

    from .page_tree import bulk_add_children

    images = list(get_image_model().objects.all())
    theme_ids = list(Theme.objects.values_list("pk", flat=True))
    news = [
        NewsPage(
            title=f"Actualité ajoutée n°{n}",
            slug=f"actualite-ajoutee-{n}",
            intro="Une actualité de plus.",
            date=datetime.date(2025, 6, 30) - datetime.timedelta(days=n % 3650),
            image=images[n % len(images)],
            body=_short_body(n),
        )
        for n in range(count)
    ]
    index = NewsIndexPage.objects.get()
    bulk_add_children(index, news, relations={"themes": [theme_ids[:2]] * count})
    harness.vacuum_analyze()


def check_targets(report, dossier):
    """Issue 16's targets (module docstring), added to ``report``."""
    from cms.models import NewsPage

    for cold, stock, ratio in CPU_TARGETS:
        mine, theirs = report[cold].cpu_ms, report[stock].cpu_ms
        report.add_check(
            f"CPU de « {cold} » ≤ {ratio:g} × « {stock} »",
            mine <= ratio * theirs,
            f"{mine:.1f} ms contre {theirs:.1f} ms, soit {mine / theirs:.2f} ×",
        )
    few, many = (_queries(f"listing {n}", listing_path(n)) for n in (5, LISTING_LIMIT))
    report.add_check(
        "requêtes SQL constantes en nombre d'éléments (liste froide, limit=5 puis 20)",
        few == many,
        f"{few} puis {many}",
    )
    detail = f"/api/v2/pages/{dossier.pk}/"
    before = [_queries("listing", listing_path()), _queries("detail", detail)]
    news = NewsPage.objects.count()
    add_more_news(news)
    after = [_queries("listing", listing_path()), _queries("detail", detail)]
    report.add_check(
        f"requêtes SQL constantes en nombre de pages ({news} puis {2 * news} actualités)",
        before == after,
        f"liste et détail froids : {before[0]} et {before[1]}, puis {after[0]} et {after[1]}",
    )


def run(args):
    with harness.bench_database(DATABASE_NAME, args):
        dossier, _seconds = load(args.quick)
        report = harness.run(scenarios(dossier), args)
        check_targets(report, dossier)
        report.print()
        return report.exit_code()


def main(argv=None):
    parser = harness.argument_parser(__doc__)
    args = parser.parse_args(argv)
    return harness.main(lambda: run(args))


if __name__ == "__main__":
    sys.exit(main())
