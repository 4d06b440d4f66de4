from rest_framework import serializers


class FreeTextField(serializers.CharField):
    """A string passed to a service as typed: blank allowed and nothing trimmed, so the
    service's own French message says what is wrong ("Le titre est obligatoire.", "Le message
    est vide."). Refuses NUL characters (DRF's default) and lone surrogates, which JSON can
    carry but no database can store."""

    default_error_messages = {
        "surrogate": "Le texte contient des caractères invalides.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail("surrogate")
        return value
