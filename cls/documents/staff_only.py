"""A document kept "for logged-in users" is not for the staff of another site.

One install serves several sites, whose editors all log in to the same admin: Wagtail's
login restriction would let an editor of one site download another site's private
documents. An account that works on a site (page or collection permissions) reads the
documents of its own collections only; administrators read all; an account that works on
no site (a steering committee member's, say) keeps the login restriction's meaning.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import CollectionViewRestriction

from home.admin_scope import may_see, works_on_a_site


def refuse_other_sites_staff(document, request):
    """`before_serve_document` hook; Wagtail's own one sends visitors to the login page."""
    user = request.user
    if not user.is_authenticated or not works_on_a_site(user):
        return None
    login_only = CollectionViewRestriction.objects.filter(
        collection__in=document.collection.get_ancestors(inclusive=True),
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    if login_only.exists() and not may_see(user, type(document), document.pk):
        raise PermissionDenied
    return None
