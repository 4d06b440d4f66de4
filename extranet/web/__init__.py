"""The extranet's web UI: views, forms and URLs over the spaces, forum, documents, meetings and
notifications modules. Not a Django app (no models): templates live in templates/extranet/.

Every view asks the permission modules (`extranet.spaces.permissions`,
`extranet.forum.permissions`, …) and changes data only through their services; nothing here
decides who may do what.
"""
