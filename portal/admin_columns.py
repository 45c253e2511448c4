"""Columns for the admin's generic listings (Wagtail ``IndexView``).

A cell template that holds a POST form needs the CSRF token, but Wagtail renders a
cell with a context of its own (instance, column, row, table, request), where
``{% csrf_token %}`` finds nothing: the form then posts without a token and the browser
gets Django's 403 page (the test client, which skips CSRF checks, never sees it)."""

from django.middleware.csrf import get_token
from wagtail.admin.ui.tables import Column


class FormColumn(Column):
    """A column whose cell holds a form that posts: its context carries the token."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if request is not None:
            context["csrf_token"] = get_token(request)
        return context
