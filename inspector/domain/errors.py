"""The one family of errors a user can act on.

Deep code raises a subclass of ``UserError`` when the cause is outside the program (a bad
file, a full disk, a locked database, a line-up already finished); its message names the
thing and what to do. The GUI and the CLI each turn a ``UserError`` into words in one place;
anything else is a bug and goes to the crash path with the log file's path.
"""

from __future__ import annotations


class UserError(Exception):
    """An error the user can act on; ``str(error)`` is the message to show.

    An error that has its words in both languages of the interface overrides ``text``; one
    whose message never changes gives it as ``message`` and is raised without arguments.
    """

    message = ""

    def __init__(self, *args: object) -> None:
        if not args and self.message:
            args = (self.message,)
        super().__init__(*args)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` ("zh" or "en"); English unless a subclass knows better."""
        return str(self)
