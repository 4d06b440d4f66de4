"""Plurals as French writes them: « 0 participant·e », « 1 message », « 2 messages ».

Django's ``pluralize`` follows English, where only 1 is singular: « 0 participant·es »,
« 0 nouvelles réponses ». In French 0 and 1 take the singular (and 1,5 too: the plural starts
at 2). ``{{ n|pluriel }}`` gives ``s`` from 2 on; ``{{ n|pluriel:"a,ont" }}`` gives the
singular then the plural ending, like ``pluralize``'s argument. Every template of the site,
the extranet and the e-mails uses it (``tests/cms/test_french_plural.py`` checks there is no
``pluralize`` left).
"""

from django import template

register = template.Library()


def _amount(value):
    try:
        return abs(float(value))
    except (TypeError, ValueError):
        try:
            return len(value)
        except TypeError:
            return 1  # neither a number nor a collection: as Django does, say nothing


@register.filter
def pluriel(value, endings="s"):
    singular, _comma, plural = endings.rpartition(",")
    if not _comma:
        singular, plural = "", endings
    return plural if _amount(value) >= 2 else singular
