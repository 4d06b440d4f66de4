"""System check: private documents must never sit where a web server serves files."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def private_media_root_is_private(app_configs, **kwargs):
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, name, None)
        if not public:
            continue
        public = Path(public).resolve()
        if private == public or public in private.parents:
            errors.append(
                Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) ne doit pas être dans {name} "
                    f"({public}) : les documents de l'extranet seraient servis sans contrôle.",
                    id="documents_extranet.E001",
                )
            )
    return errors
