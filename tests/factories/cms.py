"""Build CMS content quickly in tests (pages, taxonomies, images, documents).

Every helper creates real database rows; call them from tests marked ``django_db`` (or from
fixtures). Pages are published through a revision by default, as an editor would
(``first_published_at`` and ``latest_revision`` are set); pass ``publish=False`` for a draft.

Typical use::

    from tests.factories.cms import make_site_tree, make_news, make_theme, make_image

    tree = make_site_tree()                       # home (site root) + every index page
    education = make_theme("Éducation")
    news = make_news(tree.news_index, title="Rentrée", themes=[education], image=make_image())
    draft = make_news(tree.news_index, publish=False)
    client.get(news.url)                          # rendered with templates/cms/news_page.html

Helpers:

- site: ``make_home()``, ``make_site_tree()`` → ``SiteTree`` (``home``, ``news_index``,
  ``blog_index``, ``dossier_index``, ``panorama_index``, ``publication_index``,
  ``event_index``, ``newsletter_index``);
- pages: ``make_news``, ``make_brief``, ``make_dossier``, ``make_panorama`` (with
  ``items=[{...}]``), ``make_publication`` (with ``contributors=[{...}]``), ``make_event``,
  ``make_newsletter_issue``, ``make_standard``; all take ``(parent, **fields)`` plus
  ``publish``, ``themes``, ``territories``; ``add_page(parent, page)`` for anything else;
- taxonomies: ``make_theme``, ``make_territory``, ``make_network``;
- media: ``make_image`` (a real PNG), ``make_document`` (a real, tiny PDF by default),
  ``make_private_collection`` (a collection restricted to logged-in users).
"""

import datetime
import itertools
from dataclasses import dataclass
from io import BytesIO

import PIL.Image
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
)

from cms.models import (
    BlogIndexPage,
    BriefPage,
    DossierIndexPage,
    DossierPage,
    EventIndexPage,
    EventPage,
    HomePage,
    Network,
    NewsIndexPage,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsPage,
    PressItem,
    PressPanoramaIndexPage,
    PressPanoramaPage,
    PublicationContributor,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
    Territory,
    Theme,
)
from tests.factories.users import UserFactory

_counter = itertools.count(1)

# A minimal valid PDF: enough for extension checks and for serving.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _next():
    return next(_counter)


def _slug(title):
    return f"{slugify(title)[:60] or 'page'}-{_next()}"


# --- taxonomies ------------------------------------------------------------------------------


def make_theme(name=None, *, slug=None, parent=None, **fields):
    name = name or f"Thématique {_next()}"
    return Theme.objects.create(name=name, slug=slug or _slug(name), parent=parent, **fields)


def make_territory(name=None, *, level="departement", code="", slug=None, parent=None):
    name = name or f"Territoire {_next()}"
    return Territory.objects.create(
        name=name, slug=slug or _slug(name), level=level, code=code, parent=parent
    )


def make_network(name=None, *, short_name="", slug=None, themes=(), **fields):
    name = name or f"Réseau {_next()}"
    network = Network.objects.create(
        name=name, short_name=short_name, slug=slug or _slug(short_name or name), **fields
    )
    if themes:
        network.themes.set(themes)
    return network


# --- media -----------------------------------------------------------------------------------


def make_image(title=None, *, description="", size=(1600, 900), collection=None):
    """A real PNG in the image library, big enough for every rendition spec."""
    buffer = BytesIO()
    PIL.Image.new("RGB", size, "teal").save(buffer, "PNG")
    number = _next()
    fields = {"collection": collection} if collection is not None else {}
    return get_image_model().objects.create(
        title=title or f"Image {number}",
        description=description,
        file=ImageFile(buffer, name=f"image-{number}.png"),
        **fields,
    )


def make_document(title=None, *, filename=None, content=MINIMAL_PDF, collection=None):
    number = _next()
    fields = {"collection": collection} if collection is not None else {}
    return get_document_model().objects.create(
        title=title or f"Document {number}",
        file=ContentFile(content, name=filename or f"document-{number}.pdf"),
        **fields,
    )


def make_private_collection(name=None):
    """A collection whose documents only logged-in users may download."""
    collection = Collection.get_first_root_node().add_child(name=name or f"Privé {_next()}")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


# --- pages -----------------------------------------------------------------------------------


def add_page(parent, page, *, publish=True, themes=(), territories=()):
    """Add ``page`` under ``parent``; publish it through a revision unless ``publish=False``."""
    if not page.slug:
        page.slug = _slug(page.title)
    if themes:
        page.themes = list(themes)
    if territories:
        page.territories = list(territories)
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def restore_migration_data():
    """What the migrations create and the flush after a transactional test removes (browser
    tests): the default locale, the root page and the root collection, then the editorial
    roles and the « Relecture » workflow (``cms`` 0002)."""
    import importlib

    from django.apps import apps

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("fr"))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Racine", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Racine")
    if not Workflow.objects.filter(name="Relecture").exists():
        roles = importlib.import_module("cms.migrations.0002_editorial_workflow")
        roles.create_roles_and_workflow(apps, None)


def make_home(title="Ressources & Territoires", **fields):
    """A home page under the tree root, made the root of the default site."""
    root = Page.get_first_root_node()
    slug = fields.pop("slug", None) or (
        "accueil" if not root.get_children().filter(slug="accueil").exists() else _slug("accueil")
    )
    home = add_page(root, HomePage(title=title, slug=slug, **fields))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Ressources & Territoires"
    site.save()  # also clears Wagtail's cached site root paths
    return home


@dataclass
class SiteTree:
    home: HomePage
    news_index: NewsIndexPage
    blog_index: BlogIndexPage
    dossier_index: DossierIndexPage
    panorama_index: PressPanoramaIndexPage
    publication_index: PublicationIndexPage
    event_index: EventIndexPage
    newsletter_index: NewsletterIndexPage


def make_site_tree():
    """A published home page (site root) with every index page under it, at the usual slugs."""
    home = make_home()
    return SiteTree(
        home=home,
        news_index=add_page(home, NewsIndexPage(title="Actualités", slug="actualites")),
        blog_index=add_page(
            home, BlogIndexPage(title="L'actualité des Territoires – le blog", slug="blog")
        ),
        dossier_index=add_page(home, DossierIndexPage(title="Dossiers", slug="dossiers")),
        panorama_index=add_page(
            home, PressPanoramaIndexPage(title="Panoramas de presse", slug="panoramas-de-presse")
        ),
        publication_index=add_page(
            home, PublicationIndexPage(title="Publications", slug="publications")
        ),
        event_index=add_page(home, EventIndexPage(title="Agenda", slug="agenda")),
        newsletter_index=add_page(home, NewsletterIndexPage(title="Flash Info", slug="flash-info")),
    )


def _page_kwargs(kw):
    taxonomy = {"publish": kw.pop("publish", True)}
    for name in ("themes", "territories"):
        taxonomy[name] = kw.pop(name, ())
    return taxonomy


def _paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def make_news(index, **kw):
    options = _page_kwargs(kw)
    number = _next()
    kw.setdefault("title", f"Actualité {number}")
    kw.setdefault("intro", "Les acteur·rice·s de la cohésion sociale se sont réuni·e·s.")
    kw.setdefault("date", timezone.localdate())
    kw.setdefault("body", _paragraph("Un compte rendu de la rencontre régionale."))
    return add_page(index, NewsPage(**kw), **options)


def make_brief(index, **kw):
    options = _page_kwargs(kw)
    kw.setdefault("title", f"Brève {_next()}")
    kw.setdefault("intro", "Un nouveau contrat de ville est signé dans l'agglomération.")
    kw.setdefault("date", timezone.localdate())
    kw.setdefault("source_name", "Presse régionale")
    kw.setdefault("source_url", "https://example.org/article")
    return add_page(index, BriefPage(**kw), **options)


def make_dossier(index, **kw):
    options = _page_kwargs(kw)
    kw.setdefault("title", f"Dossier {_next()}")
    kw.setdefault("intro", "Un dossier thématique pour les acteur·rice·s de terrain.")
    kw.setdefault(
        "body",
        [("heading", {"text": "Contexte", "level": "h2"})]
        + _paragraph("Le contexte.")
        + [("heading", {"text": "Ressources clés", "level": "h2"})],
    )
    return add_page(index, DossierPage(**kw), **options)


def make_panorama(parent, *, items=(), **kw):
    """A press panorama under a dossier or the panorama index; ``items`` are PressItem fields."""
    options = _page_kwargs(kw)
    kw.setdefault("title", f"Panorama de presse {_next()}")
    kw.setdefault("date", timezone.localdate())
    page = PressPanoramaPage(**kw)
    page.press_items = [
        PressItem(
            **{
                "title": f"Article {position}",
                "outlet": "Quotidien régional",
                "url": "https://example.org/presse",
                **item,
            }
        )
        for position, item in enumerate(items, start=1)
    ]
    return add_page(parent, page, **options)


def make_publication(index, *, contributors=(), **kw):
    options = _page_kwargs(kw)
    number = _next()
    kw.setdefault("kind", "confat")
    kw.setdefault("number", number)
    kw.setdefault("title", f"Publication {number}")
    kw.setdefault("date", timezone.localdate())
    page = PublicationPage(**kw)
    page.contributors = [PublicationContributor(**person) for person in contributors]
    return add_page(index, page, **options)


def make_event(index, **kw):
    """An upcoming event in a week by default; pass ``start``/``end`` for other dates."""
    options = _page_kwargs(kw)
    kw.setdefault("title", f"Rencontre {_next()}")
    kw.setdefault("start", timezone.now() + datetime.timedelta(days=7))
    if "end" not in kw:
        kw["end"] = kw["start"] + datetime.timedelta(hours=3)
    kw.setdefault("place", "Toulouse")
    return add_page(index, EventPage(**kw), **options)


def make_newsletter_issue(index, **kw):
    options = _page_kwargs(kw)
    number = _next()
    kw.setdefault("number", number)
    kw.setdefault("title", f"Flash Info n°{number}")
    kw.setdefault("date", timezone.localdate())
    kw.setdefault("body", _paragraph("Les nouvelles du centre de ressources."))
    return add_page(index, NewsletterIssuePage(**kw), **options)


def make_standard(parent, **kw):
    options = _page_kwargs(kw)
    kw.setdefault("title", f"Page {_next()}")
    kw.setdefault("body", _paragraph("Ressources & Territoires, qui sommes-nous ?"))
    return add_page(parent, StandardPage(**kw), **options)


# --- the team in the Wagtail admin ---------------------------------------------------------


def make_editor(page=None, user=None, **user_fields):
    """A team member who may use the Wagtail admin and edit ``page`` (the tree root by
    default) and every page under it, through a group, as the team's accounts are set up."""
    page = page or Page.get_first_root_node()
    group = Group.objects.create(name=f"Rédaction {_next()}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.create(
        group=group,
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user = user or UserFactory(**user_fields)
    user.groups.add(group)
    return user
