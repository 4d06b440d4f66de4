"""Django admin for staff: review and delete shared documents, manage folders.

Adding files here is disabled: uploads must go through ``services.upload_document`` (content
checks, private storage), which the extranet UI and API use.
"""

from django.contrib import admin
from django.template.defaultfilters import filesizeformat

from .models import Document, DocumentVersion, Folder


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    extra = 0
    can_delete = False
    fields = ("number", "original_name", "human_size", "content_type", "uploaded_by", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="taille")
    def human_size(self, version):
        return filesizeformat(version.size)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "space", "folder", "uploader", "updated_at")
    list_filter = ("space",)
    search_fields = ("title", "description", "versions__original_name", "uploader__email")
    list_select_related = ("space", "folder", "uploader")
    fields = ("space", "folder", "title", "description", "uploader", "created_at", "updated_at")
    readonly_fields = ("space", "uploader", "created_at", "updated_at")
    inlines = [DocumentVersionInline]
    date_hierarchy = "updated_at"

    def has_add_permission(self, request):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the document's own space's folders can be chosen.
        if db_field.name == "folder":
            object_id = str(request.resolver_match.kwargs.get("object_id") or "")
            document = (
                Document.objects.filter(pk=object_id).first() if object_id.isdigit() else None
            )
            space_id = document.space_id if document else None
            kwargs["queryset"] = Folder.objects.filter(space_id=space_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Folder)
class FolderAdmin(admin.ModelAdmin):
    list_display = ("name", "space", "parent", "created_by", "created_at")
    list_filter = ("space",)
    search_fields = ("name",)
    list_select_related = ("space", "parent", "created_by")
    raw_id_fields = ("parent", "created_by")
