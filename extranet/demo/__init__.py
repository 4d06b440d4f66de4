"""Demo content of the extranet: network spaces, invented members, topics, meetings, documents.

`content.py` and `members.py` are plain data (tested without a database); `seed.py` builds them
through the extranet's own services so that the permission rules hold for demo data too.
"""
