"""Preview settings, read at call time (tests override them)."""

from django.conf import settings
from wagtail_headless_preview.settings import headless_preview_settings

# A preview link is a capability: whoever holds it reads the draft. One hour at most.
MAX_TOKEN_AGE = 3600


def token_max_age():
    """Seconds a preview token stays valid: ``PREVIEW_TOKEN_MAX_AGE``, capped at an hour."""
    configured = int(getattr(settings, "PREVIEW_TOKEN_MAX_AGE", MAX_TOKEN_AGE))
    return max(1, min(configured, MAX_TOKEN_AGE))


def external_front_configured():
    """True when ``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]`` names at least one front end."""
    return bool(headless_preview_settings.CLIENT_URLS)
