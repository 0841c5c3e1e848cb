"""The reader screen's frame timer, on a clock of the test's own (no time is measured): a
frame asked for an interval or more after the last starts at once, one asked for sooner
waits for the rest of the interval, and never for more."""

from __future__ import annotations

import asyncio

from textual._context import active_app
from textual.app import App
from textual.timer import Timer

from tui.reader.app import make_app
from tui.reader.screens.pacing import FrameTimer

INTERVAL = 1 / 60


class Target:
    """What the timer is for (the screen, in the reader)."""


class Clock:
    """Time that moves only when told to or slept through; the sleeps asked for are kept."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def frames(monkeypatch, timer_class, asks: list[float]) -> tuple[list[float], list[float]]:
    """Ask `timer_class` for a frame after each pause in `asks` (seconds, from the start or
    from the end of the last frame's work), each frame pausing it as the screen's does:
    when each frame started, and the sleeps."""
    clock = Clock()
    monkeypatch.setattr("textual._time.get_time", clock.time)
    monkeypatch.setattr("textual.timer._time.get_time", clock.time)
    monkeypatch.setattr("textual.timer.sleep", clock.sleep)
    monkeypatch.setattr(FrameTimer, "clock", staticmethod(clock.time))
    monkeypatch.setattr(FrameTimer, "sleep", staticmethod(clock.sleep))
    active_app.set(App())  # what a timer's tick looks up; never run
    started: list[float] = []
    timer: Timer

    def frame() -> None:
        timer.pause()
        started.append(clock.now)
        clock.now += 0.012  # the frame's own work

    target = Target()
    timer = timer_class(target, INTERVAL, callback=frame, pause=True)
    timer._start()
    for pause in asks:
        clock.now += pause
        timer.resume()
        for _ in range(20):
            await asyncio.sleep(0)
    timer.stop()
    return started, clock.slept


#: An idle time, then a key 2 ms after its frame's work is done; again.
ASKS = [0.5, 0.002, 1.0, 0.002]


async def test_a_frame_waits_only_for_the_rest_of_the_interval(monkeypatch):
    started, slept = await frames(monkeypatch, FrameTimer, ASKS)
    first, second, third, fourth = started
    assert first == 1000.5  # at once
    assert abs(second - (first + INTERVAL)) < 1e-9  # an interval after the first began
    assert third == second + 0.012 + 1.0  # at once
    assert abs(fourth - (third + INTERVAL)) < 1e-9
    assert all(wait <= INTERVAL for wait in slept)


async def test_textual_s_own_timer_waited_longer_after_an_idle_time(monkeypatch):
    """Why the reader has its own: the same asks on Textual's timer."""
    started, _ = await frames(monkeypatch, Timer, ASKS)
    assert started[3] - started[2] > INTERVAL * 1.5


async def test_the_reader_screen_draws_with_the_frame_timer(seed):
    async with make_app(briefings=[seed]).run_test() as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen._update_timer, FrameTimer)
