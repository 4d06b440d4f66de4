"""Territory codes follow the official format of their level; parents sit a level above;
themes have two levels at most."""

import pytest
from django.core.exceptions import ValidationError

from cms.models import Territory
from tests.factories.cms import make_territory, make_theme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("level", "code"),
    [
        ("region", "76"),
        ("departement", "31"),
        ("departement", "2A"),
        ("departement", "2b"),  # normalised to upper case
        ("departement", "974"),
        ("epci", "243100518"),
        ("commune", "31555"),
        ("commune", "2A004"),
        ("commune", ""),  # the code is optional
    ],
)
def test_territory_accepts_official_code_of_its_level(level, code):
    territory = Territory(name="Lieu", slug="lieu", level=level, code=code)

    territory.full_clean()

    assert territory.code == code.upper()


@pytest.mark.parametrize(
    ("level", "code"),
    [
        ("region", "7"),
        ("departement", "310"),
        ("departement", "3A"),
        ("epci", "24310051"),
        ("epci", "24310051X"),
        ("commune", "3155"),
        ("commune", "315555"),
    ],
)
def test_territory_refuses_code_in_the_wrong_format_for_its_level(level, code):
    territory = Territory(name="Lieu", slug="lieu", level=level, code=code)

    with pytest.raises(ValidationError) as error:
        territory.full_clean()

    assert "Code invalide pour ce niveau" in error.value.message_dict["code"][0]


def test_territory_code_is_unique_when_set():
    make_territory("Haute-Garonne", code="31")
    duplicate = Territory(name="Autre", slug="autre", level="departement", code="31")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert "Un territoire porte déjà ce code." in str(error.value)


def test_several_territories_may_have_no_code():
    make_territory("Quartier A", level="commune")
    make_territory("Quartier B", level="commune")

    assert Territory.objects.filter(code="").count() == 2


def test_territory_hierarchy_goes_region_departement_epci_commune():
    region = make_territory("Occitanie", level="region", code="76")
    departement = make_territory("Haute-Garonne", level="departement", code="31", parent=region)
    epci = make_territory("Toulouse Métropole", level="epci", code="243100518", parent=departement)
    commune = Territory(
        name="Toulouse", slug="toulouse", level="commune", code="31555", parent=epci
    )

    commune.full_clean()


@pytest.mark.parametrize(
    ("parent_level", "child_level"),
    [
        ("commune", "epci"),
        ("epci", "departement"),
        ("departement", "departement"),
        ("commune", "commune"),
    ],
)
def test_territory_parent_must_be_of_a_higher_level(parent_level, child_level):
    parent = make_territory("Parent", level=parent_level)
    child = Territory(name="Enfant", slug="enfant", level=child_level, parent=parent)

    with pytest.raises(ValidationError) as error:
        child.full_clean()

    assert "le parent doit être d'un niveau supérieur" in error.value.message_dict["parent"][0]


def test_region_has_no_parent():
    other = make_territory("France", level="region")
    region = Territory(name="Occitanie", slug="occ", level="region", parent=other)

    with pytest.raises(ValidationError) as error:
        region.full_clean()

    assert "parent" in error.value.message_dict


def test_sub_theme_must_hang_from_a_field_of_intervention():
    field = make_theme("Éducation")
    sub_theme = make_theme("Réussite éducative", parent=field)
    too_deep = make_theme("Cités éducatives")
    too_deep.parent = sub_theme

    with pytest.raises(ValidationError) as error:
        too_deep.full_clean()

    assert "champ d'intervention" in error.value.message_dict["parent"][0]


def test_theme_with_sub_themes_stays_at_the_first_level():
    field = make_theme("Éducation")
    make_theme("Réussite éducative", parent=field)
    field.parent = make_theme("Autre")

    with pytest.raises(ValidationError):
        field.full_clean()
