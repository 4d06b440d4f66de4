"""How an engine fails: the two exceptions the service tells apart."""


class EngineUnavailable(Exception):
    """The engine could not answer (connection refused, timeout, cluster error)."""


class EngineRejected(Exception):
    """The engine refused the request itself (an HTTP 400: too many clauses, a query it
    cannot parse). Retrying elsewhere would not help: the caller is told to simplify."""


def engine_error(error):
    """The exception of ours that an engine client's ``error`` means: a request the engine
    rejects (HTTP 400) is ``EngineRejected``; anything else (refused connection, timeout, a
    5xx, a red cluster) is ``EngineUnavailable``."""
    status = getattr(error, "status_code", None)
    if status is None:
        status = getattr(getattr(error, "meta", None), "status", None)
    if status == 400:
        return EngineRejected(str(error))
    return EngineUnavailable(str(error))
