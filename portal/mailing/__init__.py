"""Outgoing e-mail that survives a mail server's outage: each message sent once per key
(``delivery``), sends that failed retried later with backoff (``retries``), on the ``email``
task queue so a hung server never holds up other background work."""
