"""``{% shown_results result %} … {% endshown_results %}``: the facets and hits of one page of results, rendered
once and kept with that page's answer (search/match_cache.py) until the handbook or a recommendation changes.

Every reader is shown the same for the same words, ticked facets and page: the search covers only what everyone
may see, and nothing inside the fragment is personal (no form with a CSRF token, no name).
"""

from django import template

from search import match_cache

register = template.Library()


class ShownResultsNode(template.Node):
    def __init__(self, nodelist, result):
        self.nodelist = nodelist
        self.result = result

    def render(self, context):
        request = self.result.resolve(context).request
        html = match_cache.get_html(request)
        if html is None:
            html = self.nodelist.render(context)
            match_cache.put_html(request, html)
        return html


@register.tag
def shown_results(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes the search result")
    nodelist = parser.parse(("endshown_results",))
    parser.delete_first_token()
    return ShownResultsNode(nodelist, parser.compile_filter(bits[1]))
