"""Validators shared by the editorial models."""

from django.core.validators import URLValidator

# Links published on the site must open in a browser: no ftp:, javascript: or mailto:.
web_url_validator = URLValidator(
    schemes=["http", "https"],
    message="Saisir une adresse web valide commençant par http:// ou https://.",
)
