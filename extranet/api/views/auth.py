"""Obtaining and revoking an API token with e-mail and password.

The same login rules as the web: authentication goes through ``django.contrib.auth``
(``RateLimitedModelBackend``), so failures are counted by ``extranet.accounts.signals`` and a
locked e-mail or IP is refused here too, with the web's French message and 429. A success is
a login (``user_logged_in``: last login date, failures of that e-mail forgotten).
Deactivated accounts get no token, and an existing token stops working at once (DRF's
``TokenAuthentication`` refuses inactive users).
"""

from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings

from extranet.accounts import lockout
from extranet.accounts.forms import LoginForm

from ..serializers.auth import TokenRequestSerializer, TokenSerializer
from .base import ExtranetAPIMixin


class LockedOut(Throttled):
    """429 with the lock-out explanation (no "retry in N seconds": the lock's end is not
    disclosed, as on the web login page)."""

    def __init__(self):
        super().__init__(detail=lockout.lockout_message())


class TokenView(ExtranetAPIMixin, GenericAPIView):
    serializer_class = TokenRequestSerializer
    pagination_class = None

    def _obtaining(self):
        request = getattr(self, "request", None)  # None while the schema is generated
        return request is not None and request.method == "POST"

    def get_authenticators(self):
        # Obtaining a token needs no prior authentication (and so no CSRF token).
        return [] if self._obtaining() else super().get_authenticators()

    def get_permissions(self):
        return [AllowAny()] if self._obtaining() else [IsAuthenticated()]

    @extend_schema(
        summary="Obtenir un jeton d'API",
        description="Avec l'adresse e-mail et le mot de passe du compte. Après plusieurs "
        "échecs, la connexion est bloquée un moment (429), comme sur le site.",
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description="Adresse ou mot de passe incorrect."),
            429: OpenApiResponse(description="Trop d'échecs : connexion bloquée un moment."),
        },
        auth=[],
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        email = serializer.validated_data["email"].strip().lower()
        password = serializer.validated_data["password"]
        django_request = request._request
        ip = lockout.client_ip(django_request)
        if lockout.is_locked(email, ip):
            raise LockedOut()
        user = authenticate(django_request, username=email, password=password)
        if user is None:
            # This failure may have been the one that reached the limit: say so now.
            if lockout.is_locked(email, ip):
                raise LockedOut()
            raise ValidationError(
                {api_settings.NON_FIELD_ERRORS_KEY: [LoginForm.error_messages["invalid_login"]]}
            )
        user_logged_in.send(sender=user.__class__, request=django_request, user=user)
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    @extend_schema(summary="Révoquer son jeton d'API", request=None, responses={204: None})
    def delete(self, request):
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
