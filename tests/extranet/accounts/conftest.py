import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_lockouts():
    """Lock-out counters live in the cache: every test starts without any."""
    cache.clear()
    yield
    cache.clear()
