"""The admin reads French where Wagtail's defaults are English, and keeps URLs in ASCII."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Collection, Page, Workflow

from cms.models import StandardPage
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def test_the_root_page_and_collection_are_named_racine():
    assert Page.objects.get(depth=1).title == "Racine"
    assert Collection.objects.get(depth=1).name == "Racine"


def test_wagtails_unused_default_workflow_is_gone_and_relecture_remains():
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Relecture"]


def test_a_slug_with_accents_is_refused_in_french(tree):
    with pytest.raises(ValidationError) as error:
        tree.home.add_child(instance=StandardPage(title="Écoles", slug="écoles"))
    assert "ni accent" in " ".join(error.value.message_dict["slug"])


def test_a_slug_made_from_a_title_with_accents_is_ascii(tree):
    page = StandardPage(title="Écoles et laïcité", slug="")
    tree.home.add_child(instance=page)
    assert page.slug == "ecoles-et-laicite"


def test_ascii_slugs_are_accepted(tree):
    page = factories.make_standard(tree.home, title="Écoles", slug="ecoles")
    assert page.url == "/ecoles/"


def test_theme_checkboxes_list_each_parent_then_its_sub_themes_alphabetically():
    from django import forms

    from cms.models import Theme
    from cms.taxonomy.widgets import ThemeCheckboxSelectMultiple

    education = factories.make_theme("Éducation", slug="education", sort_order=1)
    egalite = factories.make_theme("Égalité et non-discrimination", slug="egalite", sort_order=0)
    factories.make_theme("Laïcité", slug="laicite", parent=egalite, sort_order=0)
    factories.make_theme("Décrochage", slug="decrochage", parent=education, sort_order=0)
    field = forms.ModelMultipleChoiceField(Theme.objects.all(), widget=ThemeCheckboxSelectMultiple)
    labels = [group[1][0]["label"] for group in field.widget.optgroups("themes", [])]
    assert labels == [
        "Éducation",
        "Éducation › Décrochage",
        "Égalité et non-discrimination",
        "Égalité et non-discrimination › Laïcité",
    ]


def test_network_theme_checkboxes_are_ordered_by_parent_then_name_like_the_pages():
    from wagtail.admin.panels import FieldPanel

    from cms.models import Network
    from cms.taxonomy.widgets import ThemeCheckboxSelectMultiple

    panels = [panel for panel in Network.panels if isinstance(panel, FieldPanel)]
    themes = next(panel for panel in panels if panel.field_name == "themes")
    assert themes.widget is ThemeCheckboxSelectMultiple


@pytest.mark.parametrize(
    ("count", "label", "shown"),
    [(1, "membres", "1 membre"), (2, "membres", "2 membres"), (1, "", "1 membre")],
)
def test_a_network_of_one_member_says_membre_in_the_singular(count, label, shown):
    from cms.models import Network

    assert Network(member_count=count, member_count_label=label).member_count_display == shown
