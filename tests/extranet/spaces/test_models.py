"""Space links to the CMS, and what deleting linked rows does."""

from cms.models import Network, Territory
from extranet.spaces.models import Space


def test_deleting_a_network_keeps_its_space(space):
    network = Network.objects.create(name="Réseau PEP'S", short_name="PEP'S", slug="peps")
    space.network = network
    space.save()
    assert list(network.spaces.all()) == [space]
    network.delete()
    assert Space.objects.get(pk=space.pk).network is None


def test_member_profile_carries_a_territory(member):
    territory = Territory.objects.create(
        name="Haute-Garonne", slug="haute-garonne", level="departement", code="31"
    )
    member.territory = territory
    member.save()
    territory.delete()
    member.refresh_from_db()
    assert member.territory is None
