"""The extraction cache: hits by content, invalidation by pipeline, and survival of kill -9."""

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from kg.cache import ExtractionCache, cache_file, decode, encode
from kg.model import Abbreviation, Mention, Paper, PaperMentions

PAPER = Paper("p1", "DPO at scale", "We propose Direct Preference Optimization (DPO). It beats PPO.")
FOUND = PaperMentions(
    PAPER,
    (
        Mention("DPO", "Method", "title", 0, 3, None, (0, 12)),
        Mention("Direct Preference Optimization", "Method", "abstract", 11, 41, "introduced", (0, 48)),
        Mention("PPO", "Method", "abstract", 58, 61, None, (49, 62)),
    ),
    (Abbreviation("Direct Preference Optimization", "DPO"),),
)


def test_encoding_round_trips_every_field():
    assert decode(encode(FOUND), PAPER) == FOUND


def test_a_stored_extraction_is_found_by_content_not_by_id(tmp_path):
    with ExtractionCache(cache_file(tmp_path)) as cache:
        assert cache.lookup([PAPER]) == [None]
        cache.store([(PAPER, encode(FOUND))])
    renamed = Paper("other-id", PAPER.title, PAPER.abstract, source="elsewhere.jsonl:9")
    edited = Paper("p1", PAPER.title, PAPER.abstract + " More.")
    with ExtractionCache(cache_file(tmp_path)) as cache:
        again, moved, changed = cache.lookup([PAPER, renamed, edited])
        assert (cache.hits, cache.misses) == (2, 1)
    assert again == FOUND
    assert moved == PaperMentions(renamed, FOUND.mentions, FOUND.abbreviations)
    assert changed is None


def test_another_pipeline_empties_the_cache(tmp_path):
    path = tmp_path / "cache.sqlite3"
    with ExtractionCache(path, fingerprint="pipeline 1") as cache:
        cache.store([(PAPER, encode(FOUND))])
        assert len(cache) == 1
    with ExtractionCache(path, fingerprint="pipeline 2") as cache:
        assert len(cache) == 0 and cache.lookup([PAPER]) == [None]
    with ExtractionCache(path, fingerprint="pipeline 1") as cache:
        assert len(cache) == 0, "entries of pipeline 1 are gone for good"


def test_a_file_that_is_not_a_database_is_replaced(tmp_path):
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"half a page of something else" * 100)
    with ExtractionCache(path) as cache:
        assert cache.lookup([PAPER]) == [None]
        cache.store([(PAPER, encode(FOUND))])
        assert cache.lookup([PAPER]) == [FOUND]


def test_an_unreadable_entry_is_a_miss(tmp_path):
    path = tmp_path / "cache.sqlite3"
    with ExtractionCache(path) as cache:
        cache.store([(PAPER, b"\x78\x01garbage")])
        assert cache.lookup([PAPER]) == [None]


WRITER = textwrap.dedent(
    """
    import sys
    from kg.cache import ExtractionCache, encode
    from kg.model import Mention, Paper, PaperMentions

    with ExtractionCache(sys.argv[1]) as cache:
        for batch in range(10**6):
            papers = [Paper(f"p{i}", f"Model-{i}", "x" * 2000) for i in range(batch * 50, batch * 50 + 50)]
            cache.store(
                (p, encode(PaperMentions(p, (Mention(p.title, "Model", "title", 0, len(p.title)),))))
                for p in papers
            )
    """
)


def test_kill_9_while_storing_leaves_only_whole_entries(tmp_path):
    path = tmp_path / "cache.sqlite3"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if path.exists() and _rows(path) >= 500:
                break
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with ExtractionCache(path) as cache:
        stored = len(cache)
        assert stored >= 500 and stored % 50 == 0, "each batch is stored whole or not at all"
        papers = [Paper(f"p{i}", f"Model-{i}", "x" * 2000) for i in range(stored + 50)]
        found = cache.lookup(papers)
    assert all(f is not None and f.mentions[0].text == f"Model-{i}" for i, f in enumerate(found[:stored]))
    assert found[stored:] == [None] * 50


def _rows(path):
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]
    except sqlite3.OperationalError:  # the writer has not created the table yet
        return 0
