#!/usr/bin/env python3
"""Makes rules/library-catalogue.tsv: the most used PyPI and npm packages, each with its ecosystem.

Usage (from the repository's root; every argument has the default shown):

    python3 src/scripts/make_library_catalogue.py \
        --pypi /work/.library/env/packages/pypi.tsv \
        --npm /work/.library/env/packages/npm.tsv \
        --out rules/library-catalogue.tsv

The inputs are the registries' popularity lists (see the header this script writes). The output
is sorted and carries no clock time, so the same inputs give a byte-identical file. Python 3
standard library only. org.stackadvisor.internal.catalogue.LibraryCatalogue reads the file and
normalises names exactly as name_key() and pypi_name() below do.
"""

import argparse
import hashlib
import os
import re
import sys

DEFAULT_PYPI = "/work/.library/env/packages/pypi.tsv"
DEFAULT_NPM = "/work/.library/env/packages/npm.tsv"
DEFAULT_OUT = "rules/library-catalogue.tsv"

# Which packages are catalogued: PyPI's most downloaded down to this rank, npm's down to this many
# downloads a month.
PYPI_MAX_RANK = 5000
NPM_MIN_DOWNLOADS = 10_000_000
# A name in both registries goes to one ecosystem when its measure there is at least this many
# times its measure in the other; otherwise it is ambiguous.
CLEARLY = 10
# PyPI ranks only its 15,000 most downloaded packages.
PYPI_RANKED = 15000

PEP503 = re.compile(r"[-_.]+")


def pypi_name(name):
    """PEP 503: lowercase, and every run of '-', '_' and '.' becomes one '-'."""
    return PEP503.sub("-", name).lower()


def name_key(name):
    """npm's form of a name: lowercase. A catalogue key is a name as a project would write it."""
    return name.lower()


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_rows(path, columns):
    with open(path, encoding="utf-8", newline="\n") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        if header[:len(columns)] != columns:
            sys.exit(f"{path}:1: expected the columns {columns}, found {header[:len(columns)]}")
        for number, line in enumerate(handle, start=2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < len(columns):
                sys.exit(f"{path}:{number}: expected {len(columns)} columns, found {len(fields)}")
            yield number, fields


def read_pypi(path):
    """Every PyPI name (PEP 503 form) -> its rank, or None when outside the ranked 15,000; newest month."""
    ranks = {}
    newest = ""
    for number, fields in read_rows(path, ["name", "version", "month", "rank_among_15000_most_downloaded"]):
        name, month, rank = pypi_name(fields[0]), fields[2], fields[3]
        newest = max(newest, month)
        value = int(rank) if rank else None
        if value is not None and not 1 <= value <= PYPI_RANKED:
            sys.exit(f"{path}:{number}: rank {rank} is outside 1..{PYPI_RANKED}")
        old = ranks.get(name)  # None: not seen yet, or seen without a rank
        if old is None or (value is not None and value < old):
            ranks[name] = value
    return ranks, newest


def read_npm(path):
    """Every npm name (lowercase) -> downloads a month (0 when the list gives none)."""
    downloads = {}
    for number, fields in read_rows(path, ["name", "version", "downloads_a_month"]):
        name, count = name_key(fields[0]), fields[2]
        if count and not count.isdigit():
            sys.exit(f"{path}:{number}: downloads_a_month '{count}' is not a whole number")
        downloads[name] = max(downloads.get(name, 0), int(count or 0))
    return downloads


def pypi_measure(rank, top_downloads):
    """PyPI's comparable measure: an estimate of downloads a month from the rank (Zipf's law)."""
    return top_downloads // (rank if rank is not None else PYPI_RANKED + 1)


def ecosystem(key, pypi, npm, top_downloads):
    on_npm = key in npm
    pypi_key = pypi_name(key)
    on_pypi = pypi_key in pypi
    if not on_pypi:
        return "nodejs"
    if not on_npm:
        return "python"
    rank = pypi[pypi_key]
    measure = pypi_measure(rank, top_downloads)
    if npm[key] >= CLEARLY * measure:
        return "nodejs"
    # an unranked PyPI package's measure is an upper bound, never enough to favour Python
    if rank is not None and measure >= CLEARLY * npm[key]:
        return "python"
    return "ambiguous"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pypi", default=DEFAULT_PYPI)
    parser.add_argument("--npm", default=DEFAULT_NPM)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()

    pypi, pypi_month = read_pypi(args.pypi)
    npm = read_npm(args.npm)
    top_downloads = max(npm.values())

    keys = {name for name, rank in pypi.items() if rank is not None and rank <= PYPI_MAX_RANK}
    keys |= {name for name, count in npm.items() if count >= NPM_MIN_DOWNLOADS}
    rows = []
    counts = {"python": 0, "nodejs": 0, "ambiguous": 0}
    for key in sorted(keys):
        eco = ecosystem(key, pypi, npm, top_downloads)
        counts[eco] += 1
        in_pypi = pypi_name(key) in pypi
        rank = pypi[pypi_name(key)] if in_pypi else None
        rows.append("\t".join([
            key, eco,
            str(npm[key]) if key in npm else "",
            (str(rank) if rank is not None else f">{PYPI_RANKED}") if in_pypi else "",
        ]))

    header = [
        "# Stack Advisor library catalogue: the most used PyPI and npm packages, each with its ecosystem.",
        "# Generated; do not edit. Regenerate from the repository's root with:",
        "#   python3 src/scripts/make_library_catalogue.py --pypi PYPI.tsv --npm NPM.tsv --out rules/library-catalogue.tsv",
        "# Sources (same files, same output, byte for byte):",
        f"#   {os.path.basename(args.pypi)}: PyPI, every package with its rank among the {PYPI_RANKED:,} most downloaded;"
        f" newest month in its 'month' column {pypi_month}; {len(pypi):,} names; sha256 {sha256(args.pypi)}",
        f"#   {os.path.basename(args.npm)}: npm, downloads a month (the list gives no date; its file's hash names it);"
        f" {len(npm):,} names; sha256 {sha256(args.npm)}",
        f"# Catalogued: PyPI's packages of rank 1 to {PYPI_MAX_RANK:,} and npm's packages of at least"
        f" {NPM_MIN_DOWNLOADS:,} downloads a month.",
        "# Names: a row's name is a package name as a project writes it, lowercased (npm's form); a PyPI package",
        "#   is found under its PEP 503 form (lowercase, every run of '-', '_', '.' made one '-'). The name N",
        "#   means the npm package N and the PyPI package PEP503(N). A lookup tries the name lowercased, then its",
        "#   PEP 503 form (which then answers for PyPI only: a 'nodejs' row is not taken there).",
        "#   A scoped npm name (@scope/name) is catalogued as is; a lookup of any other @scope/... name, or of",
        "#   @scope alone, finds the family: nodejs when the catalogue holds a package of that scope.",
        "# Names in both registries: npm gives downloads a month; PyPI gives a rank only, so its measure is an",
        f"#   estimate by Zipf's law, downloads = {top_downloads:,} / rank, where {top_downloads:,} is npm's largest",
        f"#   count (the two registries' most used packages taken as equally used); a PyPI package below rank",
        f"#   {PYPI_RANKED:,} gets the bound {top_downloads:,} / {PYPI_RANKED + 1:,}, which can favour npm but never PyPI.",
        f"#   A name goes to an ecosystem when its measure there is at least {CLEARLY} times the other's;",
        "#   otherwise it is 'ambiguous' and weighs for neither. A name absent from a list counts as 0 there",
        "#   (npm's list leaves out packages of a few hundred downloads a month or less).",
        f"# Rows: {len(rows):,}: python {counts['python']:,}, nodejs {counts['nodejs']:,},"
        f" ambiguous {counts['ambiguous']:,}. Sorted by name (code points).",
        "# Columns: name, ecosystem (python, nodejs or ambiguous), npm_downloads_a_month (empty: not on npm's",
        f"#   list), pypi_rank (>{PYPI_RANKED}: on PyPI, not ranked; empty: not on PyPI).",
    ]
    text = "\n".join(header + ["name\tecosystem\tnpm_downloads_a_month\tpypi_rank"] + rows) + "\n"
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"{args.out}: {len(rows)} rows (python {counts['python']}, nodejs {counts['nodejs']},"
          f" ambiguous {counts['ambiguous']})", file=sys.stderr)


if __name__ == "__main__":
    main()
