"""``{% shared_fragment "name" page %} … {% endshared_fragment %}``: a part of a page that every reader of it is
shown alike, rendered once per page publication and handbook version (see handbook.page_cache). Without a page,
``{% shared_fragment "name" %}``, the part is the same on every page.

Put nothing inside that differs per person: no user name, no form (its CSRF token is the session's), no
messages, nothing that depends on the person's permissions.
"""

from django import template
from django.core.cache import cache

from handbook import page_cache

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, page):
        self.nodelist = nodelist
        self.name = name
        self.page = page

    def render(self, context):
        if context.get("historical_version"):  # a superseded version shown on its own page: never shared
            return self.nodelist.render(context)
        request, name = context.get("request"), self.name.resolve(context)
        page_cache.read_ahead(request, context.get("page"))
        if self.page is None:
            key = page_cache.site_fragment_key(request, name)
        else:
            key = page_cache.fragment_key(request, name, self.page.resolve(context))
        if key is None:
            return self.nodelist.render(context)
        content = page_cache.cached(request, key)
        if content is None:
            content = self.nodelist.render(context)
            cache.set(key, content, page_cache.SECONDS)
        return content


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError(f"{bits[0]} takes a fragment name and optionally a page")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    page = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return SharedFragmentNode(nodelist, parser.compile_filter(bits[1]), page)


@register.simple_tag(takes_context=True)
def may_access_admin(context):
    """Whether the person may use the admin, without reading all their permissions on every page."""
    return page_cache.may_access_admin(context.get("request"))
