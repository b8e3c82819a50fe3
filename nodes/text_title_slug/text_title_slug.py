"""A headline and its URL slug from raw text, as a composite of three text nodes."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first
    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / "src" / "python") if (p / "loki_runtime").is_dir()][:1]
from loki_runtime import compose  # noqa: E402

text_replace = compose.node("text_replace", __file__)
text_case = compose.node("text_case", __file__)
text_slugify = compose.node("text_slugify", __file__)


@compose.entry(__file__)
def run(text, find="_", replace=" "):
    """One cleaned text feeds both the title casing and the slug; the replacement count comes along."""
    cleaned = text_replace(text=text, find=find, replace=replace)
    title = text_case(text=cleaned["text"], mode="title")["text"]
    slug = text_slugify(text=cleaned["text"], separator="-", max_length=40)["text"]
    return {"title": title, "slug": slug, "replaced": cleaned["count"]}


if __name__ == "__main__":
    raise SystemExit(run.main())
