"""A small IMAP4rev1 server on 127.0.0.1 for the tests: the subset a mail client
needs to read new mail (CAPABILITY, LOGIN, SELECT, SEARCH UNSEEN, FETCH RFC822 or
BODY.PEEK[], STORE +FLAGS \\Seen, LOGOUT). RFC822 sets \\Seen, as real servers do."""

import shlex
import socketserver
import threading
from dataclasses import dataclass, field


@dataclass
class Mailbox:
    user: str
    password: str
    messages: list[dict] = field(default_factory=list)  # {"raw": bytes, "seen": bool}
    commands: list[str] = field(default_factory=list)
    drop_after_fetch: bool = False

    def add(self, raw: bytes, seen: bool = False) -> None:
        self.messages.append({"raw": raw, "seen": seen})


class _Handler(socketserver.StreamRequestHandler):
    def _send(self, text: str | bytes) -> None:
        self.wfile.write(text if isinstance(text, bytes) else text.encode())

    def handle(self):
        box: Mailbox = self.server.mailbox
        self._send("* OK IMAP4rev1 test server ready\r\n")
        authenticated = False
        while line := self.rfile.readline():
            tag, _space, rest = line.decode().rstrip("\r\n").partition(" ")
            command, _space, args = rest.partition(" ")
            command = command.upper()
            box.commands.append(f"{command} {args}".strip())
            if command == "CAPABILITY":
                self._send(f"* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n")
            elif command == "LOGIN":
                user, password = shlex.split(args)
                authenticated = (user, password) == (box.user, box.password)
                answer = (
                    "OK logged in" if authenticated else "NO [AUTHENTICATIONFAILED] no"
                )
                self._send(f"{tag} {answer}\r\n")
            elif not authenticated and command != "LOGOUT":
                self._send(f"{tag} BAD log in first\r\n")
            elif command == "SELECT":
                self._send(
                    f"* {len(box.messages)} EXISTS\r\n* FLAGS (\\Seen)\r\n"
                    f"{tag} OK [READ-WRITE] selected\r\n"
                )
            elif command == "SEARCH" and args.upper() == "UNSEEN":
                numbers = [
                    str(n) for n, m in enumerate(box.messages, 1) if not m["seen"]
                ]
                self._send(f"* SEARCH {' '.join(numbers)}\r\n{tag} OK done\r\n")
            elif command == "FETCH":
                number, _space, what = args.partition(" ")
                message = box.messages[int(number) - 1]
                item = "RFC822" if "RFC822" in what.upper() else "BODY[]"
                if item == "RFC822":
                    message["seen"] = True
                raw = message["raw"]
                self._send(
                    f"* {number} FETCH ({item} {{{len(raw)}}}\r\n".encode() + raw
                )
                self._send(f")\r\n{tag} OK done\r\n")
                if box.drop_after_fetch:
                    return
            elif command == "STORE" and "\\SEEN" in args.upper():
                number = int(args.split(" ", 1)[0])
                box.messages[number - 1]["seen"] = True
                self._send(f"* {number} FETCH (FLAGS (\\Seen))\r\n{tag} OK done\r\n")
            elif command == "LOGOUT":
                self._send(f"* BYE\r\n{tag} OK bye\r\n")
                return
            else:
                self._send(f"{tag} BAD unknown command\r\n")


class ImapServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mailbox: Mailbox):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mailbox = mailbox
        self.port = self.server_address[1]
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
