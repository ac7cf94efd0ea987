from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import sites
from portal.health import healthz
from portal.media import serve_media
from portal.views import LoginView

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Single sign-on, only when switched on (portal/settings/sso.py): the provider's login and its callback.
    *([path("oidc/", include("mozilla_django_oidc.urls"))] if settings.SSO_ENABLED else []),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include("search.urls")),
    # The archive of withdrawn documents: they are unpublished, so Wagtail's page routes no longer reach them.
    path("udgaaede-dokumenter/", include("handbook.urls")),
    # Uploaded media (images) go through Django so that the login requirement covers them too; as downloads.
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media, name="media"),
    # Pages, with their Site from the cache; Wagtail's own routes below still build the pages' addresses and serve
    # its _util views.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", sites.serve, name="page"),
    path("", include(wagtail_urls)),
]
