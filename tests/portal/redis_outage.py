"""Redis outages for the tests of portal.cache: the production CACHES pointed at a given
address, a redis-server of the test's own, and the outage's log lines."""

import contextlib
import logging
import os
import signal
import socket
import subprocess
import time

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

BACKEND = "portal.cache.ResilientRedisCache"


def redis_caches(url, **options):
    """The production CACHES (portal/settings/base.py) pointed at ``url``."""
    options = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, **options}
    return {
        "default": {"BACKEND": BACKEND, "LOCATION": url, "OPTIONS": options},
        "lockout": {
            "BACKEND": BACKEND,
            "LOCATION": url,
            "OPTIONS": {**options, "OUTAGE_FALLBACK": "local"},
        },
    }


def free_port():
    """A local port where nothing listens (connections to it are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnRedis:
    """A redis-server of this test only: started, stopped (optionally saving its data to
    disk, as a Redis with persistence does), started again on the same port."""

    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.pidfile = directory / "redis.pid"

    def client(self):
        # No retries (redis-py retries 3 times with backoff by default: seconds per refusal).
        return redis.Redis(port=self.port, socket_timeout=1, retry=Retry(NoBackoff(), 0))

    def start(self):
        subprocess.run(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.directory)]
            + ["--pidfile", str(self.pidfile), "--daemonize", "yes"],
            check=True,
            capture_output=True,
        )
        self._wait(lambda: self.client().ping())

    def stop(self, keep_data=False):
        """Killed (SIGKILL: a clean shutdown takes seconds). ``keep_data``: saved to disk first,
        as a Redis with persistence would be, so that it comes back with its keys."""
        if keep_data:
            self.client().save()
        self.kill(signal.SIGKILL)
        self.pidfile.unlink()  # its pid may be reused: never signal it again
        self._wait(self._refused)

    def kill(self, signum=signal.SIGKILL):
        """Signal the server this test started (by its pid, nothing else)."""
        if self.pidfile.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(self.pidfile.read_text()), signum)

    def _refused(self):
        try:
            self.client().ping()
        except redis.ConnectionError:
            return True
        return False

    @staticmethod
    def _wait(condition, seconds=5):
        deadline = time.monotonic() + seconds
        while True:
            try:
                if condition():
                    return
            except redis.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("redis-server did not change state in time")
            time.sleep(0.02)


def outage_logs(caplog, level=logging.WARNING):
    """portal.cache's lines at ``level``, from the fixtures' setup on (the outage may begin
    there, as the fixtures write pages and sessions)."""
    return [
        record
        for phase in ("setup", "call")
        for record in caplog.get_records(phase)
        if record.name == "portal.cache" and record.levelno == level
    ]
