"""One submission, one creation: the hidden token of the web's creation forms.

Each showing of a creation form (a new topic, a reply) carries a new random token in the
hidden field ``FIELD`` (``templates/extranet/_form_token.html``; in a cached fragment it is
filled at each request, see ``fragments``). Sending the form twice — a double click, the
browser resending after a timeout, « Précédent » then « Envoyer » — sends the same token:
``submit_once`` creates once and answers the first result again (``extranet.idempotency``).
A form without the token (a page cached before it existed) creates as it always did.
"""

import secrets

from extranet.idempotency import keys

FIELD = "submission_token"
REUSED = (
    "Ce formulaire a déjà été envoyé avec un autre contenu. Vérifiez que votre message n'est "
    "pas déjà publié, puis envoyez à nouveau ce formulaire-ci."
)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_of(request) -> str:
    return request.POST.get(FIELD, "").strip()[: keys.MAX_KEY_LENGTH]


def submit_once(request, action, payload, create) -> dict:
    """``create()``'s result (a JSON-able dict), once per token of ``request``'s form.

    Raises ``keys.KeyReused`` when the token came with other content: the view shows
    ``REUSED`` and a form with a new token.
    """
    token = token_of(request)
    if not token:
        return create()
    return keys.run_once(request.user, token, action, payload, create).result
