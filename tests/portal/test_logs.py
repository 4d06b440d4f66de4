"""Log lines say when, how grave and where; LOG_FORMAT=json gives one JSON object per line."""

import json
import logging
import sys

from portal.logs import JsonFormatter
from portal.settings.base import LOGGING


def test_text_logs_carry_time_level_and_logger():
    text = LOGGING["formatters"]["text"]["format"]
    for field in ("%(asctime)s", "%(levelname)s", "%(name)s", "%(message)s"):
        assert field in text


def test_json_logs_are_one_object_per_line_with_the_exception():
    try:
        raise ValueError("panne de démonstration")
    except ValueError:
        record = logging.LogRecord(
            "portal.test", logging.ERROR, __file__, 1, "Échec : %s", ("envoi",), sys.exc_info()
        )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "portal.test"
    assert entry["message"] == "Échec : envoi"
    assert "ValueError: panne de démonstration" in entry["exception"]
    assert entry["time"].endswith("+00:00")


def test_server_errors_are_mailed_to_the_admins():
    assert "mail_admins" in LOGGING["loggers"]["django.request"]["handlers"]


def test_search_clients_log_their_failures_but_not_every_request():
    # Configured as the portal configures logging, in a process of its own.
    import subprocess

    script = (
        "import logging, logging.config\n"
        "from portal.settings.base import LOGGING\n"
        "logging.config.dictConfig(LOGGING)\n"
        "for name in ('opensearch', 'elasticsearch', 'elastic_transport'):\n"
        "    logger = logging.getLogger(name)\n"
        "    print(name, logger.isEnabledFor(logging.INFO), logger.isEnabledFor(logging.WARNING))\n"
        "print('portal', logging.getLogger('search.service').isEnabledFor(logging.INFO))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split("\n")[:4] == [
        "opensearch False True",
        "elasticsearch False True",
        "elastic_transport False True",
        "portal True",
    ]
