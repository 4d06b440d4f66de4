from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "organisation", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name", "organisation"]
    raw_id_fields = ["territory"]  # thousands of communes: no giant <select>
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            "Profil",
            {"fields": ["first_name", "last_name", "organisation", "job_title", "territory"]},
        ),
        (
            "Droits",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
