from django import template

register = template.Library()


@register.filter
def verbose_name(case):
    """“afvigelse” or “forbedringsforslag”."""
    return case._meta.verbose_name
