"""What `make serve` checks before it builds: that it can listen where it is asked to (MkDocs finds out only after the
first build, and stops with a traceback); and the log its first build tells the data's errors in."""

from __future__ import annotations

import errno
import logging
import socket


def preview_log(beside: str = "mkdocs") -> logging.Logger:
    """A log that prints where the log named ``beside`` prints, outside it. MkDocs' strict mode counts every error its
    own log is told and then stops the build; the preview's first build tells the data's errors and goes on, to serve
    them. The counter is a handler that prints nothing (a ``NullHandler``), and is not copied."""
    preview = logging.getLogger("seloste.preview")
    if not preview.handlers:
        preview.handlers = [h for h in logging.getLogger(beside).handlers if not isinstance(h, logging.NullHandler)]
        preview.propagate = False
    return preview


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
