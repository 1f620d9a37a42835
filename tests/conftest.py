"""Test-wide fixtures: no test may reach the network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

_LOCAL = ("127.", "::1", "localhost")


def _guard(original: Any) -> Any:
    def connect(self: socket.socket, address: Any, *args: Any, **kwargs: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family == socket.AF_UNIX or str(host).startswith(_LOCAL):
            return original(self, address, *args, **kwargs)
        raise RuntimeError(f"test tried to reach the network: {address!r}")

    return connect


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Block outgoing connections except to loopback, so a test that needs the net fails."""
    monkeypatch.setattr(socket.socket, "connect", _guard(socket.socket.connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guard(socket.socket.connect_ex))
    return


@pytest.fixture
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak English (``PLANNER_LANG=en``, as ``--lang en``): for tests that pin the
    English wording of messages; tests/test_language.py covers the Indonesian default."""
    monkeypatch.setenv("PLANNER_LANG", "en")
