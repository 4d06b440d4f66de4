import pytest
from django.core.exceptions import ValidationError
from django.urls import resolve

from extranet.spaces.models.space import RESERVED_SLUGS
from tests.factories.extranet import SpaceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_a_space_cannot_take_a_slug_used_by_the_account_pages(slug):
    space = SpaceFactory.build(slug=slug, name="Espace")
    with pytest.raises(ValidationError) as error:
        space.full_clean()
    assert "réservé" in str(error.value)


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_every_reserved_slug_is_really_taken_by_an_account_page(slug):
    # If an account URL is renamed, the reserved list must follow (and vice versa).
    # Prefixes of longer URLs only: invitations and one-click unsubscribe links.
    prefixes = {"invitation": "accept_invitation", "desabonnement": "unsubscribe"}
    if slug in prefixes:
        assert resolve(f"/extranet/{slug}/abc/").url_name == prefixes[slug]
    else:
        assert resolve(f"/extranet/{slug}/").url_name != "space_home"


def test_an_ordinary_slug_is_accepted():
    SpaceFactory.build(slug="reseau-vrl", name="Réseau VRL").full_clean(exclude=["network"])
