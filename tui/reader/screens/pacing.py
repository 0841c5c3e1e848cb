"""A screen that draws a key's frame as soon as Textual's frame rate allows, and that a
focus change does not repaint whole (docs/performance.md, "Keys, bytes and SSH")."""

from __future__ import annotations

from textual import _time
from textual.reactive import Reactive
from textual.screen import UPDATE_PERIOD, Screen
from textual.timer import EventTargetGone, Timer
from textual.widget import Widget


class FrameTimer(Timer):
    """The screen's update timer, paced from the last frame: a frame asked for an interval
    or more after the last one began starts at once, one asked for sooner waits for the
    rest of the interval. (Textual's own, after a frame that came late, as the first after
    an idle time does, waits for the second interval boundary, not the next: the key typed
    right after `/` waited up to two intervals for its frame.)"""

    clock = staticmethod(_time.get_time)
    sleep = staticmethod(_time.sleep)

    async def _run(self) -> None:
        last = float("-inf")  # when the last frame was started
        count = 0
        while self._repeat is None or count < self._repeat:
            await self._active.wait()  # paused until something asks for a frame
            wait = last + self._interval - self.clock()
            if wait > 0:
                await self.sleep(wait)
                await self._active.wait()
            last = self.clock()
            count += 1
            try:
                await self._tick(next_timer=last, count=count)
            except EventTargetGone:
                break


class PacedScreen(Screen):
    """A Screen whose frames are timed by FrameTimer. A new focus repaints the widgets whose
    looks it changes (their styles, a list's cursor row, the keys bar), not the screen."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    _frames: FrameTimer | None = None

    @property
    def _update_timer(self) -> Timer:
        """Replaces Screen's, which makes a Timer with Textual's own pacing."""
        if self._frames is None:
            self._frames = FrameTimer(self, UPDATE_PERIOD, name="screen_update",
                                      callback=self._on_timer_update, pause=True)
            self._frames._start()
            self._timers.add(self._frames)
        return self._frames
