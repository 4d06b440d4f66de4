"""Admin registration of the Flash Info: the subscribers' list, the sends, and an « Envoyer aux
abonné·e·s » button on newsletter issue pages."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.pages.newsletters import NewsletterIssuePage

from . import admin_urls
from .admin_views import SEND_PERMISSION
from .models import Subscriber


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds a subscriber by hand: only the address's owner, through the double opt-in
    (staff may still see, unsubscribe or delete one)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = "Abonné·e·s au Flash Info"
    add_to_admin_menu = False
    list_display = ["email", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status"]
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["status"]
    copy_view_enabled = False
    list_export = ["email", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    export_filename = "abonnes-flash-info"


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))
subscriber_viewset = SubscriberViewSet("flash_info_abonnes")


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return subscriber_viewset


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [path("flash-info/", include(admin_urls, namespace="newsletter_admin"))]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_menu():
    submenu = Menu(
        items=[
            _PermissionMenuItem(
                "Abonné·e·s",
                reverse("flash_info_abonnes:index"),
                icon_name="user",
                order=100,
                permission="newsletter.view_subscriber",
            ),
            _PermissionMenuItem(
                "Envois",
                reverse("newsletter_admin:mailings"),
                icon_name="mail",
                order=200,
                permission=SEND_PERMISSION,
            ),
        ]
    )
    return SubmenuMenuItem("Flash Info", submenu, icon_name="mail", order=350)


def _send_button(page, user):
    page_class = page.specific_class
    if (
        page_class
        and issubclass(page_class, NewsletterIssuePage)
        and user.has_perm(SEND_PERMISSION)
    ):
        return ListingButton(
            "Envoyer aux abonné·e·s",
            reverse("newsletter_admin:send", args=[page.pk]),
            icon_name="mail",
            priority=25,
        )
    return None


@hooks.register("register_page_header_buttons")
def page_header_send_button(page, user, view_name, next_url=None):
    button = _send_button(page, user)
    if button is not None:
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_send_button(page, user, next_url=None):
    button = _send_button(page, user)
    if button is not None:
        yield button
