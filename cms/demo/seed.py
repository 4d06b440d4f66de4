"""Build the demo site from `cms/demo/content/`: taxonomies, page tree, media, admin account.

Idempotent by design: every object is looked up by its natural key (slug, title in the "Démo"
collection, e-mail) and created only when missing; nothing that exists is modified. Running the
seed twice therefore creates no page, revision, image, document, snippet or user the second
time, and leaves untouched whatever editors changed in between.

Pages are created published, each with one revision authored by the demo admin, and dated as
the reports date them (`first_published_at` follows the item's date). Wagtail's default
"Welcome" page is replaced by the portal's HomePage as the default site's root.
"""

import html
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, Site

from cms.models import (
    BlogIndexPage,
    BriefPage,
    DossierIndexPage,
    DossierKind,
    DossierPage,
    EventIndexPage,
    EventPage,
    FooterSettings,
    HomeFeaturedDossier,
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

from .content import dossiers, legal, news, publications, taxonomy
from .indexing import deferred_indexing
from .media import demo_collection, pdf_document, placeholder_image
from .streams import body_stream, page_references

ADMIN_EMAIL = "admin@example.org"
# A development password, printed by `seed_demo`; the command refuses to run outside DEBUG.
ADMIN_PASSWORD = "admin-demo-rt"
SITE_NAME = "Ressources & Territoires"
HOME_SLUG = "accueil"
NEUTRAL_COLOUR = "#3d4b5c"
HOME_IMAGE_TITLE = "Au service des acteurs et actrices de la cohésion sociale en Occitanie"
FEATURED_DOSSIERS = (
    "politique-de-la-ville",
    "strategie-pauvrete-pacte-des-solidarites",
    "valeurs-de-la-republique-et-laicite",
)

# Index pages under the home page: (model, slug, title, intro).
INDEXES = (
    (NewsIndexPage, "actualites", "Actualités", "Les actualités de Ressources & Territoires."),
    (
        BlogIndexPage,
        "blog",
        "L'actualité des Territoires – le blog",
        "Les brèves des territoires, relayées en lien avec les champs de la cohésion sociale.",
    ),
    (
        DossierIndexPage,
        "dossiers",
        "Dossiers",
        "Des dossiers web pour se tenir au courant de l'actualité et s'outiller.",
    ),
    (
        PressPanoramaIndexPage,
        "panoramas-de-presse",
        "Panoramas de presse",
        "Les panoramas de presse de nos dossiers.",
    ),
    (
        PublicationIndexPage,
        "publications",
        "Publications",
        "Actes des conférences-ateliers (Conf'At), Fichexpériences, vademecums et synthèses.",
    ),
    (EventIndexPage, "agenda", "Agenda", "Conférences, formations, rencontres et webinaires."),
    (
        NewsletterIndexPage,
        "flash-info",
        "Flash Info",
        "Les bulletins d'information de Ressources & Territoires.",
    ),
)
# The header menu (« Afficher dans les menus »), in the page tree's order; contact and the
# legal pages are in the footer, the blog on the home page (its title is too long for a menu).
MENU_PAGES = {
    "qui-sommes-nous",
    "actualites",
    "dossiers",
    "panoramas-de-presse",
    "publications",
    "agenda",
    "flash-info",
}


@dataclass
class SeedReport:
    """What one run created (all zeros on a second run)."""

    created: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, count: int = 1):
        self.created[what] = self.created.get(what, 0) + count

    def summary(self) -> str:
        if not self.created:
            return "rien à créer : la démo est déjà en place"
        return ", ".join(f"{count} {what}" for what, count in sorted(self.created.items()))


class _Seeder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.report = SeedReport()
        self.pages: dict[str, Page] = {}
        self.themes: dict[str, Theme] = {}
        self.territories: dict[str, Territory] = {}
        self.networks: dict[str, Network] = {}
        self.today = timezone.localdate()

    def say(self, message: str):
        if self.stdout is not None:
            self.stdout.write(message)

    # --- accounts and taxonomies ------------------------------------------------------------

    def admin(self):
        User = get_user_model()
        user = User.objects.filter(email__iexact=ADMIN_EMAIL).first()
        if user is None:
            user = User.objects.create_superuser(
                ADMIN_EMAIL,
                ADMIN_PASSWORD,
                first_name="Admin",
                last_name="Démo",
                organisation=SITE_NAME,
                job_title="Administration du site (démo)",
            )
            self.report.add("compte administrateur")
        self.user = user
        return user

    def taxonomies(self):
        for order, spec in enumerate(taxonomy.THEMES):
            theme = self._snippet(
                Theme, spec.slug, name=spec.name, description=spec.description, sort_order=order
            )
            self.themes[spec.slug] = theme
            for sub_order, sub in enumerate(spec.subthemes):
                self.themes[sub.slug] = self._snippet(
                    Theme, sub.slug, name=sub.name, parent=theme, sort_order=sub_order
                )
        for spec in taxonomy.TERRITORIES:
            self.territories[spec.slug] = self._snippet(
                Territory,
                spec.slug,
                name=spec.name,
                level=spec.kind,
                code=spec.code,
                parent=self.territories.get(spec.parent) if spec.parent else None,
            )
        for spec in taxonomy.NETWORKS:
            network, created = Network.objects.get_or_create(
                slug=spec.slug,
                defaults={
                    "name": spec.name,
                    "short_name": spec.acronym,
                    "description": spec.description,
                    "audience": spec.audience,
                    "member_count": spec.member_count,
                    "member_count_label": spec.member_unit,
                },
            )
            if created:
                network.themes.set([self.themes[slug] for slug in spec.themes])
                self.report.add("réseaux")
            self.networks[spec.slug] = network

    def _snippet(self, model, slug, **defaults):
        instance, created = model.objects.get_or_create(slug=slug, defaults=defaults)
        if created:
            self.report.add(str(model._meta.verbose_name_plural))
        return instance

    # --- site and page tree -----------------------------------------------------------------

    def home(self) -> HomePage:
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2).first()
        if home is None:
            home = HomePage(
                title=SITE_NAME,
                slug=HOME_SLUG,
                intro=(
                    "Le centre de ressources des acteurs et actrices de la cohésion sociale et "
                    "territoriale en Occitanie."
                ),
                image=self._image(HOME_IMAGE_TITLE, NEUTRAL_COLOUR, HOME_SLUG),
            )
            self._publish(root, home)
        self._point_default_site_to(home)
        self._remove_welcome_page(home)
        self.pages[HOME_SLUG] = home
        return home

    def _point_default_site_to(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                site_name=SITE_NAME,
                root_page=home,
                is_default_site=True,
            )
            self.report.add("sites")
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = site.site_name or SITE_NAME
            if site.site_name == "localhost":
                site.site_name = SITE_NAME
            site.save()
            self.report.add("sites mis à jour")

    def _remove_welcome_page(self, home):
        """Wagtail's initial "Welcome to your new Wagtail site!" is a bare Page, childless."""
        bare = ContentType.objects.get_for_model(Page)
        for page in Page.objects.filter(depth=2, content_type=bare).exclude(pk=home.pk):
            if not page.get_children().exists() and not Site.objects.filter(root_page=page):
                page.delete()
                self.report.add("page d'accueil Wagtail remplacée")

    def _existing(self, parent: Page, slug: str):
        page = parent.get_children().filter(slug=slug).first()
        return page.specific if page is not None else None

    def _publish(self, parent: Page, page: Page, published_on: date | None = None):
        if published_on is not None:
            page.first_published_at = timezone.make_aware(
                datetime.combine(published_on, time(9, 0))
            )
        parent.add_child(instance=page)
        page.save_revision(user=self.user, log_action=True).publish(user=self.user)
        self.report.add("pages")
        return page

    def _page(self, parent, model, slug, published_on=None, **fields):
        """The child page `slug` of `parent`, created and published when missing."""
        page = self._existing(parent, slug)
        if page is None:
            m2m = {name: fields.pop(name) for name in ("themes", "territories") if name in fields}
            children = {
                name: fields.pop(name) for name in ("press_items", "contributors") if name in fields
            }
            page = model(slug=slug, **fields)
            for name, values in m2m.items():
                getattr(page, name).set(values)
            for name, values in children.items():
                setattr(page, name, values)
            self._publish(parent, page, published_on)
        self.pages[slug] = page
        return page

    def _page_id(self, slug: str) -> int:
        return self.pages[slug].pk

    def _body(self, blocks):
        missing = page_references(blocks) - set(self.pages)
        if missing:
            raise LookupError(f"Pages de démonstration manquantes : {sorted(missing)}")
        return body_stream(blocks, self._page_id)

    def _image(self, title, colour, filename):
        image = placeholder_image(self.collection, title, colour, filename)
        return image

    def _colour(self, theme_slugs) -> str:
        for slug in theme_slugs:
            if slug in taxonomy.THEME_SLUGS:
                return taxonomy.theme(slug).colour
        return NEUTRAL_COLOUR

    def _taxonomy(self, theme_slugs, territory_slugs):
        return {
            "themes": [self.themes[slug] for slug in theme_slugs],
            "territories": [self.territories[slug] for slug in territory_slugs],
        }

    def indexes(self, home):
        for model, slug, title, intro in INDEXES:
            self._page(
                home, model, slug, title=title, intro=intro, show_in_menus=slug in MENU_PAGES
            )

    def publications(self):
        parent = self.pages["publications"]
        for spec in publications.PUBLICATIONS:
            speakers = [
                PublicationContributor(name=s.name, role=s.affiliation, sort_order=i)
                for i, s in enumerate(spec.speakers)
            ]
            if not speakers:
                name, _, role = spec.authors.partition(", ")
                speakers = [PublicationContributor(name=name, role=role, sort_order=0)]
            lines = [spec.subtitle, spec.event_label, spec.summary, *spec.pdf_text]
            if spec.speakers:
                lines.insert(2, "Avec " + ", ".join(s.name for s in spec.speakers))
            document = pdf_document(
                self.collection, spec.title, spec.pdf_filename, [line for line in lines if line]
            )
            # The summary is the intro; the body adds what the proceedings' cover says.
            body = [("rich_text", f"<p><strong>{spec.subtitle}</strong></p>")]
            if spec.event_label:
                body.append(("rich_text", f"<p>{spec.event_label}.</p>"))
            body.extend(("rich_text", f"<p>{text}</p>") for text in spec.pdf_text)
            self._page(
                parent,
                PublicationPage,
                spec.slug,
                published_on=spec.published_on,
                title=spec.title,
                intro=spec.summary,
                kind=spec.kind,
                number=spec.number,
                date=spec.event_date or spec.published_on,
                document=document,
                body=self._body(body),
                contributors=speakers,
                image=self._image(spec.title, self._colour(spec.themes), spec.slug),
                **self._taxonomy(spec.themes, ("occitanie",)),
            )

    def standard_pages(self, home):
        # Pages that other pages link to come first.
        pages = (*news.STANDARD_PAGES, *legal.LEGAL_PAGES)
        ordered = sorted(pages, key=lambda p: bool(page_references(p.body)))
        for spec in ordered:
            self._page(
                home,
                StandardPage,
                spec.slug,
                title=spec.title,
                intro=spec.intro,
                body=self._body(spec.body),
                show_in_menus=spec.slug in MENU_PAGES,
            )

    def dossiers(self):
        parent = self.pages["dossiers"]
        for spec in dossiers.DOSSIERS:
            resources = [
                {
                    "type": "link",
                    "value": {
                        "title": r.title,
                        "url": r.url,
                        "source": "",
                        "description": r.description,
                    },
                }
                for r in spec.resources
            ]
            dossier = self._page(
                parent,
                DossierPage,
                spec.slug,
                published_on=spec.published_on,
                title=spec.title,
                intro=spec.intro,
                kind=DossierKind.WEB,
                date=spec.published_on,
                body=self._body(spec.body),
                resources=resources,
                image=self._image(spec.title, self._colour(spec.themes), spec.slug),
                **self._taxonomy(spec.themes, spec.territories),
            )
            if spec.panorama is not None:
                self._panorama(dossier, spec)

    def _panorama(self, dossier, spec):
        panorama = spec.panorama
        items = [
            PressItem(
                title=item.title,
                outlet=item.outlet,
                date=item.published_on,
                url=item.url,
                excerpt=item.excerpt,
                theme=self.themes[item.theme],
                sort_order=i,
            )
            for i, item in enumerate(panorama.items)
        ]
        self._page(
            dossier,
            PressPanoramaPage,
            panorama.slug,
            published_on=panorama.published_on,
            title=panorama.title,
            intro=panorama.intro,
            date=panorama.published_on,
            press_items=items,
            **self._taxonomy(spec.themes, spec.territories),
        )

    def news(self):
        parent = self.pages["actualites"]
        for spec in news.NEWS:
            self._page(
                parent,
                NewsPage,
                spec.slug,
                published_on=spec.published_on,
                title=spec.title,
                intro=spec.lead,
                date=spec.published_on,
                body=self._body(spec.body),
                image=self._image(spec.title, self._colour(spec.themes), spec.slug),
                **self._taxonomy(spec.themes, spec.territories),
            )

    def briefs(self):
        parent = self.pages["blog"]
        for spec in news.BRIEFS:
            self._page(
                parent,
                BriefPage,
                spec.slug,
                published_on=spec.published_on,
                title=spec.title,
                intro=html.unescape(strip_tags(spec.text)),
                date=spec.published_on,
                source_name=spec.source_name,
                source_url=spec.source_url,
                **self._taxonomy(spec.themes, spec.territories),
            )

    def events(self):
        parent = self.pages["agenda"]
        for spec in news.EVENTS:
            starts = timezone.make_aware(spec.starts_at(self.today))
            self._page(
                parent,
                EventPage,
                spec.slug,
                # Announced three weeks ahead (or today, for the upcoming ones).
                published_on=min(starts.date() - timedelta(days=21), self.today),
                title=spec.title,
                intro=spec.intro,
                start=starts,
                end=timezone.make_aware(spec.ends_at(self.today)),
                place=spec.place,
                is_online=spec.online,
                registration_url=spec.registration_url,
                network=self.networks.get(spec.network) if spec.network else None,
                body=self._body(spec.body),
                image=self._image(spec.title, self._colour(spec.themes), spec.slug),
                **self._taxonomy(spec.themes, spec.territories),
            )

    def newsletters(self):
        parent = self.pages["flash-info"]
        for spec in news.NEWSLETTERS:
            self._page(
                parent,
                NewsletterIssuePage,
                spec.slug,
                published_on=spec.published_on,
                title=spec.title,
                intro=spec.intro,
                number=spec.number,
                date=spec.published_on,
                body=self._body(spec.body),
            )

    def footer(self):
        """Point the footer to the legal pages and the contact page, once: a link editors
        changed or cleared on purpose is left as it is (only a never-set footer is filled)."""
        site = Site.objects.filter(is_default_site=True).first()
        footer, _ = FooterSettings.objects.get_or_create(site=site)
        chosen = (
            footer.legal_notice_page_id,
            footer.accessibility_page_id,
            footer.privacy_page_id,
            footer.contact_page_id,
        )
        if any(chosen):
            return
        footer.legal_notice_page = self.pages[legal.LEGAL_NOTICE]
        footer.accessibility_page = self.pages[legal.ACCESSIBILITY]
        footer.privacy_page = self.pages[legal.PRIVACY]
        footer.contact_page = self.pages["contact"]
        footer.save()
        self.report.add("pied de page")

    def feature_dossiers(self, home):
        """Put three dossiers on the home page, once: a later run leaves editors' choice."""
        if home.featured_dossiers.exists() or home.revisions.count() > 1:
            return
        home.featured_dossiers = [
            HomeFeaturedDossier(dossier=self.pages[slug], sort_order=i)
            for i, slug in enumerate(FEATURED_DOSSIERS)
        ]
        home.save_revision(user=self.user, log_action=True).publish(user=self.user)
        self.report.add("dossiers mis à la une")

    def run(self) -> SeedReport:
        self.admin()
        self.say("Taxonomies (thématiques, territoires, réseaux)…")
        self.taxonomies()
        self.collection = demo_collection()
        self.say("Arborescence des pages…")
        home = self.home()
        self.indexes(home)
        self.publications()
        self.standard_pages(home)
        self.dossiers()
        self.news()
        self.briefs()
        self.events()
        self.newsletters()
        self.feature_dossiers(home)
        self.footer()
        return self.report


def seed_taxonomies(stdout=None) -> SeedReport:
    """Only the themes, territories and networks (what the extranet demo links to)."""
    with transaction.atomic():
        seeder = _Seeder(stdout)
        seeder.taxonomies()
    return seeder.report


def seed_cms(stdout=None) -> SeedReport:
    """Create whatever is missing of the demo site; see the module docstring."""
    with transaction.atomic(), deferred_indexing():
        report = _Seeder(stdout).run()
    if stdout is not None:
        stdout.write(f"Site : {report.summary()}.")
    return report
