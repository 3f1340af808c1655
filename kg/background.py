"""Work beside the build on its second core: a function run in a process forked from this one.

After extraction a build runs on one core, and its stages hold the GIL, so a thread
would not run beside them. A forked child sees the build's memory as it is at the
fork, copy-on-write: it costs only the pages it touches (Python's reference counts
make every object it reads a touched page), so it suits work that reads a small part
of a large graph, such as the views.

:func:`in_background` runs ``function(*args)`` in the child while the block runs,
and gives the block a way to wait for its result. A failure in the child is raised
in the parent when it waits, or at the end of the block if it did not; a failure in
the block ends the child. Where ``fork`` is missing (Windows), the function runs in
this process, before the block.

>>> with in_background(sorted, [3, 1, 2]) as result:
...     pass  # the build's own work
>>> result()
[1, 2, 3]
>>> with in_background(int, "x") as result:
...     pass
Traceback (most recent call last):
ValueError: invalid literal for int() with base 10: 'x'
"""

from __future__ import annotations

import multiprocessing
import pickle
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, TypeVar

Result = TypeVar("Result")

_FORK = "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def in_background(function: Callable[..., Result], *args: Any) -> Iterator[Callable[[], Result]]:
    """Run ``function(*args)`` in a forked process while the block runs; yield a function that
    waits for it and returns its result (or raises its exception)."""
    if not _FORK:
        value = function(*args)
        yield lambda: value
        return
    receiving, sending = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_run, args=(sending, function, args), name=f"kg-{getattr(function, '__name__', 'work')}"
    )
    child.start()
    sending.close()  # the child's end: the parent then sees the pipe close if the child dies
    outcome: list[Result] = []

    def result() -> Result:
        if not outcome:
            outcome.append(_received(receiving, child))
        return outcome[0]

    try:
        yield result
        result()  # a block that did not wait still learns of a failure
    finally:
        if child.is_alive():  # the block failed: the child's work is not wanted
            child.terminate()
        child.join()
        receiving.close()


def _run(sending: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        message: tuple[bool, Any] = (True, function(*args))
    except BaseException as error:  # every failure goes to the parent, which raises it
        message = (False, error)
    try:
        sending.send(message)
    except (pickle.PicklingError, TypeError, AttributeError):  # an exception that cannot be pickled
        error = message[1]
        sending.send((False, RuntimeError("".join(traceback.format_exception(error)).rstrip())))
    sending.close()


def _received(receiving: Connection, child: multiprocessing.process.BaseProcess) -> Any:
    try:
        succeeded, value = receiving.recv()
    except EOFError:
        child.join()
        raise RuntimeError(f"{child.name}: the process ended (exit code {child.exitcode})") from None
    if not succeeded:
        raise value
    return value
