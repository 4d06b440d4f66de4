import pytest


@pytest.fixture(autouse=True)
def _extranet_urls(settings):
    """E-mails only need the URL names; the UI's own views are tested elsewhere."""
    settings.ROOT_URLCONF = "tests.extranet.notifications.urls"


@pytest.fixture
def outbox(mailoutbox):
    return mailoutbox
