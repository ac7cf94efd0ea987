from django.http import Http404


def _not_yet(*args, **kwargs):
    raise Http404


version_history = old_version = compare_versions = _not_yet
