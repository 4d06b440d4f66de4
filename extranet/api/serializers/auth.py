from rest_framework import serializers

from .text import FreeTextField


class TokenRequestSerializer(serializers.Serializer):
    email = FreeTextField(help_text="Adresse e-mail du compte.")
    password = FreeTextField(help_text="Mot de passe du compte.")


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        read_only=True,
        help_text="À envoyer dans l'en-tête « Authorization: Token <jeton> » de chaque requête.",
    )
