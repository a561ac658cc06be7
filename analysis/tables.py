"""Small presentational tables shared by the CLI and the notebooks."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Document


def corpus_table(docs: list[Document]) -> pd.DataFrame:
    """One row per article: what ``alignment corpus`` prints and the corpus notebook shows."""
    return pd.DataFrame(
        [
            {
                "doc_id": d.doc_id,
                "outlet": d.meta.get("outlet", ""),
                "published": d.meta.get("published", ""),
                "words": d.words,
                "language": d.language,
                "perspective": d.meta.get("perspective", ""),
            }
            for d in docs
        ],
        columns=["doc_id", "outlet", "published", "words", "language", "perspective"],
    )
