"""A small local SMTP server (RFC 5321's plain dialogue, no TLS, no auth) that either
accepts mail, keeping each message, or refuses it as a full or blocking server does
(``refuse = True``: ``554`` to MAIL FROM)."""

import socketserver
import threading


class SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.refuse = False
        self.messages: list[bytes] = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


class _Handler(socketserver.StreamRequestHandler):
    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self._say("220 smtp.test ESMTP")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self._say("250 smtp.test")
            elif verb == b"MAIL":
                if self.server.refuse:
                    self._say("554 5.7.1 Service unavailable; sending refused")
                else:
                    self._say("250 OK")
            elif verb == b"RCPT":
                self._say("250 OK")
            elif verb == b"DATA":
                self._say("354 End data with <CR><LF>.<CR><LF>")
                body = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    body += chunk
                self.server.messages.append(body)
                self._say("250 OK queued")
            elif verb == b"QUIT":
                self._say("221 Bye")
                return
            else:
                self._say("250 OK")  # RSET, NOOP
