import pytest

from portal import cache as resilient


@pytest.fixture(autouse=True)
def _fresh_outage_state():
    """Each test starts with no outage known (the state lives in the process, per address)."""
    resilient._outages.clear()
    yield
    resilient._outages.clear()
