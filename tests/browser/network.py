"""A network line the browser tests can cut: a TCP relay between Chromium and the live
server. Chromium's offline emulation (``BrowserContext.set_offline``) sets
``navigator.onLine`` and fails the page's requests, but a page that a service worker
controls has let a request through to the server now and then (a draft POST seen
by the server 40 ms after a reload, on Chromium 156). Pulling the cable is what the
member lives through, so the offline tests do both: the emulation for what the page
reads, and the cut line for what reaches the server."""

import socket
import struct
import threading
from contextlib import suppress
from urllib.parse import urlsplit


class Line:
    """``url`` reaches the live server through the relay; ``down()`` refuses new
    connections and breaks the open ones (a reset, as a dropped link gives), ``up()``
    lets them through again."""

    def __init__(self, target_url: str):
        target = urlsplit(target_url)
        self._target = (target.hostname, target.port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._down = False
        self._closed = False
        self.url = f"http://localhost:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def down(self) -> None:
        with self._lock:
            self._down = True
            broken, self._open = self._open, set()
        for sock in broken:
            _reset(sock)

    def up(self) -> None:
        with self._lock:
            self._down = False

    def close(self) -> None:
        self._closed = True
        self.down()
        with suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refused = self._down
            if refused:
                _reset(client)
                continue
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self._target)
        except OSError:
            _reset(client)
            return
        with self._lock:
            if self._down:
                _reset(client)
                _reset(server)
                return
            self._open.update((client, server))
        pump = threading.Thread(target=_pump, args=(server, client), daemon=True)
        pump.start()
        _pump(client, server)
        pump.join()
        with self._lock:
            self._open.difference_update((client, server))
        for sock in (client, server):
            with suppress(OSError):
                sock.close()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    with suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)
    with suppress(OSError):
        sink.shutdown(socket.SHUT_WR)


def _reset(sock: socket.socket) -> None:
    """Close with a reset (linger 0): the browser sees the connection broken. The
    shutdown wakes a relay thread waiting on the socket."""
    with suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with suppress(OSError):
        sock.close()


class Connection:
    """One device's connection: the browser's offline emulation (what the page reads
    in ``navigator.onLine``) and its own cut line (what reaches the server)."""

    def __init__(self, context, live_server_url: str):
        self.context = context
        self.line = Line(live_server_url)
        self.url = self.line.url

    def drop(self) -> None:
        self.line.down()
        self.context.set_offline(True)

    def restore(self) -> None:
        self.line.up()
        self.context.set_offline(False)

    def close(self) -> None:
        self.line.close()
