"""The password forms of private pages and collections, with throttled attempts.

Wagtail's own views (wagtail.views, wagtail.documents.views.serve) build their form
inside the view; these do what they do with ThrottledPasswordForm, so that a visitor
cannot try passwords without limit (config/login_throttle.py).
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from config.login_forms import ThrottledPasswordForm


def page_password(request, page_view_restriction_id, page_id):
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = _password_form(request, restriction)
    if form.is_bound and form.is_valid():
        return _pass(request, restriction, form)
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    return page.serve_password_required_response(request, form, action_url)


def collection_password(request, restriction_id):
    restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
    form = _password_form(request, restriction)
    if form.is_bound and form.is_valid():
        return _pass(request, restriction, form)
    template = getattr(
        settings, "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE", "wagtaildocs/password_required.html"
    )
    action_url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])
    return TemplateResponse(request, template, {"form": form, "action_url": action_url})


def _password_form(request, restriction):
    data = request.POST if request.method == "POST" else None
    return ThrottledPasswordForm(data, instance=restriction, request=request)


def _pass(request, restriction, form):
    return_url = form.cleaned_data["return_url"]
    if not url_has_allowed_host_and_scheme(return_url, request.get_host(), request.is_secure()):
        return_url = settings.LOGIN_REDIRECT_URL
    restriction.mark_as_passed(request)
    return redirect(return_url)
