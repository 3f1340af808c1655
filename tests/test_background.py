import os
import time

import pytest

from kg.background import in_background
from kg.errors import KgError


def test_the_result_comes_back_from_the_forked_process():
    with in_background(os.getpid) as child_pid:
        pass
    assert child_pid() != os.getpid()


def test_the_child_sees_the_memory_of_the_parent_as_at_the_fork():
    held = {"papers": list(range(1000))}
    with in_background(lambda: sum(held["papers"])) as total:
        held["papers"].clear()  # the parent's change is not the child's
    assert total() == sum(range(1000))


def test_a_failure_in_the_child_is_raised_in_the_parent_as_it_was():
    def failing() -> None:
        raise KgError("views.html: cannot write")

    with pytest.raises(KgError, match=r"views\.html: cannot write"), in_background(failing):
        pass


def test_a_child_that_dies_is_a_failure_that_names_it():
    def dying() -> None:
        os._exit(3)

    ended = r"kg-dying: the process ended \(exit code 3\)"
    with pytest.raises(RuntimeError, match=ended), in_background(dying) as result:
        result()


def test_a_failure_in_the_block_ends_the_child_without_waiting_for_it():
    start = time.monotonic()
    with pytest.raises(ValueError, match="the build failed"), in_background(time.sleep, 60):
        raise ValueError("the build failed")
    assert time.monotonic() - start < 30
