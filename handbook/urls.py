"""The readers' archive of withdrawn documents, below /udgaaede-dokumenter/ (see portal/urls.py)."""

from django.urls import path

from handbook.views import archive

urlpatterns = [
    path("", archive.archive_index, name=archive.INDEX_URL_NAME),
    path("<str:number>/", archive.archived_document, name=archive.DOCUMENT_URL_NAME),
    path(
        "<str:number>/versioner/<int:major>-<int:minor>/",
        archive.archived_version,
        name=archive.VERSION_URL_NAME,
    ),
]
