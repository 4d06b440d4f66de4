"""Admin hooks of the headless preview (imported by ``cms/wagtail_hooks.py``)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from .conf import external_front_configured
from .views import can_preview_externally, external_preview


@hooks.register("register_admin_urls")
def register_preview_urls():
    return [
        path(
            "apercu-public/<int:page_id>/",
            external_preview,
            name="cms_preview_external",
        )
    ]


class ExternalPreviewMenuItem(PageMenuItem):
    label = "Aperçu sur le site public"
    icon_name = "view"
    priority = 12
    url_name = "cms_preview_external"

    def is_shown(self, user):
        return external_front_configured() and can_preview_externally(self.page, user)


@hooks.register("register_page_header_buttons")
def external_preview_button(page, user, view_name, next_url=None):
    if page.is_root() or not hasattr(page.specific_class, "get_preview_url"):
        return []
    return [ExternalPreviewMenuItem(page=page)]
