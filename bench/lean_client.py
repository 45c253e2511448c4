"""A load generator's client, no heavier than it must be: prepared request bytes on a
keep-alive HTTP/1.1 connection, the status line and the body's length read back.

``http.client`` parses every header into objects and reads through buffered files: at
a cached page's ~2,000 requests a second the benchmark's own threads took a good part
of the machine's two CPUs, so the throughput measured was the client's. The same client
reads the stock page and the portal's (a ratio between the two is the figure)."""

import socket


class LeanClient:
    def __init__(self, host: str, port: int, path: str, headers: dict[str, str]):
        self.address = (host, port)
        lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        self.request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.sock: socket.socket | None = None
        self.buffer = b""

    def get(self) -> int:
        """The status of one response, read whole (a connection the server closed
        is opened again)."""
        if self.sock is None:
            self.sock = socket.create_connection(self.address, timeout=30)
            self.buffer = b""
        self.sock.sendall(self.request)
        while b"\r\n\r\n" not in self.buffer:
            self._receive()
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip().lower()
        if b"content-length" not in headers:
            raise ValueError("a response without Content-Length")
        length = int(headers[b"content-length"])
        self.buffer = rest
        while len(self.buffer) < length:
            self._receive()
        self.buffer = self.buffer[length:]
        if headers.get(b"connection") == b"close" or head.startswith(b"HTTP/1.0"):
            self.close()
        return status

    def _receive(self) -> None:
        chunk = self.sock.recv(262144)
        if not chunk:
            raise ConnectionError("the server closed the connection mid-response")
        self.buffer += chunk

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
        self.sock = None
