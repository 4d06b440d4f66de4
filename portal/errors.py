"""Error reports to a Sentry-compatible service (Sentry, GlitchTip…), configured by environment.

``SENTRY_DSN`` set: unhandled exceptions of requests, tasks and commands, and log records of
level ERROR, are sent there. No personal data is sent (``send_default_pii=False``: no user,
no cookies, no IP address) and no performance tracing. Unset: nothing is loaded, nothing sent.
``SENTRY_ENVIRONMENT`` names the instance (default ``production``).
"""


def sentry_options(environ):
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return None
    return {
        "dsn": dsn,
        "environment": environ.get("SENTRY_ENVIRONMENT", "production"),
        "send_default_pii": False,
        "traces_sample_rate": 0.0,
    }


def configure_error_reporting(environ):
    options = sentry_options(environ)
    if options is None:
        return False
    import sentry_sdk

    sentry_sdk.init(**options)
    return True
