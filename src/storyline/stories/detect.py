"""Online story detection: one pass in arrival order, no look-ahead.

Each article joins the open story whose centroid is most similar to it, if that
similarity reaches `THRESHOLD`, or opens a new story. Vectors are tf-idf over hashed
terms, with document frequencies counted as the stream goes (so a word common in the
news so far weighs little). Candidates come from an inverted index: the article's
`CANDIDATE_TERMS` strongest terms, each listing the `POSTINGS` stories that most
recently had it among their strongest; so the work per article is bounded, however
many stories the stream has seen. A story idle for `WINDOW_DAYS` of stream time (the
latest date seen), or for `WINDOW_ARTICLES` arrivals, is closed: it takes no new
articles and leaves memory, but stays in the store.
"""

from __future__ import annotations

import heapq
from collections import deque
from dataclasses import dataclass
from datetime import date

import numpy as np

from .prepare import TERM_BITS

# Tuned on the Multi-News dev stream (BENCHMARKS.md shows the sweep; DUC 2006 not tuned).
THRESHOLD = 0.2
WINDOW_DAYS = 365  # DUC 2006 topics run for years: 30 days cut them (BENCHMARKS.md)
WINDOW_ARTICLES = 50_000
CANDIDATE_TERMS = 10
POSTINGS = 64
CENTROID_TERMS = 200  # a story's centroid keeps its strongest terms only: bounded memory


@dataclass
class Story:
    """An open story as detection sees it: its centroid (unit length) and last activity."""

    id: int
    terms: np.ndarray  # int64 term ids of the centroid ...
    weights: np.ndarray  # ... and their float32 weights, unit length
    last_date: str | None  # ISO date of its latest dated article
    last_seq: int  # arrival number of its latest article
    size: int = 1


@dataclass(frozen=True)
class Decision:
    story: int  # the story joined, or the new one's id
    opened: bool
    similarity: float  # to the story joined; to the best candidate when one is opened


class Detector:
    """The state of detection: document frequencies, open stories and their index.
    `from_state` and `changes` let a store save it and carry on after a restart."""

    def __init__(self, *, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS,
                 window_articles: int = WINDOW_ARTICLES):
        self.threshold = threshold
        self.window_days = window_days
        self.window_articles = window_articles
        self.df = np.zeros(1 << TERM_BITS, dtype=np.int32)
        self.articles = 0  # articles counted in df
        self.clock: str | None = None  # the latest date seen
        self.next_id = 1
        self.open: dict[int, Story] = {}
        self.postings: dict[int, deque[int]] = {}
        self._scratch = np.zeros(1 << TERM_BITS, dtype=np.float32)  # the article, densely
        self._dirty_terms: set[int] = set()
        self._dirty_stories: set[int] = set()
        self._closed: list[int] = []
        self._by_date: list[tuple[str, int]] = []  # heap of (last date, story) to close
        self._by_seq: deque[tuple[int, int]] = deque()  # (last seq, story), in arrival order

    @classmethod
    def from_state(cls, df: np.ndarray, articles: int, clock: str | None, next_id: int,
                   stories: list[Story], **settings) -> Detector:
        detector = cls(**settings)
        detector.df[:len(df)] = df
        detector.articles, detector.clock, detector.next_id = articles, clock, next_id
        for story in sorted(stories, key=lambda s: s.last_seq):
            detector._track(story)
        return detector

    def assign(self, terms: dict[int, int], published: str | None, seq: int) -> Decision:
        """Join the article (its hashed term counts) to a story or open one."""
        if published and (self.clock is None or published > self.clock):
            self.clock = published
        self._close_idle(seq)
        ids, weights = self._vector(terms)
        best, similarity = self._best(ids, weights)
        before = None
        if best is not None and similarity >= self.threshold:
            story = self.open[best]
            before = story.terms[:2 * CANDIDATE_TERMS]
            story.terms, story.weights = _top(np.concatenate([story.terms, ids]),
                                              np.concatenate([story.weights * story.size,
                                                              weights]))
            story.last_seq, story.size = seq, story.size + 1
            story.last_date = max(filter(None, (story.last_date, published)), default=None)
            decision = Decision(best, False, similarity)
        else:
            story = Story(self.next_id, *_top(ids, weights), published, seq)
            self.next_id += 1
            decision = Decision(story.id, True, similarity)
        self._track(story, before)
        return decision

    def changes(self) -> tuple[list[tuple[int, int]], list[Story], list[int]]:
        """What changed since the last call: document frequencies (term, count), stories
        (open ones whose centroid moved) and the ids of stories closed."""
        ids = np.fromiter(sorted(self._dirty_terms), dtype=np.int64,
                          count=len(self._dirty_terms))
        terms = list(zip(ids.tolist(), self.df[ids].tolist()))
        stories = [self.open[i] for i in sorted(self._dirty_stories) if i in self.open]
        closed, self._closed = self._closed, []
        self._dirty_terms.clear()
        self._dirty_stories.clear()
        return terms, stories, closed

    def _vector(self, terms: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
        """The article's unit tf-idf vector (term ids, weights); its terms are counted in
        df first."""
        self.articles += 1
        ids = np.fromiter(terms, dtype=np.int64, count=len(terms))
        self.df[ids] += 1
        self._dirty_terms.update(terms)
        tf = 1 + np.log(np.fromiter(terms.values(), dtype=np.float32, count=len(terms)))
        weights = tf * (np.log((self.articles + 1) / (self.df[ids] + 1)) + 1)
        return ids, (weights / (np.linalg.norm(weights) or 1)).astype(np.float32)

    def _best(self, ids: np.ndarray, weights: np.ndarray) -> tuple[int | None, float]:
        """The most similar open story among the candidates from the index (cosine)."""
        strongest = ids[np.argsort(-weights)[:CANDIDATE_TERMS]].tolist()
        candidates = {s for t in strongest for s in self.postings.get(t, ()) if s in self.open}
        if not candidates:
            return None, 0.0
        self._scratch[ids] = weights
        best, similarity = None, 0.0
        for s in sorted(candidates):
            story = self.open[s]
            sim = float(self._scratch[story.terms] @ story.weights)
            if sim > similarity:
                best, similarity = s, sim
        self._scratch[ids] = 0
        return best, similarity

    def _track(self, story: Story, before: np.ndarray | None = None) -> None:
        """Index the story under its strongest terms (leaving the terms it had `before`
        and has no more) and note its activity."""
        self.open[story.id] = story
        self._dirty_stories.add(story.id)
        strongest = story.terms[:2 * CANDIDATE_TERMS]
        if before is not None:
            for t in set(before.tolist()).difference(strongest.tolist()):
                posting = self.postings.get(t)
                if posting is not None and story.id in posting:
                    posting.remove(story.id)
                    if not posting:
                        del self.postings[t]
        for t in strongest.tolist():
            posting = self.postings.setdefault(t, deque(maxlen=POSTINGS))
            if story.id in posting:
                posting.remove(story.id)
            posting.append(story.id)
        self._by_seq.append((story.last_seq, story.id))
        if story.last_date:
            heapq.heappush(self._by_date, (story.last_date, story.id))

    def _close_idle(self, seq: int) -> None:
        """Close the stories idle beyond the window (entries made stale by later activity
        are dropped on the way)."""
        while self._by_seq and self._by_seq[0][0] <= seq - self.window_articles:
            last, s = self._by_seq.popleft()
            if s in self.open and self.open[s].last_seq == last:
                self._close(s)
        if self.clock is None:
            return
        horizon = date.fromordinal(date.fromisoformat(self.clock).toordinal()
                                   - self.window_days).isoformat()
        while self._by_date and self._by_date[0][0] < horizon:
            last, s = heapq.heappop(self._by_date)
            if s in self.open and self.open[s].last_date == last:
                self._close(s)

    def _close(self, story: int) -> None:
        """The story leaves memory: its centroid, and its entries in the index."""
        closed = self.open.pop(story)
        self._closed.append(story)
        for t in closed.terms[:2 * CANDIDATE_TERMS].tolist():
            posting = self.postings.get(t)
            if posting is not None and story in posting:
                posting.remove(story)
                if not posting:
                    del self.postings[t]


def _top(terms: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A centroid from (possibly repeated) terms and weights: weights of a term summed,
    the `CENTROID_TERMS` strongest kept, strongest first, made unit length."""
    unique, inverse = np.unique(terms, return_inverse=True)
    summed = np.bincount(inverse, weights=weights).astype(np.float32)
    order = np.argsort(-summed, kind="stable")[:CENTROID_TERMS]
    kept = summed[order]
    return unique[order], kept / (np.linalg.norm(kept) or 1)


def pack(story: Story) -> bytes:
    """A centroid as bytes for the store: int32 terms, then float32 weights."""
    return story.terms.astype(np.int32).tobytes() + story.weights.astype(np.float32).tobytes()


def unpack(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    n = len(data) // 8
    return (np.frombuffer(data[:4 * n], dtype=np.int32).astype(np.int64),
            np.frombuffer(data[4 * n:], dtype=np.float32).copy())
