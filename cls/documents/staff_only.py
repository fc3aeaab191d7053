"""A document kept "for logged-in users" is for its own site's staff, not every site's.

One install serves several sites, whose editors all log in to the same admin: Wagtail's
login restriction would let an editor of one site download another site's private
documents. Such a document is served to the users who work in its collection (and to
administrators); other logged-in users are refused (403).
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import CollectionViewRestriction

from home.admin_scope import may_see


def refuse_other_sites_staff(document, request):
    """`before_serve_document` hook; Wagtail's own one sends visitors to the login page."""
    if not request.user.is_authenticated:
        return None
    login_only = CollectionViewRestriction.objects.filter(
        collection__in=document.collection.get_ancestors(inclusive=True),
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    if login_only.exists() and not may_see(request.user, type(document), document.pk):
        raise PermissionDenied
    return None
