"""saidby: find quotations in news articles and who said them.

    import saidby
    for row in saidby.extract("“We will not sign,” said Anna Keller."):
        print(row["speaker"], row["quote"], row["start"], row["end"])

Each row is a dict with the fields of `saidby extract` (README.md, CONTRACT.md); every offset
counts code points, so ``text[row["start"]:row["end"]] == row["quote"]``. ``Rules(path)``
loads a rules folder once (the shipped English rules by default) and releases the GIL while it
extracts, so threads extract in parallel.
"""

import os

from ._saidby import Rules, __version__, INSTALLED_RULES_DIR, SOURCE_RULES_DIR

__all__ = ["Rules", "extract", "extract_df", "default_rules", "__version__"]

_default = None


def default_rules():
    """The shipped rules, loaded on first use: $SAIDBY_RULES, else the installed ones, else the
    source tree's the module was built from."""
    global _default
    if _default is None:
        path = os.environ.get("SAIDBY_RULES")
        if not path:
            path = next((p for p in (INSTALLED_RULES_DIR, SOURCE_RULES_DIR) if os.path.isdir(p)),
                        INSTALLED_RULES_DIR)
        _default = Rules(path)
    return _default


def extract(text, rules=None, doc_id="", source="", keep_scare=False, direct_only=False):
    """The rows of one article: a list of dicts, offsets in code points."""
    if rules is None:
        rules = default_rules()
    elif isinstance(rules, (str, os.PathLike)):
        rules = Rules(os.fspath(rules))
    return rules.extract(text, doc_id=doc_id, source=source, keep_scare=keep_scare,
                         direct_only=direct_only)


def extract_df(texts, rules=None, source="", **options):
    """Every row of several articles as a pandas DataFrame (pandas must be installed). `texts`
    is a dict of doc id → text, or a sequence of texts (ids "1", "2", …)."""
    import pandas as pd

    items = texts.items() if isinstance(texts, dict) else ((str(i), t) for i, t in enumerate(texts, 1))
    rows = []
    for doc_id, text in items:
        rows.extend(extract(text, rules=rules, doc_id=doc_id, source=source, **options))
    columns = ["source", "doc", "quote_id", "start", "end", "kind", "speaker", "mention", "cue",
               "rule", "confidence", "quote", "pass", "mention_start", "mention_end",
               "cue_start", "cue_end"]
    df = pd.DataFrame(rows, columns=columns)
    for c in ("mention_start", "mention_end", "cue_start", "cue_end"):
        df[c] = df[c].astype("Int64")
    return df
