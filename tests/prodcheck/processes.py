"""The processes bin/prodcheck starts, each in its own process group with its own log file."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Process:
    def __init__(self, name, args, env, log_dir):
        self.name = name
        self.args = args
        self.env = env
        self.log_path = Path(log_dir) / f"{name}.log"
        self.popen = None

    def start(self):
        log = open(self.log_path, "ab")  # noqa: SIM115 (kept open by the child)
        self.popen = subprocess.Popen(
            self.args,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        return self

    @property
    def running(self):
        return self.popen is not None and self.popen.poll() is None

    def _signal_group(self, sig):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, sig)

    def stop(self, timeout=30):
        """SIGTERM (graceful), then SIGKILL after ``timeout`` seconds."""
        if not self.running:
            return
        self._signal_group(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self._signal_group(signal.SIGKILL)
            self.popen.wait(10)

    def kill(self):
        """SIGKILL at once: what an out-of-memory kill or a power cut does."""
        if self.running:
            self._signal_group(signal.SIGKILL)
            self.popen.wait(10)

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def manage(*args, env, check=True, timeout=900):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} a échoué ({result.returncode}) :\n"
            + result.stdout[-3000:]
            + result.stderr[-3000:]
        )
    return result


def wait_until(predicate, timeout, what, interval=0.5):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception as error:  # the service may not answer yet
            last_error = error
            value = None
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(
        f"Délai dépassé ({timeout} s) : {what}" + (f" ({last_error})" if last_error else "")
    )
