#!/usr/bin/python3
"""saidby on Dask: a JSON Lines corpus cut into partitions, each extracted on a Dask worker.

Contract. The input is cut at line boundaries into --partitions contiguous byte ranges. Each
worker gets its partition's bytes, runs `saidby extract --format jsonl -` on them, then
`saidby compare <its quotes> -o DIR`, and sends both outputs back. The driver writes
OUT/parts/NNNNN/{quotes.jsonl,compare/}, concatenates the quotes in partition order into
OUT/quotes.jsonl (byte-identical to one `saidby extract --format jsonl -` over the whole input)
and merges the compare folders with `saidby compare --merge ... -o OUT/compare`.
At most 2 partitions per worker are in flight; the driver holds one partition's bytes at a time
while submitting. The saidby binary (--saidby) must exist at that path on every worker.
Exit status as saidby's: 0 all documents extracted, 1 some were reported and skipped (see
stderr), 2 a partition or the merge failed.

Example:
  tools/dask/saidby_dask.py corpus.jsonl --partitions 64 -o out                  # LocalCluster
  tools/dask/saidby_dask.py corpus.jsonl --scheduler tcp://HOST:8786 --saidby /opt/saidby/bin/saidby -o out
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def partition_ranges(path, partitions):
    """Byte ranges [start, end) of `partitions` contiguous pieces of whole lines (some may be
    empty for tiny inputs; those are dropped)."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as f:
        for i in range(1, partitions):
            target = max(size * i // partitions, cuts[-1])
            f.seek(target)
            if target > 0:
                f.seek(target - 1)
                f.readline()  # to just after the next newline (or stay if at a line start)
            cuts.append(min(max(f.tell(), cuts[-1]), size))
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def compare_partition(saidby, quotes_path, out_dir):
    """`saidby compare QUOTES -o DIR` for one partition; returns (status, stderr)."""
    p = subprocess.run([saidby, "compare", "-q", quotes_path, "-o", out_dir],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def merge_compares(saidby, part_dirs, out_dir):
    """`saidby compare --merge DIR... -o OUT`; returns (status, stderr)."""
    p = subprocess.run([saidby, "compare", "-q", "--merge", *part_dirs, "-o", out_dir],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def run_partition(index, data, saidby, extract_args, compare):
    """Runs on a worker: extract (and compare) one partition. Returns its outputs as bytes, so
    workers need no shared file system."""
    result = {"index": index, "quotes": b"", "compare": {}, "stderr": "", "status": 0}
    p = subprocess.run([saidby, "extract", "--format", "jsonl", *extract_args, "-"],
                       input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    result["quotes"] = p.stdout
    result["stderr"] = p.stderr.decode("utf-8", "replace")
    result["status"] = p.returncode
    if p.returncode not in (0, 1) or not compare:
        return result
    with tempfile.TemporaryDirectory(prefix="saidby-dask-") as tmp:
        quotes = os.path.join(tmp, "quotes.jsonl")
        with open(quotes, "wb") as f:
            f.write(p.stdout)
        out = os.path.join(tmp, "compare")
        status, err = compare_partition(saidby, quotes, out)
        result["stderr"] += err
        if status not in (0, 1):
            result["status"] = 2
            result["stderr"] += f"saidby compare exited {status}\n"
            return result
        result["status"] = max(result["status"], status)
        for root, _, files in os.walk(out):
            for name in files:
                full = os.path.join(root, name)
                with open(full, "rb") as f:
                    result["compare"][os.path.relpath(full, out)] = f.read()
    return result


def write_partition(out_dir, r):
    part = os.path.join(out_dir, "parts", f"{r['index']:05d}")
    os.makedirs(part, exist_ok=True)
    with open(os.path.join(part, "quotes.jsonl"), "wb") as f:
        f.write(r["quotes"])
    for rel, content in r["compare"].items():
        path = os.path.join(part, "compare", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content)
    return part


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines corpus ({\"id\", \"source\", \"text\"} per line)")
    ap.add_argument("-o", "--output", required=True, help="output folder (created)")
    ap.add_argument("--partitions", type=int, default=8, help="number of partitions (default 8)")
    ap.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://HOST:8786 "
                    "(default: a LocalCluster on this machine)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    ap.add_argument("--saidby", default=shutil.which("saidby") or "saidby",
                    help="saidby binary, same path on every worker (default: saidby on PATH)")
    ap.add_argument("-j", "--jobs", type=int, default=1,
                    help="saidby threads per partition (default 1: Dask provides the parallelism)")
    ap.add_argument("--no-compare", action="store_true", help="extract only; skip compare and merge")
    ap.add_argument("--extract-arg", action="append", default=[],
                    help="extra argument for saidby extract (repeatable), e.g. --extract-arg=--keep-scare")
    args = ap.parse_args()
    if args.partitions < 1:
        ap.error("--partitions must be at least 1")

    from distributed import Client, LocalCluster, as_completed  # noqa: imported late: --help stays fast

    saidby = os.path.abspath(args.saidby) if os.path.exists(args.saidby) else args.saidby
    extract_args = ["-q", "-j", str(args.jobs), *args.extract_arg]
    compare = not args.no_compare
    os.makedirs(args.output, exist_ok=True)
    ranges = partition_ranges(args.input, args.partitions)

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    status = 0
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        in_flight = 2 * workers
        pending = as_completed()
        submitted = 0
        done = {}
        with open(args.input, "rb") as f:
            def submit_next():
                nonlocal submitted
                start, end = ranges[submitted]
                f.seek(start)
                data = f.read(end - start)
                pending.add(client.submit(run_partition, submitted, data, saidby, extract_args,
                                          compare, pure=False))
                submitted += 1
            while submitted < len(ranges) and submitted < in_flight:
                submit_next()
            for future in pending:
                try:
                    r = future.result()
                except Exception as e:  # a lost worker or a task error: report, keep going
                    sys.stderr.write(f"saidby_dask: a partition failed: {e!r}\n")
                    status = 2
                    if submitted < len(ranges):
                        submit_next()
                    continue
                finally:
                    future.release()
                for line in r["stderr"].splitlines():
                    sys.stderr.write(f"partition {r['index']}: {line}\n")
                status = max(status, 2 if r["status"] not in (0, 1) else r["status"])
                done[r["index"]] = write_partition(args.output, r)
                if submitted < len(ranges):
                    submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    # Partition order is input order: the concatenation is the single-process output.
    with open(os.path.join(args.output, "quotes.jsonl"), "wb") as out:
        for i in range(len(ranges)):
            if i not in done:
                sys.stderr.write(f"saidby_dask: partition {i} is missing from {args.output}/quotes.jsonl\n")
                continue
            with open(os.path.join(done[i], "quotes.jsonl"), "rb") as f:
                shutil.copyfileobj(f, out)
    if compare and status < 2:
        parts = [os.path.join(done[i], "compare") for i in range(len(ranges))]  # all present
        merged, err = merge_compares(saidby, parts, os.path.join(args.output, "compare"))
        sys.stderr.write(err)
        if merged not in (0, 1):
            sys.stderr.write(f"saidby_dask: saidby compare --merge exited {merged}\n")
            status = 2
    print(f"saidby_dask: {len(ranges)} partitions -> {args.output}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
