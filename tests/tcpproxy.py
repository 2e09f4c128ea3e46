"""A TCP proxy for the network-fault tests: certmerge talks to it, it talks to Dovecot.

Threads on 127.0.0.1; every accepted connection gets an upstream connection and two pump threads.
The faults it can make:

- `cut()`            close every live connection at once (the client sees the link go);
- `refuse()`         while set, new connections are accepted and closed at once (a dead server or network);
- `stall()`          stop forwarding in both directions without closing anything, also on connections made
                     meanwhile (a network that black-holes packets); `resume()` lets data flow again;
- `drop_in_response(marker, after)`   the next server response containing `marker` is forwarded up to
                     `after` bytes past the start of the marker, then that connection is closed
                     (e.g. in the middle of the body literal of a FETCH);
- `stall_in_response(marker, after)`  the same, but the connection is left open and silent (a half-open link);
- `on_client(marker, action)` run `action(link)` once, right after a client sent a line containing `marker`
                     (e.g. cut the link once the watcher entered IDLE).
- `rewrite(fn)`      pass what the server says through `fn(bytes) -> bytes`, whole lines at a time (a server
                     that answers differently, e.g. without the UIDNEXT response code).

It also keeps every line the clients sent (`client_lines`), so a test can wait for a command.
"""

from __future__ import annotations

import itertools
import select
import socket
import struct
import threading
import time
from typing import Callable

_ids = itertools.count(1)


class Link:
    """One proxied connection: the client's socket and the upstream socket."""

    def __init__(self, proxy: "Proxy", client: socket.socket, upstream: socket.socket) -> None:
        self.id = next(_ids)
        self.proxy = proxy
        self.client = client
        self.upstream = upstream
        self.closed = threading.Event()
        self.stalled = False  # this link only (stall_in_response); the proxy-wide stall is separate
        self._carry = b""  # the end of the previous server chunk (a marker may straddle two chunks)
        self._cut_in: int | None = None  # bytes left to forward before this link is dropped / stalled
        self._cut_action = ""
        self._client_buf = b""
        self._server_buf = b""  # a server line not yet complete, while a rewrite is set

    def close(self, rst: bool = False) -> None:
        if self.closed.is_set():
            return
        self.closed.set()
        for sock in (self.client, self.upstream):
            try:
                if rst:  # RST instead of FIN: "connection reset by peer"
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                else:
                    sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                sock.close()
            except OSError:
                pass
        self.proxy._forget(self)

    # --- pumps ------------------------------------------------------------------------------------
    def start(self) -> None:
        for src, dst, to_client in ((self.client, self.upstream, False), (self.upstream, self.client, True)):
            threading.Thread(target=self._pump, args=(src, dst, to_client), daemon=True,
                             name=f"proxy-link{self.id}-{'down' if to_client else 'up'}").start()

    def _may_forward(self) -> bool:
        return not self.stalled and not self.proxy._stalled.is_set()

    def _pump(self, src: socket.socket, dst: socket.socket, to_client: bool) -> None:
        try:
            while not self.closed.is_set():
                if not self._may_forward():
                    time.sleep(0.02)  # the data waits in the kernel's buffers, as on a black-holed link
                    continue
                try:
                    ready = select.select([src], [], [], 0.05)[0]
                except (OSError, ValueError):
                    break
                if not ready:
                    continue
                if not self._may_forward():
                    continue
                data = src.recv(65536)
                if not data:
                    break
                if to_client:
                    data = self._server_data(data)
                    if data is None:
                        return
                else:
                    self._client_data(data)
                if data:
                    dst.sendall(data)
                if to_client and self._cut_in == 0:
                    self._apply_cut()
                    return
        except OSError:
            pass
        if not self.stalled:
            self.close()

    def _client_data(self, data: bytes) -> None:
        self._client_buf += data
        *lines, self._client_buf = self._client_buf.split(b"\r\n")
        for line in lines:
            self.proxy._client_line(self, line)

    def _server_data(self, data: bytes) -> bytes | None:
        """What of this server chunk goes to the client (None: nothing, the link is done)."""
        rewrite = self.proxy._rewrite
        if rewrite is not None:
            buf = self._server_buf + data
            end = buf.rfind(b"\r\n") + 2  # 1: no whole line yet
            self._server_buf = buf[end:] if end > 1 else buf
            data = rewrite(buf[:end]) if end > 1 else b""
            if not data:
                return b""
        if self._cut_in is not None:
            part, self._cut_in = data[:self._cut_in], max(0, self._cut_in - len(data))
            return part
        carry, self._carry = self._carry, (self._carry + data)[-64:]
        found = self.proxy._take_rule(carry + data, len(carry))
        if found is None:
            return data
        (marker, after, action), at = found
        start = at - len(carry)  # the marker's offset within `data` (negative: it began in the last chunk)
        keep = max(0, start + after)
        self._cut_action = action
        if keep >= len(data):
            self._cut_in = keep - len(data)
            return data
        self._cut_in = 0
        return data[:keep]

    def _apply_cut(self) -> None:
        if self._cut_action == "stall":
            self.stalled = True  # open and silent from now on, both ways
            self.proxy.events.append(("stalled", self.id))
        else:
            self.proxy.events.append(("dropped", self.id))
            self.close()


class Proxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(50)
        self.port = self.listener.getsockname()[1]
        self.links: list[Link] = []
        self.accepted = 0
        self.client_lines: list[tuple[int, bytes]] = []
        self.events: list[tuple[str, int]] = []
        self._lock = threading.Lock()
        self._refusing = threading.Event()
        self._stalled = threading.Event()
        self._rules: list[list] = []  # [marker, after, action, matches still to let through]
        self._client_hooks: list[tuple[bytes, Callable[[Link], None]]] = []
        self._rewrite: Callable[[bytes], bytes] | None = None
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True, name="proxy-accept")
        self._thread.start()

    # --- controls -----------------------------------------------------------------------------------
    def cut(self, rst: bool = False) -> int:
        """Close every live connection; returns how many there were."""
        with self._lock:
            links = list(self.links)
        for link in links:
            link.close(rst=rst)
        return len(links)

    def refuse(self, on: bool = True) -> None:
        self._refusing.set() if on else self._refusing.clear()

    def stall(self) -> None:
        self._stalled.set()

    def resume(self) -> None:
        self._stalled.clear()

    def drop_in_response(self, marker: bytes, after: int, skip: int = 0) -> None:
        """Close the link `after` bytes past the start of `marker` in a server response (after letting
        `skip` matching responses through)."""
        with self._lock:
            self._rules.append([marker, after, "drop", skip])

    def stall_in_response(self, marker: bytes, after: int, skip: int = 0) -> None:
        """Like drop_in_response, but the link stays open and silent."""
        with self._lock:
            self._rules.append([marker, after, "stall", skip])

    def rewrite(self, fn: Callable[[bytes], bytes] | None) -> None:
        """Rewrite the server's answers on links made from now on (None: stop)."""
        self._rewrite = fn

    def on_client(self, marker: bytes, action: Callable[[Link], None]) -> None:
        with self._lock:
            self._client_hooks.append((marker, action))

    @property
    def armed(self) -> bool:
        with self._lock:
            return bool(self._rules or self._client_hooks)

    def live(self) -> int:
        with self._lock:
            return len(self.links)

    def sent(self, marker: bytes) -> int:
        """How many client lines so far contained `marker`."""
        with self._lock:
            return sum(1 for _id, line in self.client_lines if marker in line)

    def close(self) -> None:
        self._closing.set()
        try:
            self.listener.close()
        except OSError:
            pass
        self.resume()
        self.cut()  # stalled links too
        self._thread.join(timeout=2)

    def __enter__(self) -> "Proxy":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- internals -------------------------------------------------------------------------------------
    def _accept_loop(self) -> None:
        while not self._closing.is_set():
            try:
                ready = select.select([self.listener], [], [], 0.05)[0]
                if not ready:
                    continue
                client, _addr = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            if self._refusing.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            link = Link(self, client, upstream)
            with self._lock:
                self.links.append(link)
            link.start()

    def _forget(self, link: Link) -> None:
        with self._lock:
            if link in self.links:
                self.links.remove(link)

    def _take_rule(self, window: bytes, carried: int):
        """The first armed rule whose marker ends in the new part of `window`, and where it starts."""
        with self._lock:
            for i, rule in enumerate(self._rules):
                at = window.find(rule[0], max(0, carried - len(rule[0]) + 1))
                if at < 0:
                    continue
                if rule[3] > 0:
                    rule[3] -= 1
                    continue
                marker, after, action, _skip = self._rules.pop(i)
                return (marker, after, action), at
        return None

    def _client_line(self, link: Link, line: bytes) -> None:
        hooks = []
        with self._lock:
            self.client_lines.append((link.id, line))
            for i, (marker, action) in reversed(list(enumerate(self._client_hooks))):
                if marker in line:
                    hooks.append(action)
                    del self._client_hooks[i]
        for action in hooks:
            action(link)
