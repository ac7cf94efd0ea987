"""Uploaded media (images and their renditions) served through Django, so the login requirement covers them.

Every file goes out as a download that the browser may not reinterpret: an `<img>` still shows an image, but an
uploaded SVG or HTML file opened on its own is never run as a page of ours.
"""

import mimetypes

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404
from django.views.static import serve

# Opened in its own tab, a file gets no scripts, no styles, no plugins, no same-origin rights.
SANDBOX_POLICY = "default-src 'none'; sandbox"


def serve_media(request, path):
    try:
        if isinstance(storages["default"], FileSystemStorage):
            response = serve(request, path, document_root=settings.MEDIA_ROOT)
        else:
            response = _from_storage(path)  # S3: the bucket is private, the portal streams the file
    except SuspiciousFileOperation:
        raise Http404 from None  # a path out of the media folder is a file that does not exist
    response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    # Only the person's own browser may keep a copy: the files are for logged-in staff only.
    response["Cache-Control"] = "private"
    return response


def _from_storage(path):
    try:
        file = storages["default"].open(path, "rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(file, content_type=mimetypes.guess_type(path)[0] or "application/octet-stream")
