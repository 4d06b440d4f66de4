"""Serializers of the extranet API, one module per part of a space.

Output serializers say what a member sees; input serializers only check the shape and types
of what is sent (required fields, strings, choices, ids within the space). The rules (lengths,
sanitising, files, dates) are the services' own, which answer in French field errors.
"""
