"""How often a title line is recognised, and how often a first paragraph is taken for one.

Three passes over the IndoSum folds, through ``summarizer.text.clean.clean`` (where the
title line is recognised) and ``summarize``:

- **as sent**: each article as it is (no title line). Every title found is a first
  paragraph mistaken for one: the figure should be about 0.
- **title first, Title Case**: the real title (from the URL slug, see
  ``benchmarks/indosum.py``, every word capitalised) on a line before the article, as a
  CMS sends it. The share recognised should be nearly all; the summary and headlines
  should then be those of ``summarize(article, title=title)``.
- **title first, sentence case**: the same title with only its first letter capitalised,
  which is recognised only before a dateline (the form gives nothing else away).

    python -m benchmarks.title_line --data /work/shared/data/indosum [--show 10]
"""

from __future__ import annotations

import argparse

from .indosum import Article, load


def title_case(title: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in title.split())


def sentence_case(title: str) -> str:
    return title[:1].upper() + title[1:]


def _same_output(text: str, article: Article, title: str) -> bool:
    from summarizer import summarize

    got, want = summarize(text), summarize(article.text, title=title)
    return (got.summary, [h.text for h in got.headlines]) == (
        want.summary,
        [h.text for h in want.headlines],
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("--show", type=int, default=0, help="print this many misses per pass")
    args = parser.parse_args(argv)
    from summarizer.text.clean import clean

    articles = list(load(args.data))
    titled = [a for a in articles if a.title]
    mistaken = [a for a in articles if clean(a.text).title is not None]
    rows = [("as sent (a title found is a mistake)", len(mistaken), len(articles), "")]
    misses: dict[str, list[str]] = {"as sent": [f"{a.id}: {clean(a.text).title}" for a in mistaken]}
    for name, case in (("Title Case", title_case), ("sentence case", sentence_case)):
        found = same = 0
        missed = []
        for article in titled:
            title = case(article.title)  # type: ignore[arg-type]
            text = f"{title}\n\n{article.text}"
            if clean(text).title == title:
                found += 1
                same += name == "Title Case" and _same_output(text, article, title)
            else:
                missed.append(f"{article.id}: {title}")
        note = f"output = summarize(article, title=…) for {same:,}" if name == "Title Case" else ""
        rows.append((f"title first, {name}", found, len(titled), note))
        misses[name] = missed
    print(f"{len(articles):,} IndoSum articles, {len(titled):,} with a title in the URL")
    print()
    print("| pass | title lines recognised | articles | share | |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, found, total, note in rows:
        print(f"| {name} | {found:,} | {total:,} | {found / total:.1%} | {note} |")
    for name, lines in misses.items():
        for line in lines[: args.show]:
            print(f"  {name}: {line}")


if __name__ == "__main__":
    main()
