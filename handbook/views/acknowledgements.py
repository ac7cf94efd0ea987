from django.http import Http404


def _not_yet(*args, **kwargs):
    raise Http404


acknowledge = read_status = read_status_csv = _not_yet
