"""What `make serve` checks before it builds: that it can listen where it is asked to (MkDocs finds out only after the
first build, and stops with a traceback)."""

from __future__ import annotations

import errno
import socket


def address_problem(host: str, port: int) -> str | None:
    """Why the preview cannot listen at ``host:port``, in words for the maintainer, or None if it can. Bound as MkDocs'
    server binds (reusing an address no server listens at any more), then let go at once."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as err:
            where = f"[{host}]:{port}" if family == socket.AF_INET6 else f"{host}:{port}"
            if err.errno == errno.EADDRINUSE:
                return (
                    f"{where} is in use (another `make serve`?): stop it, or serve at another address: "
                    f"make serve ADDR=127.0.0.1:{port + 1} (mkdocs serve -a 127.0.0.1:{port + 1})"
                )
            return f"cannot serve at {where}: {err.strerror}; choose another address: make serve ADDR=127.0.0.1:8001"
    return None
