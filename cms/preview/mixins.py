"""The headless preview behaviour of every page type (applied through ``BasePage``)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_headless_preview.settings import headless_preview_settings
from wagtail_headless_preview.signals import preview_update

from . import tokens
from .conf import external_front_configured, token_max_age


class PortalHeadlessPreviewMixin(HeadlessPreviewMixin):
    """wagtail-headless-preview with the portal's tokens (``cms.preview.tokens``: bound to a
    revision snapshot, expiring) and a fallback: with no external front configured, the
    preview is the page rendered with the built-in templates."""

    @classmethod
    def get_preview_signer(cls):
        return tokens.signer()

    @classmethod
    def get_page_from_preview_token(cls, token):
        try:
            return tokens.resolve_preview(token, cls.get_content_type_str())
        except tokens.PreviewTokenError:
            return None

    def create_page_preview(self):
        return tokens.issue_preview(self)

    def update_page_preview(self, token):
        # The package rewrites the row of an existing token; here a snapshot never changes.
        raise NotImplementedError("Preview snapshots are immutable: issue a new token.")

    def serve_preview(self, request, preview_mode):
        if not external_front_configured():
            # Skip the package's serve_preview: Page.serve_preview renders the template.
            return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)
        preview = self.create_page_preview()
        preview_update.send(sender=HeadlessPreviewMixin, token=preview.token)
        preview_url = self.get_preview_url(request, preview.token)
        if headless_preview_settings.REDIRECT_ON_PREVIEW:
            return redirect(preview_url)
        return TemplateResponse(
            request,
            "cms/preview/headless_preview.html",
            {
                "page": self,
                "preview_url": preview_url,
                "max_age_minutes": token_max_age() // 60,
            },
        )
