"""Forms of the extranet UI. They label and shape input; the services validate and decide.

Fields are named like the services' `ValidationError` keys (`title`, `body`, `reason`,
`email`…) so `add_service_errors` puts each French message next to its field.
"""

from django import forms
from django.core.exceptions import ValidationError

from extranet.forum import services as forum_services
from extranet.forum.sanitize import ALLOWED_PROTOCOLS
from extranet.spaces import permissions
from extranet.spaces.models import Space
from extranet.spaces.roles import Role

POST_BODY_HELP = (
    "Texte simple : une ligne vide commence un nouveau paragraphe. Mise en forme acceptée "
    "(balises HTML) : <strong>gras</strong>, <em>italique</em>, "
    'liens <a href="https://…"> (adresses ' + ", ".join(sorted(ALLOWED_PROTOCOLS)) + "), "
    "listes <ul>/<ol> avec <li>, citations <blockquote>, "
    "<code> et <pre>, intertitres <h3> et <h4>. Tout le reste est retiré. "
    "Mentionnez un membre de l'espace avec @Prénom.Nom."
)


def add_service_errors(form, error: ValidationError) -> None:
    """Attach a service's `ValidationError` to the form: per field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def _body_field(label="Message"):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=POST_BODY_HELP,
        max_length=forum_services.MAX_BODY_LENGTH,
        error_messages={"required": "Le message est vide."},
    )


class TopicForm(forms.Form):
    title = forms.CharField(
        label="Titre du sujet",
        max_length=forum_services.MAX_TITLE_LENGTH,
        error_messages={"required": "Le titre est obligatoire."},
    )
    body = _body_field("Premier message")


class TopicTitleForm(forms.Form):
    title = TopicForm.base_fields["title"]


class PostForm(forms.Form):
    body = _body_field()


class HidePostForm(forms.Form):
    reason = forms.CharField(
        label="Motif du masquage",
        max_length=forum_services.MAX_REASON_LENGTH,
        help_text="Visible des seul·e·s animateur·rice·s et de l'équipe R&T.",
        error_messages={"required": "Indiquez le motif du masquage."},
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label="Adresse e-mail de la personne à inviter",
        error_messages={
            "required": "Indiquez une adresse e-mail.",
            "invalid": "Saisissez une adresse e-mail valide.",
        },
    )
    role = forms.ChoiceField(label="Rôle dans l'espace", initial=Role.MEMBER)

    def __init__(self, *args, user, space, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the roles this user may grant (owners alone invite owners).
        self.fields["role"].choices = [
            (value, label)
            for value, label in Role.choices
            if permissions.can_invite(user, space, value)
        ]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Nouveau rôle", choices=Role.choices)


class SpaceSettingsForm(forms.ModelForm):
    class Meta:
        model = Space
        fields = ["name", "description"]
        labels = {"name": "Nom de l'espace", "description": "Présentation"}
        help_texts = {"description": "Affichée en tête de l'espace, pour ses seul·e·s membres."}
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
