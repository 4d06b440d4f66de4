"""Feeds of the public site: RSS 2.0 and Atom for news and briefs, iCalendar for events.

Feed URLs live under ``/flux/`` and do not depend on the slugs of the index pages: a feed
shows every item of its type inside the requested site. Every feed obeys the rules of
``cms.feeds.selection``: live, public, not expired, newest first, optional ``theme`` and
``territory`` filters (an unknown slug is a 404).
"""
