"""An e-mail backend for tests whose server can be down, or fail after some messages."""

from django.core.mail.backends.locmem import EmailBackend


class FlakyServer:
    down = False
    #: Messages accepted before the server starts refusing (None: no limit).
    accept = None
    accepted = 0

    @classmethod
    def reset(cls):
        cls.down, cls.accept, cls.accepted = False, None, 0


class FlakyEmailBackend(EmailBackend):
    def open(self):
        if FlakyServer.down:
            raise ConnectionRefusedError("serveur SMTP injoignable")
        return True

    def send_messages(self, messages):
        if FlakyServer.down:
            raise ConnectionRefusedError("serveur SMTP injoignable")
        if FlakyServer.accept is not None and FlakyServer.accepted >= FlakyServer.accept:
            raise ConnectionResetError("connexion coupée par le serveur SMTP")
        FlakyServer.accepted += len(messages)
        return super().send_messages(messages)
