"""The Ray engine: the same pipeline as Ray Data `map_batches`, one pipeline per actor.

Runs on a local Ray started on the fly, or on an existing cluster given its address
(every node needs presslens installed). The driver reads pending articles from the
store and writes results back, so the database never has to be reachable from workers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.errors import PresslensError


class _Analyser:
    """A Ray actor: loads the pipeline once, then analyses every batch it is given."""

    def __init__(self, components: tuple[str, ...] | None = None) -> None:
        # deferred: spaCy loads inside the Ray actor's process
        from presslens.engines.local import load_pipeline

        self.pipeline = load_pipeline(components)

    def __call__(self, batch: dict) -> dict:
        articles = [Article.from_dict(json.loads(item)) for item in batch["article"]]
        return {"analysis": [json.dumps(a.to_dict(), ensure_ascii=False) for a in self.pipeline.analyze_many(articles)]}


def _start_ray(address: str | None, workers: int) -> None:
    try:
        # deferred: Ray is an optional extra
        import ray
    except ImportError as exc:
        raise PresslensError("the ray engine needs Ray: pip install 'presslens[ray]'") from exc
    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
                 object_store_memory=512 * 1024 * 1024)


def run_ray(chunks: Iterable[list[Article]], workers: int, address: str | None = None,
            batch_size: int = 16, components: tuple[str, ...] | None = None) -> Iterator[list[Analysis]]:
    """Analyses each chunk of articles as one Ray dataset; yields each chunk's analyses in order."""
    # deferred: Ray is an optional extra
    import ray

    _start_ray(address, workers)
    for chunk in chunks:
        items = [{"article": json.dumps(a.to_dict(), ensure_ascii=False)} for a in chunk]
        dataset = ray.data.from_items(items).map_batches(
            _Analyser, fn_constructor_kwargs={"components": components},
            concurrency=max(1, workers), batch_size=batch_size, num_cpus=1,
        )
        by_id = {}
        for row in dataset.iter_rows():
            analysis = Analysis.from_dict(json.loads(row["analysis"]))
            by_id[analysis.article.id] = analysis
        yield [by_id[a.id] for a in chunk]
