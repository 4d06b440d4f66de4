"""A local SMTP server for bin/prodcheck: accepts every message and writes it to a directory
(one .eml file each). When the file ``slow`` exists in that directory, each message is held
that many seconds before being accepted (and ``holding`` is created), so a sender can be caught
mid-send.

    python -m tests.prodcheck.smtp_sink --port 2525 --dir var/prodcheck/mail
"""

import argparse
import asyncio
import signal
import time
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller


class Mailbox:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):
        slow = self.directory / "slow"
        if slow.exists():
            # Announce the held message; a client that goes away meanwhile cancels this
            # coroutine (aiosmtpd), and the message is never accepted, as with a real server
            # that had not answered "250" yet.
            (self.directory / "holding").touch()
            await asyncio.sleep(float(slow.read_text() or "5"))
        name = f"{time.time():.6f}-{uuid.uuid4().hex[:8]}.eml"
        recipients = ", ".join(envelope.rcpt_tos)
        data = envelope.original_content or envelope.content
        (self.directory / (name + ".part")).write_bytes(
            f"X-Envelope-To: {recipients}\r\n".encode() + data
        )
        (self.directory / (name + ".part")).rename(self.directory / name)
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    controller = Controller(Mailbox(args.dir), hostname="127.0.0.1", port=args.port)
    controller.start()
    stop = []
    signal.signal(signal.SIGTERM, lambda *a: stop.append(1))
    signal.signal(signal.SIGINT, lambda *a: stop.append(1))
    print(f"SMTP sink on 127.0.0.1:{args.port} -> {args.dir}", flush=True)
    while not stop:
        time.sleep(0.2)
    controller.stop()


if __name__ == "__main__":
    main()
