"""Who may edit which site's settings: Wagtail's policy, made to work on PostgreSQL.

Wagtail lists the sites a user may edit with SELECT DISTINCT ordered by its sites'
default ordering (an expression): PostgreSQL refuses the query, and a site editor got a
500 on the settings page. The same sites, without ordering the DISTINCT subquery.
"""

from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy


class SiteSettingsPermissionPolicy(SitePermissionPolicy):
    def sites_user_has_any_permission_for(self, user, actions):
        sites = super().sites_user_has_any_permission_for(user, actions)
        return Site.objects.filter(pk__in=sites.order_by().values("pk"))
