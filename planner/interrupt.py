"""Ctrl-C that is never lost.

Python drops a ``KeyboardInterrupt`` raised while it runs a callback (an import lock's or a
weak reference's, a ``__del__``): it prints "Exception ignored" and the command goes on, so a
Ctrl-C while rendering could still write the week. ``on_sigint`` raises as Python's own handler
does and also remembers the key was pressed; ``publish`` calls ``raise_if_pressed`` before it
saves and swaps anything in, so an interrupted run never writes.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from types import FrameType

_pressed = threading.Event()


def on_sigint(signum: int, frame: FrameType | None) -> None:
    """The SIGINT handler: remember the interrupt, then raise ``KeyboardInterrupt``."""
    _pressed.set()
    raise KeyboardInterrupt


def install() -> None:
    """Make ``on_sigint`` the SIGINT handler for this command (main thread only)."""
    _pressed.clear()
    with contextlib.suppress(ValueError):  # not the main thread: not ours to change
        signal.signal(signal.SIGINT, on_sigint)


def raise_if_pressed() -> None:
    """Raise ``KeyboardInterrupt`` if Ctrl-C was pressed, even if that one was swallowed."""
    if _pressed.is_set():
        raise KeyboardInterrupt
