"""Where an ES module statement of an MDX file ends: ``import ... from '...'``, ``export const meta = {...}``.

MDX reads a statement to its end as JavaScript does, over blank lines too: an ``export const x = {`` whose object holds a
blank line goes on past it. The end is where the brackets opened since the statement's start are closed, outside
strings, template literals (with their ``${...}``) and comments, at the end of a line. Each character is read once,
and at most ``MAX_STATEMENT_LINES`` lines: a capture comes from a pull request.
"""

from __future__ import annotations

from typing import NamedTuple

MAX_STATEMENT_LINES = 200
"""An ES module statement ends within this many lines (a real one within a few dozen); past it, it is not read as one."""

_OPENING, _CLOSING = "{([", "})]"


class StatementEnd(NamedTuple):
    end: int | None
    """The index of the statement's last line; None if it does not end within ``MAX_STATEMENT_LINES`` or the file."""
    read: int
    """The index of the last line read."""
    open: str
    """What is left open where the reading stopped: ``'{'``, ``"a string"``, ``"a template literal"``, ``"a comment"``."""


def statement_end(lines: list[str], start: int) -> StatementEnd:
    """Where the statement that starts at line index ``start`` ends (see the module's docstring)."""
    stack: list[str] = []
    """What is open: a bracket, or ``` ` ``` for a template literal, ``$`` for a ``${`` inside one."""
    quote = ""
    """The quote of the string being read (``'`` or ``"``), ``*`` in a block comment, or nothing."""
    index = start
    for index in range(start, min(len(lines), start + MAX_STATEMENT_LINES)):
        line = lines[index]
        position, length = 0, len(line)
        while position < length:
            char = line[position]
            if quote == "*":
                if line.startswith("*/", position):
                    quote, position = "", position + 1
            elif quote:
                if char == "\\":
                    position += 1
                elif char == quote:
                    quote = ""
            elif stack and stack[-1] == "`":
                if char == "\\":
                    position += 1
                elif char == "`":
                    stack.pop()
                elif line.startswith("${", position):
                    stack.append("$")
                    position += 1
            elif char in "'\"":
                quote = char
            elif char == "`":
                stack.append("`")
            elif line.startswith("//", position):
                break  # the rest of the line is a comment
            elif line.startswith("/*", position):
                quote, position = "*", position + 1
            elif char in _OPENING:
                stack.append(char)
            elif char in _CLOSING:
                if stack and stack[-1] == "$" and char == "}":
                    stack.pop()  # back in the template literal
                elif stack and _OPENING.index(stack[-1]) == _CLOSING.index(char):
                    stack.pop()
                else:
                    return StatementEnd(None, index, f"a '{char}' that closes nothing")
            position += 1
        if quote in "'\"" and quote:
            return StatementEnd(None, index, "a string")  # a quote does not go on to the next line
        if not stack and not quote:
            return StatementEnd(index, index, "")
    if quote == "*":
        left = "a comment"
    elif stack and stack[-1] in "`$":
        left = "a template literal"
    else:
        left = f"a '{stack[-1]}'" if stack else "nothing"
    return StatementEnd(None, index, left)
