"""Template tags for periodic review on the reader's side: a person's own documents due for review."""

from django import template

from handbook import review
from handbook.templatetags.handbook_tags import PAGE_FIELDS

register = template.Library()


@register.simple_tag(takes_context=True)
def my_due_reviews(context):
    """The logged-in person's live documents (they are the responsible person) overdue or due for review within
    30 days, soonest first, each with ``is_overdue``. One query, however many there are; none when logged out."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return list(review.due_for_person(user).only(*PAGE_FIELDS, "document_number", "next_review_date"))
