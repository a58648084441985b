"""Work done in two processes comes back whole and in order, whatever the child does."""

from __future__ import annotations

import os

import pytest

from desktop.screen import halves

pytestmark = pytest.mark.skipif(not halves.can_fork(), reason="the second process is forked (Linux)")


def test_every_result_comes_back_in_order_and_the_child_did_half():
    parent = os.getpid()
    done = halves.map_in_two(lambda x: (x * x, os.getpid()), list(range(1001)), least=10)
    assert [r for r, _ in done] == [x * x for x in range(1001)]
    pids = {pid for _, pid in done[1::2]}
    assert parent not in pids and len(pids) == 1  # every other item, in one child
    assert {pid for _, pid in done[0::2]} == {parent}


def test_a_failing_child_loses_nothing():
    parent = os.getpid()

    def fn(x):
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return x + 1

    assert halves.map_in_two(fn, list(range(50)), least=10) == list(range(1, 51))


def test_a_child_that_dies_loses_nothing():
    parent = os.getpid()

    def fn(x):
        if os.getpid() != parent:
            os._exit(3)  # killed, as by the out-of-memory killer
        return -x

    assert halves.map_in_two(fn, list(range(50)), least=10) == [-x for x in range(50)]


def test_a_short_list_stays_in_this_process():
    parent = os.getpid()
    assert halves.map_in_two(lambda x: os.getpid(), list(range(5)), least=10) == [parent] * 5


def test_an_error_in_this_process_is_raised_here():
    def fn(x):
        if x == 4:
            raise ValueError("bad item")
        return x

    with pytest.raises(ValueError, match="bad item"):
        halves.map_in_two(fn, list(range(40)), least=10)
