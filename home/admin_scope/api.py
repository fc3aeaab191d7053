"""The admin API's documents and images, limited to the user's collections.

Wagtail's endpoints only leave out the collections whose privacy refuses the request: a
logged-in editor would list, with download links, every site's documents and images.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from . import visible_collections


class UserCollectionsOnly:
    def get_queryset(self):
        collections = visible_collections(self.request.user).values("pk")
        return super().get_queryset().filter(collection__in=collections)


class DocumentsEndpoint(UserCollectionsOnly, DocumentsAdminAPIViewSet):
    pass


class ImagesEndpoint(UserCollectionsOnly, ImagesAdminAPIViewSet):
    pass


def replace_media_endpoints(router):
    router.register_endpoint("documents", DocumentsEndpoint)
    router.register_endpoint("images", ImagesEndpoint)
