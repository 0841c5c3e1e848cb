"""The garbage collector is paused while loading, whatever the nesting and the threads."""

from __future__ import annotations

import gc
import threading

from tui.store import collector


def test_paused_nests_and_restores_the_collector():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block is still open
    assert gc.isenabled()


def test_blocks_in_two_threads_leave_the_collector_on_when_both_end():
    inside, release = threading.Event(), threading.Event()

    def loader():
        with collector.paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=loader)
    thread.start()
    inside.wait(5)
    with collector.paused():
        pass
    assert not gc.isenabled()  # the other thread's block is still open
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_keep_moves_what_is_alive_out_of_the_collectors_sight():
    before = gc.get_freeze_count()
    try:
        with collector.paused(keep=True):
            kept = [[i] for i in range(1000)]
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()


def test_hold_off_full_freezes_what_is_alive_and_raises_only_the_full_threshold():
    before = gc.get_threshold()
    try:
        kept = [[n] for n in range(1000)]  # tracked by the collector
        frozen = gc.get_freeze_count()
        collector.hold_off_full()
        assert gc.get_freeze_count() >= frozen + len(kept)
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2]
        assert full == max(collector.FULL_AFTER, before[2])
        collector.hold_off_full()  # again: the thresholds stay as they are
        assert gc.get_threshold() == (young, middle, full)
    finally:
        gc.set_threshold(*before)


def test_the_start_up_pause_lasts_until_its_end_whatever_blocks_open_and_close_inside():
    assert gc.isenabled()
    try:
        collector.pause_for_start()
        assert not gc.isenabled()
        collector.pause_for_start()  # once only: one end closes it
        with collector.paused():
            pass
        assert not gc.isenabled()  # a block inside it ends; the pause goes on
        collector.resume_after_start()
        assert gc.isenabled()
        collector.resume_after_start()  # again, or with no pause open: nothing
        assert gc.isenabled()
    finally:
        collector.resume_after_start()
        gc.enable()


def test_a_block_open_when_the_start_up_pause_ends_keeps_the_collector_off():
    try:
        collector.pause_for_start()
        with collector.paused():
            collector.resume_after_start()
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        collector.resume_after_start()
        gc.enable()
