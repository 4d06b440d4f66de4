"""The staff CSV import of members, in the Wagtail admin (same form and service as the
Django admin's)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import bulk_import
from .forms import MembersImportForm
from .models import Space


class ImportMembersView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "spaces/admin/import_members.html"
    header_icon = "group"
    page_title = "Importer des membres"

    def dispatch(self, request, pk):
        if not (request.user.is_staff and request.user.has_perm("spaces.change_space")):
            raise PermissionDenied
        self.space = get_object_or_404(Space, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.space.name

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(form=MembersImportForm()))

    def post(self, request, pk):
        form = MembersImportForm(request.POST, request.FILES)
        report = None
        if form.is_valid():
            report = bulk_import.import_members(
                by=request.user,
                space=self.space,
                content=form.cleaned_data["file"].read(),
                role=form.cleaned_data["role"],
            )
            level = messages.ERROR if report.error else messages.SUCCESS
            messages.add_message(request, level, f"Import : {report.summary()}")
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def get_context_data(self, **kwargs):
        return super().get_context_data(space=self.space, **kwargs)
