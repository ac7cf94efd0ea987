"""Template tags for read and acknowledge: the prompt on a document page and the front page's pending list.

Both cost a fixed number of queries: the prompt one for the reader's standing (plus Wagtail's page permission
check, for the read status link), the front page list one whatever the number of documents and people.
"""

from dataclasses import dataclass

from django import template

from handbook import acknowledgements, page_cache

register = template.Library()


@dataclass(frozen=True)
class AcknowledgementPrompt:
    version: object  # the DocumentVersion asking for confirmation
    is_pending: bool
    confirmed_at: object  # when the reader confirmed it, or None
    acknowledge_url: str
    read_status_url: str  # empty unless the reader may see the read status


@dataclass(frozen=True)
class PendingConfirmation:
    document_number: str
    title: str
    url: str
    version: str
    published_at: object


@dataclass(frozen=True)
class PendingList:
    items: tuple  # the newest PendingConfirmations, at most PENDING_SHOWN
    total: int  # all the person has yet to confirm


# The front page lists the newest few: a newcomer may have a thousand to confirm.
PENDING_SHOWN = 10


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


def _subpage_url(page, context, name):
    base = page.get_url(request=context.get("request")) or ""
    if not base:
        return ""
    return base.rstrip("/") + "/" + page.reverse_subpage(name)


@register.simple_tag(takes_context=True)
def acknowledgement_prompt(context, page):
    """What the document page says about confirming its current significant version, or None when there is
    nothing to say (no significant version, or a superseded version of the document being shown)."""
    if page is None or page.pk is None:
        return None
    significant = page_cache.has_significant_version(
        context.get("request"), page, lambda: acknowledgements.current_significant_version(page) is not None
    )
    if not significant:
        return None
    return page_cache.personal(context.get("request"), "acknowledgement", page, lambda: _prompt(context, page))


def _prompt(context, page):
    user = _user(context)
    state = acknowledgements.state_for(page, user)
    if state is None or page.version_major != state.version.major:
        return None
    may_view_status = acknowledgements.may_view_read_status(user, page)
    if not (state.in_audience or may_view_status):
        return None
    return AcknowledgementPrompt(
        version=state.version,
        is_pending=state.is_pending,
        confirmed_at=state.confirmed_at,
        acknowledge_url=_subpage_url(page, context, "acknowledge"),
        read_status_url=_subpage_url(page, context, "read_status") if may_view_status else "",
    )


@register.simple_tag(takes_context=True)
def pending_confirmations(context):
    """The reader's pending confirmations (document number, title, link, version), the newest first, and how many
    there are in all."""
    request = context.get("request")
    return page_cache.pending_confirmations(request, lambda: _pending_confirmations(context, request))


def _pending_confirmations(context, request):
    versions = acknowledgements.pending_versions(_user(context))
    items = []
    for version in versions:
        if len(items) == PENDING_SHOWN:
            break
        document = version.document
        url = document.get_url(request=request)
        if not url:  # not reachable on any site: nothing to link to
            continue
        items.append(
            PendingConfirmation(
                document_number=document.document_number,
                title=document.title,
                url=url,
                version=version.label,
                published_at=version.published_at,
            )
        )
    return PendingList(items=tuple(items), total=len(versions) if items else 0)
