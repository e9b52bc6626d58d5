"""Brings the other Markdown files the genre is measured on (benchmarks/data/nonprd.tsv: public
decision records, RFCs, design documents, postmortems, minutes, guides, READMEs, changelogs,
roadmaps) into ../shared/nonprd/docs, each from its repository at the commit named, so that
train_genre.py and genre_eval.py read the same text on every machine. Files already there are
left alone. Needs the network (raw.githubusercontent.com).

    python benchmarks/fetch_nonprd.py
"""

from __future__ import annotations

import csv
import sys
import urllib.error
import urllib.request

from genre_data import MANIFEST, NONPRD

_RAW = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"
_TIMEOUT = 30


def main() -> None:
    target = NONPRD / "docs"
    target.mkdir(parents=True, exist_ok=True)
    failed = 0
    with MANIFEST.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        path = target / f"{row['id']}.md"
        if path.exists():
            continue
        url = _RAW.format(**row)
        try:
            with urllib.request.urlopen(url, timeout=_TIMEOUT) as response:
                path.write_bytes(response.read())
        except (urllib.error.URLError, TimeoutError) as error:
            failed += 1
            print(f"{row['id']}: {url}: {error}", file=sys.stderr)
    print(f"{len(rows) - failed} of {len(rows)} files in {target}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
