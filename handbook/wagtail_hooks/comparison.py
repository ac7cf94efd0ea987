"""The revision comparison (page history > Compare) of controlled documents, readable: see handbook.admin_comparison."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from handbook import admin_comparison

admin_comparison.register()


@hooks.register("insert_global_admin_css")
def comparison_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin_comparison.css"))
