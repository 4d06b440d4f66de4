"""Forms of the extranet UI. They label and shape input; the services validate and decide.

Fields are named like the services' `ValidationError` keys (`title`, `body`, `reason`,
`email`…) so `add_service_errors` puts each French message next to its field.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from extranet.documents.validation import ALLOWED_EXTENSIONS
from extranet.forum import attachments as forum_attachments
from extranet.forum import services as forum_services
from extranet.forum.models import BodyFormat, FlagReason
from extranet.forum.moderation import MAX_DETAILS_LENGTH
from extranet.forum.sanitize import ALLOWED_PROTOCOLS
from extranet.notifications.models import TOPIC_LEVEL_LABELS, DigestFrequency, NotificationLevel
from extranet.spaces import permissions
from extranet.spaces.models import Space
from extranet.spaces.roles import Role

MARKDOWN_HELP = (
    "Mise en forme Markdown : **gras**, *italique*, [texte du lien](https://…), "
    "listes avec « - » ou « 1. », citations avec « > », `code`, intertitres avec « ## ». "
    "Une ligne vide commence un nouveau paragraphe ; les adresses web deviennent des liens. "
    "Mentionnez un membre de l'espace avec @Prénom.Nom."
)
HTML_FORMATTING_HELP = (
    "Mise en forme acceptée (balises HTML) : <strong>gras</strong>, <em>italique</em>, "
    'liens <a href="https://…"> (adresses ' + ", ".join(sorted(ALLOWED_PROTOCOLS)) + "), "
    "listes <ul>/<ol> avec <li>, citations <blockquote>, "
    "<code> et <pre>, intertitres <h3> et <h4>. Tout le reste est retiré."
)
HTML_HELP = (
    "Message écrit en HTML avant le passage au Markdown. "
    + HTML_FORMATTING_HELP
    + " Mentionnez un membre de l'espace avec @Prénom.Nom."
)
AGENDA_HELP = (
    "Texte simple : une ligne vide commence un nouveau paragraphe. " + HTML_FORMATTING_HELP
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
        help_text=MARKDOWN_HELP,
        max_length=forum_services.MAX_BODY_LENGTH,
        # The services strip what they clean: a body of spaces is "empty" there too.
        strip=False,
        error_messages={"required": "Le message est vide."},
    )


class ComposerForm(forms.Form):
    """A form with a post's text: ``body`` becomes the composer (``static/js/composer.js``).

    Without JavaScript it is a textarea with its help text and a « Prévisualiser » button that
    posts the form back (``wants_preview``); the script adds the toolbar and the live preview,
    which ask ``preview_url`` to render through the same server code as the post itself, and
    the ``@`` suggestions (``mentions_url``).
    ``format``: how the text is written (Markdown, or HTML when editing an older post).
    """

    def __init__(self, *args, space, format=BodyFormat.MARKDOWN, can_attach=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.format = format
        if can_attach:
            # Only for members who may deposit documents (the attachments become some).
            self.fields["attachments"] = _attachments_field(space)
        body = self.fields["body"]
        if format == BodyFormat.HTML:
            body.help_text = HTML_HELP
        body.widget.attrs.update(
            {
                "data-composer": format,
                "data-preview-url": reverse("extranet:post_preview", kwargs={"slug": space.slug}),
                "data-mentions-url": reverse(
                    "extranet:mention_suggestions", kwargs={"slug": space.slug}
                ),
            }
        )

    @property
    def wants_preview(self):
        return self.is_bound and "preview" in self.data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe): a list, maybe empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def _attachments_field(space):
    """The plain file input of the composer, which is all there is without JavaScript; the
    script uploads what is chosen at once (``data-attach-url``) and inserts the links."""
    return MultipleFileField(
        label="Pièces jointes",
        required=False,
        error_messages=FILE_ERRORS,
        widget=MultipleFileInput(
            attrs={
                "data-attach-url": reverse(
                    "extranet:post_attachment_upload", kwargs={"slug": space.slug}
                )
            }
        ),
        help_text=f"Facultatif, {forum_attachments.MAX_FILES} fichiers au plus : ils sont "
        f"déposés dans le dossier « {forum_attachments.FOLDER_NAME} » des documents de "
        "l'espace et le message les relie. Formats acceptés : "
        + ", ".join(sorted(ALLOWED_EXTENSIONS))
        + f". Taille maximale : {filesizeformat(settings.EXTRANET_DOCUMENT_MAX_SIZE)} "
        "par fichier.",
    )


class TopicForm(ComposerForm):
    title = forms.CharField(
        label="Titre du sujet",
        max_length=forum_services.MAX_TITLE_LENGTH,
        error_messages={"required": "Le titre est obligatoire."},
    )
    body = _body_field("Premier message")


class TopicTitleForm(forms.Form):
    title = TopicForm.base_fields["title"]


class PostForm(ComposerForm):
    body = _body_field()


class PreviewForm(forms.Form):
    body = forms.CharField(required=False, strip=False, max_length=forum_services.MAX_BODY_LENGTH)
    format = forms.ChoiceField(choices=BodyFormat.choices, required=False)


class HidePostForm(forms.Form):
    reason = forms.CharField(
        label="Motif du masquage",
        max_length=forum_services.MAX_REASON_LENGTH,
        help_text="Visible des seul·e·s animateur·rice·s et de l'équipe R&T.",
        error_messages={"required": "Indiquez le motif du masquage."},
    )


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label="Motif du signalement",
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez un motif de signalement."},
    )
    details = forms.CharField(
        label="Précisions",
        required=False,
        max_length=MAX_DETAILS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Obligatoires pour « Autre ». Visibles des seul·e·s animateur·rice·s.",
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


# --- documents -----------------------------------------------------------------------------------

FILE_ERRORS = {
    "required": "Choisissez un fichier à déposer.",
    "empty": "Le fichier est vide.",
    "invalid": "Le fichier n'a pas été transmis correctement : réessayez.",
    "missing": "Choisissez un fichier à déposer.",
    "max_length": "Le nom du fichier est trop long.",
}


def _file_field(label="Fichier"):
    return forms.FileField(
        label=label,
        error_messages=FILE_ERRORS,
        help_text="Formats acceptés : "
        + ", ".join(sorted(ALLOWED_EXTENSIONS))
        + f". Taille maximale : {filesizeformat(settings.EXTRANET_DOCUMENT_MAX_SIZE)}.",
    )


def folder_choices(folders, empty_label="Racine de la bibliothèque"):
    """(id, "Parent / Enfant") pairs from a space's folders, in path order."""
    by_id = {folder.pk: folder for folder in folders}

    def path(folder):
        names = []
        seen = set()
        while folder is not None and folder.pk not in seen:
            seen.add(folder.pk)
            names.append(folder.name)
            folder = by_id.get(folder.parent_id)
        return " / ".join(reversed(names))

    paths = sorted(((path(folder), folder.pk) for folder in folders), key=lambda item: item[0])
    return [("", empty_label)] + [(str(pk), label) for label, pk in paths]


class UploadForm(forms.Form):
    # `file` is added in __init__: its help text reads the size limit from settings.
    title = forms.CharField(
        label="Titre",
        required=False,
        max_length=200,
        help_text="Facultatif : par défaut, le nom du fichier.",
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    folder = forms.TypedChoiceField(label="Dossier", required=False, coerce=int, empty_value=None)

    field_order = ["file", "title", "description", "folder"]

    def __init__(self, *args, folders=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"] = _file_field()
        self.order_fields(self.field_order)
        self.fields["folder"].choices = folder_choices(folders)


class ReplaceForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"] = _file_field("Nouvelle version du fichier")


class MoveForm(forms.Form):
    """The folder a document goes to; the service checks it is one of the document's space."""

    folder = forms.TypedChoiceField(
        label="Dossier de destination", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, folders=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"].choices = folder_choices(folders)
        self.fields["folder"].error_messages["invalid_choice"] = (
            "Choisissez un dossier de cet espace."
        )


class FolderForm(forms.Form):
    name = forms.CharField(
        label="Nom du dossier",
        max_length=120,
        error_messages={"required": "Le nom du dossier est obligatoire."},
    )


# --- meetings ------------------------------------------------------------------------------------

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y %Hh%M", "%Y-%m-%d %H:%M"]


def _datetime_field(label):
    return forms.DateTimeField(
        label=label,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Date et heure, par exemple 14/03/2027 09:30.",
        error_messages={
            "required": "Indiquez la date et l'heure.",
            "invalid": "Date ou heure non reconnue : écrivez par exemple 14/03/2027 09:30.",
        },
    )


class MeetingForm(forms.Form):
    """Fields named like `meetings.services.EDITABLE_FIELDS`; the service validates them."""

    title = forms.CharField(
        label="Titre", max_length=200, error_messages={"required": "Le titre est obligatoire."}
    )
    starts_at = _datetime_field("Début")
    ends_at = _datetime_field("Fin")
    place = forms.CharField(
        label="Lieu",
        max_length=255,
        required=False,
        help_text="Adresse ; laissez vide pour une rencontre seulement en ligne.",
    )
    online_url = forms.URLField(
        label="Lien de la visioconférence",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Saisissez une adresse web complète (https://…)."},
    )
    agenda = forms.CharField(
        label="Ordre du jour",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=AGENDA_HELP,
    )
    capacity = forms.IntegerField(
        label="Nombre de places",
        required=False,
        min_value=1,
        help_text="Laissez vide s'il n'y a pas de limite.",
        error_messages={
            "invalid": "Indiquez un nombre entier.",
            "min_value": "Le nombre de places doit être positif (vide : sans limite).",
        },
    )
    documents = forms.ModelMultipleChoiceField(
        label="Documents joints",
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Documents de la bibliothèque de l'espace à joindre à la rencontre.",
    )

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = documents
        if not documents.exists():
            del self.fields["documents"]

    def meeting_fields(self):
        """Keyword arguments for `meetings.services.create_meeting`/`update_meeting`."""
        data = dict(self.cleaned_data)
        documents = data.pop("documents", None)
        return data, (list(documents) if documents is not None else None)


# --- notifications -------------------------------------------------------------------------------


class NotificationSettingsForm(forms.Form):
    level = forms.ChoiceField(
        label="Notifications de cet espace (dans la liste et par e-mail)",
        choices=NotificationLevel.choices,
        widget=forms.RadioSelect,
    )
    digest_frequency = forms.ChoiceField(
        label="Récapitulatif de l'activité de l'espace",
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
    )


class TopicNotificationForm(forms.Form):
    level = forms.ChoiceField(
        label="Notifications de ce sujet",
        choices=[("", "Comme l'espace")] + list(TOPIC_LEVEL_LABELS.items()),
        required=False,
        widget=forms.RadioSelect,
    )
