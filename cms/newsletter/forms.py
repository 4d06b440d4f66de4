from django import forms


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Votre adresse électronique",
        max_length=254,
        error_messages={
            "required": "Indiquez votre adresse électronique.",
            "invalid": "Cette adresse électronique n'est pas valide (exemple : nom@exemple.fr).",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A field people never see (hidden by the page's styles and from screen readers): robots
    # that fill every field are answered as if subscribed, and nothing is sent.
    website = forms.CharField(required=False, label="Ne pas remplir ce champ")
