"""The Wagtail admin's login form, with its password field labelled in French.

Wagtail's ``LoginForm`` redeclares ``password`` without a label, so Django derives one from
the field's name, untranslated: « Password » under « Adresse e-mail » on the French login page
(and as the accessible name of the field). Set by ``WAGTAILADMIN_USER_LOGIN_FORM``.
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
