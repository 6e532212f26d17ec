"""The command line's own errors (kept apart so that every command's module can raise them)."""


class UsageError(Exception):
    """The command cannot be carried out as asked."""
