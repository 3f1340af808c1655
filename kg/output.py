"""All-or-nothing output folders: a build's files appear together or not at all.

A build writes into a fresh *staging* folder, which becomes the live version in
one atomic step. The output folder (say ``graphs/``) stays a plain folder, so files
that are not outputs (``graphs/README.md``, kept in git) live beside the outputs;
each output in it is a relative symlink through one pointer::

    graphs/kg.json     -> .kg-builds/current/kg.json
    graphs/lib         -> .kg-builds/current/lib
    graphs/.kg-builds/current -> build-1a2b3c    (the live version)
    graphs/.kg-builds/build-1a2b3c/kg.json, lib/, ...

Committing a build is one ``rename(2)`` of a new ``current`` symlink over the old
one, after every file of the new version is written and fsynced. Before that
rename the previous outputs are untouched; after it, the new ones are live. So a
failed build, Ctrl-C or ``kill -9`` at any moment leaves either the previous
outputs exactly as they were or the complete new ones. Links for names the new
build adds are made just before the rename (they dangle until it); links for
names it no longer writes are dropped just after (they dangle until then), and
old versions are deleted; the next build redoes any of that an interruption left.

One build at a time may write to a folder: a lock file (released by the kernel
even on ``kill -9``) makes a second one fail with a clear message.

A folder built by an older ``kg`` (plain files, no ``.kg-builds/``) is adopted on
the first build: its outputs are hard-linked into a version that ``current``
points to, then each is replaced by its link, which shows the same bytes (a
folder such as ``lib/`` is swapped for its link with Linux's atomic
``renameat2(RENAME_EXCHANGE)``; where that is missing, the folder is absent for
an instant, and a build killed in that instant has its link restored by the next).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp()) / "graphs"
>>> with staged_output(folder) as staging:
...     _ = (staging / "kg.json").write_text("{}")
>>> (folder / "kg.json").read_text(), (folder / "kg.json").is_symlink()
('{}', True)
>>> with staged_output(folder) as staging:
...     _ = (staging / "kg.json").write_text('{"new": 1}')
...     raise RuntimeError("the build failed")
Traceback (most recent call last):
RuntimeError: the build failed
>>> (folder / "kg.json").read_text()
'{}'
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError

VERSIONS = ".kg-builds"
CURRENT = "current"
_LOCK = "lock"
_VERSION_PREFIX = "build-"
_ASIDE_PREFIX = ".adopted-"
_TEMPORARY_SUFFIX = ".kg-tmp"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@contextmanager
def staged_output(folder: str | Path) -> Iterator[Path]:
    """A fresh staging folder whose contents replace ``folder``'s outputs on success.

    Write every output (files and folders) into the yielded path. When the block
    ends normally, the staged outputs become ``folder``'s outputs in one atomic
    step; when it raises (or the process dies), ``folder`` keeps its previous
    outputs and the staging folder is discarded.
    """
    folder = Path(folder)
    versions = folder / VERSIONS
    try:
        versions.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KgError(f"{folder}: cannot write the outputs here ({error.strerror})") from None
    with _locked(versions / _LOCK, folder):
        _tidy(folder)
        staging = _new_folder(versions, _VERSION_PREFIX)
        try:
            yield staging
            _sync_tree(staging)
            _adopt_plain_outputs(folder, names=_entries(staging))
            _link_outputs(folder, names=_entries(staging))
            _point(versions / CURRENT, staging.name)
        except BaseException:
            if not _is_live(staging):
                shutil.rmtree(staging, ignore_errors=True)
            raise
        _tidy(folder)


def output_names(folder: str | Path) -> list[str]:
    """The names of ``folder``'s live outputs, sorted.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with staged_output(folder) as staging:
    ...     (staging / "lib").mkdir()
    ...     _ = (staging / "kg.ttl").write_text("")
    >>> output_names(folder)
    ['kg.ttl', 'lib']
    """
    live = Path(folder) / VERSIONS / CURRENT
    return _entries(live) if live.is_dir() else []


@contextmanager
def _locked(lock_file: Path, folder: Path) -> Iterator[None]:
    with open(lock_file, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KgError(f"{folder}: another build is writing to this folder") from None
        yield


def _new_folder(parent: Path, prefix: str) -> Path:
    """A new folder with a unique name, readable as the umask allows (unlike ``mkdtemp``'s)."""
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            continue


def _is_live(version: Path) -> bool:
    live = version.parent / CURRENT
    return live.is_symlink() and os.readlink(live) == version.name


def _entries(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


def _link_target(name: str) -> str:
    return f"{VERSIONS}/{CURRENT}/{name}"


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symlink to ``target`` in one atomic rename, durably.

    The new link is made in the versions folder and renamed into place, so an
    interrupted call leaves nothing in the user's folder.
    """
    temporary = _temporary_link(link, target)
    os.replace(temporary, link)
    _sync_folder(link.parent)


def _temporary_link(link: Path, target: str) -> Path:
    versions = link.parent if link.parent.name == VERSIONS else link.parent / VERSIONS
    temporary = versions / f".{link.name}.{os.getpid()}{_TEMPORARY_SUFFIX}"
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    return temporary


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``).

    False where the system or file system cannot, and nothing was changed.
    """
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def _is_temporary(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(_TEMPORARY_SUFFIX)


def _is_our_link(path: Path) -> bool:
    return path.is_symlink() and os.readlink(path) == _link_target(path.name)


def _tidy(folder: Path) -> None:
    """Make the links match the live version and delete every other version.

    Idempotent: it finishes whatever an interrupted commit left undone.
    """
    versions = folder / VERSIONS
    live = versions / CURRENT
    names = set(_entries(live)) if live.is_dir() else set()
    _link_outputs(folder, sorted(names))
    for entry in folder.iterdir():
        if _is_our_link(entry) and entry.name not in names:
            entry.unlink()
    keep = {os.readlink(live)} if live.is_symlink() else set()
    for entry in versions.iterdir():
        if entry.is_symlink() and _is_temporary(entry):
            entry.unlink()
        elif _is_temporary(entry) or (
            entry.name.startswith((_VERSION_PREFIX, _ASIDE_PREFIX)) and entry.name not in keep
        ):
            shutil.rmtree(entry, ignore_errors=True)


def _link_outputs(folder: Path, names: list[str]) -> None:
    """Give each of ``names`` its link in ``folder``, if it has none.

    Before a commit, the links of new names dangle (nothing to read, as before);
    the commit makes them live.
    """
    for name in names:
        if not (folder / name).exists() and not (folder / name).is_symlink():
            _point(folder / name, _link_target(name))


def _adopt_plain_outputs(folder: Path, names: list[str]) -> None:
    """Turn plain files and folders at output names into links, the bytes they show unchanged.

    They are outputs of an older ``kg`` (or files left where an output goes): each
    is hard-linked into the live version (a new one, if there is none yet), then
    replaced by its link. Names the build does not write (a README, the user's
    own files) are left alone.
    """
    plain = [name for name in names if (folder / name).exists() and not (folder / name).is_symlink()]
    if not plain:
        return
    versions = folder / VERSIONS
    live = versions / CURRENT
    target = versions / os.readlink(live) if live.is_dir() else _new_folder(versions, _VERSION_PREFIX)
    for name in plain:
        # A live copy under a plain name is invisible; the plain one is what users see.
        if (target / name).is_dir() and not (target / name).is_symlink():
            shutil.rmtree(target / name)
        else:
            (target / name).unlink(missing_ok=True)
        if (folder / name).is_dir():
            shutil.copytree(folder / name, target / name, copy_function=os.link, symlinks=True)
        else:
            os.link(folder / name, target / name)
    _sync_tree(target)
    if not live.is_dir():
        _point(live, target.name)
    for name in plain:
        if not (folder / name).is_dir():
            _point(folder / name, _link_target(name))
            continue
        link = _temporary_link(folder / name, _link_target(name))
        if _exchange(link, folder / name):
            shutil.rmtree(link)  # now the old folder, whose files the live version holds
        else:
            # Without an atomic exchange the folder is briefly absent; the next build
            # restores its link if this one dies in that instant.
            aside = _new_folder(versions, _ASIDE_PREFIX)
            os.rename(folder / name, aside / name)
            _point(folder / name, _link_target(name))
    _sync_folder(folder)


def _sync_tree(root: Path) -> None:
    """fsync every file and folder under ``root``, so a crash cannot commit empty files."""
    for here, _, files in os.walk(root):
        for name in files:
            descriptor = os.open(os.path.join(here, name), os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        _sync_folder(Path(here))


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
