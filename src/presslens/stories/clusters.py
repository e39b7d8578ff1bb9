"""The clusterer's arrays: per article its vector, day, nearest cosines and density, per story
its centroid sum, size, density sum and date span; placing one article, and the merge pass.
Growing arrays double their capacity, so appending stays cheap."""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from presslens.stories.story import story_id as founder_story_id


def _grown(array: np.ndarray, needed: int, fill: float = 0.0) -> np.ndarray:
    if needed <= len(array):
        return array
    bigger = np.full((max(needed, 2 * len(array), 64), *array.shape[1:]), fill, dtype=array.dtype)
    bigger[: len(array)] = array
    return bigger


def _largest_at(values: np.ndarray, n: int) -> np.ndarray:
    """Where the `n` largest values are, in no order (a partial sort: the candidates can be every article)."""
    return np.argpartition(values, -n)[-n:] if len(values) > n else np.arange(len(values))


def _largest(values: np.ndarray, n: int) -> np.ndarray:
    return np.sort(values[_largest_at(values, n)])[::-1]


def _mean_finite(rows: np.ndarray) -> np.ndarray:
    finite = np.isfinite(rows)
    return np.where(finite, rows, 0).sum(axis=1) / np.maximum(finite.sum(axis=1), 1)


class Clusters:
    def __init__(self, neighbours: int, window_days: int) -> None:
        self.k, self.window = neighbours, window_days
        self.count = 0
        self.vectors = np.zeros((0, 0), np.float32)
        self.days = np.zeros(0)
        self.nearest = np.zeros((0, neighbours), np.float32)
        self.density = np.zeros(0, np.float32)
        self.label = np.zeros(0, np.int64)
        self._by_day: dict[int, list[int]] = defaultdict(list)
        # per story
        self.ids: list[str] = []
        self.founders: list[int] = []  # the position of the article that started it: the older story keeps its id
        self.member_lists: list[list[int]] = []
        self.sums = np.zeros((0, 0), np.float32)
        self.sizes = np.zeros(0)
        self.density_sums = np.zeros(0)
        self.first = np.zeros(0)
        self.last = np.zeros(0)
        self.alive = np.zeros(0, bool)
        self.changed: set[int] = set()  # stories joined, started or merged into since `settle`
        self.raised: set[int] = set()  # articles whose nearest cosines rose since `settle`
        self._unmerged: set[int] = set()

    def append(self, vector: np.ndarray, day: float, nearest: np.ndarray | None = None) -> int:
        """Stores an article's vector and day (and its nearest cosines, when known); its position."""
        at = self.count
        if self.vectors.shape[1] != len(vector):
            self.vectors = np.zeros((0, len(vector)), np.float32)
            self.sums = np.zeros((0, len(vector)), np.float32)
        self.vectors = _grown(self.vectors, at + 1)
        self.days = _grown(self.days, at + 1, math.nan)
        self.nearest = _grown(self.nearest, at + 1, -math.inf)
        self.density, self.label = _grown(self.density, at + 1), _grown(self.label, at + 1)
        self.vectors[at], self.days[at] = vector, day
        if nearest is not None:
            self.nearest[at] = nearest
            self.density[at] = _mean_finite(self.nearest[at : at + 1])[0]
        if not math.isnan(day):
            self._by_day[int(day)].append(at)
        self.count += 1
        return at

    def _window(self, first: float, last: float) -> np.ndarray | None:
        """Positions of the dated articles within the window of first..last; None for undated (all articles).
        Undated articles are left out of a dated one's window: they find their stories themselves, against
        everything (a tenth of a news corpus undated would otherwise be compared with every article)."""
        if math.isnan(first):
            return None
        days = range(int(first) - self.window, int(last) + self.window + 1)
        return np.array([at for day in days for at in self._by_day.get(day, ())], dtype=np.int64)

    def place(self, vector: np.ndarray, day: float, article_id: str, threshold: float, scored: int) -> None:
        """Appends an article and puts it in the best story within reach, or in a new one."""
        window = self._window(day, day)
        candidates = np.arange(self.count) if window is None else window
        at = self.append(vector, day)
        if not len(candidates):
            self._new_story(at, article_id)
            return
        # all earlier articles: a view of the matrix, not a copy of it
        cosines = (self.vectors[:at] if window is None else self.vectors[candidates]) @ vector
        nearest = _largest(cosines, self.k)
        self.nearest[at, : len(nearest)] = nearest
        self.density[at] = float(nearest.mean())
        self._raise_neighbours(candidates, cosines)
        closest = candidates[_largest_at(cosines, scored)]
        stories = np.unique(self.label[closest])
        scores = (2 * (self.sums[stories] @ vector) / self.sizes[stories] - self.density[at]
                  - self.density_sums[stories] / self.sizes[stories])
        best = int(np.argmax(scores))
        if scores[best] > threshold:
            self._join(int(stories[best]), [at])
        else:
            self._new_story(at, article_id)

    def _raise_neighbours(self, candidates: np.ndarray, cosines: np.ndarray) -> None:
        """The new article is among the nearest of some earlier ones: their densities rise."""
        weakest = self.nearest[candidates].argmin(axis=1)
        closer = cosines > self.nearest[candidates, weakest]
        if not closer.any():
            return
        rows = candidates[closer]
        self.nearest[rows, weakest[closer]] = cosines[closer]
        self.raised.update(rows.tolist())
        density = _mean_finite(self.nearest[rows]).astype(np.float32)
        np.add.at(self.density_sums, self.label[rows], density - self.density[rows])
        self.density[rows] = density

    def _new_story(self, at: int, article_id: str) -> int:
        return self.restore(founder_story_id(article_id), [at], founder=at)

    def restore(self, story_id: str, positions: list[int], founder: int | None = None) -> int:
        """A story of already appended articles; its index."""
        index = len(self.ids)
        self.ids.append(story_id)
        self.founders.append(min(positions) if founder is None else founder)
        self.member_lists.append([])
        self.sums = _grown(self.sums, index + 1)
        self.sizes, self.density_sums = _grown(self.sizes, index + 1), _grown(self.density_sums, index + 1)
        self.first, self.last = _grown(self.first, index + 1, math.nan), _grown(self.last, index + 1, math.nan)
        self.alive = _grown(self.alive, index + 1)
        self.alive[index] = True
        self._join(index, positions)
        return index

    def _join(self, index: int, positions: list[int]) -> None:
        self.label[positions] = index
        self.member_lists[index].extend(positions)
        self.sums[index] += self.vectors[positions].sum(axis=0)
        self.sizes[index] += len(positions)
        self.density_sums[index] += float(self.density[positions].sum())
        days = self.days[positions]
        if not np.isnan(days).all():
            self.first[index] = np.nanmin([self.first[index], np.nanmin(days)])
            self.last[index] = np.nanmax([self.last[index], np.nanmax(days)])
        self.changed.add(index)
        self._unmerged.add(index)

    def settle(self) -> None:
        """Forgets what changed: what is here now is what the store holds."""
        self.changed, self.raised, self._unmerged = set(), set(), set()

    def story_id(self, position: int) -> str:
        return self.ids[self.label[position]]

    def _scores_against(self, index: int, others: np.ndarray | slice) -> np.ndarray:
        """Scaled mean similarity of story `index` to each of `others` (average link, from the centroids)."""
        sizes = np.maximum(self.sizes[others], 1)  # merged-away stories are empty, and masked by the caller
        mean_cosine = (self.sums[others] @ self.sums[index]) / (sizes * self.sizes[index])
        return 2 * mean_cosine - self.density_sums[others] / sizes - self.density_sums[index] / self.sizes[index]

    def _best_partner(self, index: int) -> tuple[float, int] | None:
        window = None if math.isnan(self.first[index]) else self._window(self.first[index], self.last[index])
        if window is None:
            others = np.arange(len(self.ids))
            scores = self._scores_against(index, slice(0, len(self.ids)))
        else:
            others = np.unique(self.label[window])
            scores = self._scores_against(index, others)
        scores[(others == index) | ~self.alive[others]] = -np.inf
        if not len(others) or not np.isfinite(scores).any():
            return None
        best = int(np.argmax(scores))
        return float(scores[best]), int(others[best])

    def merge(self, threshold: float) -> dict[str, str]:
        """Merges, best pair first, stories changed since the last merge with their nearest stories,
        until no pair passes `threshold`; {merged id: kept id}."""
        merged: dict[str, str] = {}
        while self._unmerged:
            proposals = []
            for index in self._unmerged:
                partner = self._best_partner(index) if self.alive[index] else None
                if partner and partner[0] > threshold:
                    proposals.append((partner[0], index, partner[1]))
            self._unmerged = set()
            taken: set[int] = set()
            for _, a, b in sorted(proposals, reverse=True):
                if a in taken or b in taken:
                    continue
                keep, gone = (a, b) if self.founders[a] <= self.founders[b] else (b, a)
                merged[self.ids[gone]] = self.ids[keep]
                self._absorb(keep, gone)
                taken |= {a, b}
        return {gone: _followed(merged, kept) for gone, kept in merged.items()}

    def _absorb(self, keep: int, gone: int) -> None:
        positions = self.member_lists[gone]
        self.member_lists[gone] = []
        self.alive[gone] = False
        self.sums[gone], self.sizes[gone], self.density_sums[gone] = 0, 0, 0
        self.changed.discard(gone)
        self._unmerged.discard(gone)
        self._join(keep, positions)

    def members(self, changed_only: bool = False) -> dict[int, list[int]]:
        chosen = self.changed if changed_only else range(len(self.ids))
        return {index: self.member_lists[index] for index in sorted(chosen) if self.alive[index]}

    def centrality(self, index: int, positions: list[int]) -> np.ndarray:
        """Each member's cosine to the story's centroid."""
        centroid = self.sums[index] / max(float(np.linalg.norm(self.sums[index])), 1e-9)
        return self.vectors[positions] @ centroid


def _followed(merged: dict[str, str], kept: str) -> str:
    """The id a chain of merges ends with (a story merged into one that was merged later)."""
    while kept in merged:
        kept = merged[kept]
    return kept
