"""Per-address limits: connection attempts and failed logins per minute."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable

__all__ = ["AddressLimiter"]

#: Addresses remembered at most; the least recently seen are forgotten first.
MAX_ADDRESSES = 10_000


class _Window:
    """Event times in the last ``span`` seconds, at most ``limit + 1`` kept."""

    __slots__ = ("times",)

    def __init__(self) -> None:
        self.times: deque[float] = deque()

    def count(self, now: float, span: float) -> int:
        times = self.times
        while times and times[0] <= now - span:
            times.popleft()
        return len(times)

    def add(self, now: float, limit: int) -> None:
        self.times.append(now)
        while len(self.times) > limit + 1:
            self.times.popleft()


class AddressLimiter:
    """Sliding one-minute windows per client address.

    ``attempts`` connections per minute are let through (0: no limit); an
    address with ``failures`` failed logins in the last minute is refused
    until the oldest of them is a minute old.
    """

    def __init__(self, attempts: int, failures: int, *, span: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.attempts = attempts
        self.failures = failures
        self.span = span
        self.clock = clock
        self._seen: OrderedDict[str, tuple[_Window, _Window]] = OrderedDict()

    def _windows(self, address: str) -> tuple[_Window, _Window]:
        windows = self._seen.pop(address, None) or (_Window(), _Window())
        self._seen[address] = windows
        while len(self._seen) > MAX_ADDRESSES:
            self._seen.popitem(last=False)
        return windows

    def connection(self, address: str) -> str | None:
        """Record an attempt; the reason to refuse it, or None to let it in."""
        now = self.clock()
        tries, failed = self._windows(address)
        if self.failures and failed.count(now, self.span) >= self.failures:
            return "too many failed logins"
        if self.attempts:
            if tries.count(now, self.span) >= self.attempts:
                return "too many connections"
            tries.add(now, self.attempts)
        return None

    def login_failed(self, address: str) -> None:
        if self.failures:
            self._windows(address)[1].add(self.clock(), self.failures)
