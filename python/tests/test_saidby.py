"""The Python module against the CLI and against Python's own string indexing."""

import concurrent.futures
import json
import os
import pathlib
import subprocess
import threading
import time

import pytest

import saidby

ROOT = pathlib.Path(os.environ["SAIDBY_SOURCE_DIR"])
SEEDS = ROOT / "corpus" / "seeds"
TEXT = ("Zürich — The harbour board met on Monday. “We will not sign this — not now, not ever,” "
        "said Anna Keller, the harbour master. Bo Berg, the treasurer, said the plan would fail.")


def test_rows_index_python_strings():
    rows = saidby.extract(TEXT, doc_id="z1", source="Wire")
    direct = [r for r in rows if r["kind"] != "reported"]
    assert [(r["speaker"], r["quote"]) for r in direct] == [
        ("Anna Keller", "We will not sign this — not now, not ever,")]
    for r in rows:
        assert (r["doc"], r["source"]) == ("z1", "Wire")
        assert TEXT[r["start"]:r["end"]] == r["quote"]
        assert TEXT[r["mention_start"]:r["mention_end"]] == r["mention"]
        assert TEXT[r["cue_start"]:r["cue_end"]] == r["cue"]
    reported = [r for r in rows if r["kind"] == "reported"]
    assert [(r["speaker"], r["quote"]) for r in reported] == [("Bo Berg", "the plan would fail")]
    assert [r["quote_id"] for r in rows] == [1, 2]
    assert saidby.extract(TEXT, direct_only=True) == [
        dict(r, doc="", source="") for r in direct]


def test_no_mention_gives_none():
    rows = saidby.extract("The word “synergy” appeared in a long and otherwise dull report.",
                          keep_scare=True)
    assert [r["kind"] for r in rows] == ["scare"]
    assert rows[0]["mention_start"] is None and rows[0]["cue_end"] is None
    assert saidby.extract("") == []


def cli_rows():
    out = subprocess.run([os.environ["SAIDBY_BINARY"], "extract", "--format", "jsonl",
                          "--offsets", "chars", str(SEEDS)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_same_rows_as_the_cli_on_the_seeds():
    expected = cli_rows()
    rules = saidby.Rules(str(ROOT / "rules" / "en"))
    got = []
    for path in sorted(SEEDS.glob("*.txt")):
        source = next(r["source"] for r in expected if r["doc"] == path.stem)
        got += rules.extract(path.read_text(encoding="utf-8"), doc_id=path.stem, source=source)
    assert len(got) == len(expected) > 20
    for g, e in zip(got, expected):
        assert g["confidence"] == pytest.approx(e["confidence"], abs=1e-3)
        for key in e:
            if key != "confidence":
                assert g[key] == e[key], (key, g, e)


def test_threads_give_the_serial_rows():
    rules = saidby.Rules(str(ROOT / "rules" / "en"))
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * 3
    serial = [rules.extract(t) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(rules.extract, texts)) == serial


def test_broken_rules_name_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    for f in (ROOT / "rules" / "en").iterdir():
        (rules / f.name).write_bytes(f.read_bytes())
    with open(rules / "patterns.txt", "a", encoding="utf-8") as f:
        f.write("\n[broken\n")
    with pytest.raises(ValueError, match=r"patterns\.txt:\d+:1: section header has no closing"):
        saidby.Rules(str(rules))


def test_extract_df():
    pd = pytest.importorskip("pandas")
    df = saidby.extract_df({"a": TEXT, "b": "“Fine,” said Carl Dunn."}, source="Wire")
    assert isinstance(df, pd.DataFrame)
    assert list(df["doc"]) == ["a", "a", "b"]
    assert list(df["speaker"]) == ["Anna Keller", "Bo Berg", "Carl Dunn"]
    assert list(df.columns[:3]) == ["source", "doc", "quote_id"]
    assert str(df["mention_start"].dtype) == "Int64"
    assert saidby.extract_df(["“Fine,” said Carl Dunn."])["doc"].tolist() == ["1"]


def test_extract_releases_the_gil():
    # While one thread extracts, the main thread keeps running Python: the longest pause it sees
    # is far shorter than the extraction (holding the GIL, it would pause for all of it).
    rules = saidby.Rules(str(ROOT / "rules" / "en"))
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text, took = seeds, 0.0
    while took < 0.5:
        text = text + "\n\n" + text
        start = time.perf_counter()
        rules.extract(text)
        took = time.perf_counter() - start
    # Best of three: a loaded machine may deschedule the main thread once in a while.
    pauses = []
    for _ in range(3):
        worker = threading.Thread(target=rules.extract, args=(text,))
        longest, last = 0.0, time.perf_counter()
        worker.start()
        while worker.is_alive():
            now = time.perf_counter()
            longest, last = max(longest, now - last), now
        worker.join()
        pauses.append(longest)
    assert min(pauses) < took / 2, (pauses, took)
