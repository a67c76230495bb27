"""spaCy's entity recognizer with its greedy decoding done in numpy: the same entities.

spaCy's `ner` computes, for a batch of docs, each token's embedding (tok2vec) and the
precomputed products of its first layer with each token (`precomputable_affine`); it
then walks each doc token by token in C, scoring the transitions of the state (the
token, the start of the entity open, the token before it), masking those that are not
valid and taking the best. That walk is over half of the recognizer's time here, and
not for its arithmetic: in spaCy 3.8.18's build each look at a token of the state
(`StateC::B_`) takes and releases the GIL twice, and the validity tests of the 74
transitions look at the token well over a hundred times for each token.

`Recognizer.pipe` makes the same batches as `EntityRecognizer.pipe` (64 docs, sorted by
length, in groups of 16), has spaCy's own layers make the same embeddings and
precomputed products, and does the walk in numpy. Outside an entity the state's
features are the token's alone (the entity's are the padding row), so the scores of
that state are computed for every token at once; inside one, only the entity's two
transitions (go on, or end) are scored. The sums and the maxout are spaCy's, in its
order, so they are the same floats; the last product (hidden units to the scores) is
summed in another order, so a score may differ from spaCy's in its last bits: wherever
the best valid transition is not ahead of the next one by more than such a difference
can be (a bound on it, `_tolerance`), the group of docs is left to spaCy's own walk.
So the entities are spaCy's (checked on every sentence of the dev sets in the tests).
A recognizer it does not know how to read (another transition system or state, a beam,
preset entities) is left to spaCy whole.
"""

from __future__ import annotations

import numpy as np

# spaCy's BILUO moves, as `get_class_name` writes them
_BEGIN, _IN, _LAST, _UNIT, _OUT = "B", "I", "L", "U", "O"
# A float32 product of 64 terms summed in any order is within 64 * 2**-24 of the sum of
# the terms' magnitudes (the model's hidden width is 64): two of them, with some margin.
_PRODUCT_SLACK = 1e-5
_SUM_SLACK = 1e-6


class Recognizer:
    """`pipe(docs)` gives the docs with the entities `ner.pipe(docs)` would set."""

    def __init__(self, ner):
        self.ner = ner
        model = ner.model
        lower, upper = model.layers[1], model.layers[-1]
        self.tok2vec, self.lower = model.layers[0], lower
        self.bias = lower.get_param("b")  # (hidden, pieces)
        self.weights = upper.get_param("W")  # (classes, hidden)
        self.class_bias = upper.get_param("b")
        self.weight_bound = np.abs(self.weights).max(axis=0)  # per hidden unit
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        strings = ner.vocab.strings
        self.n_classes = len(names)
        self.unit = np.zeros(self.n_classes, bool)
        self.begin = np.zeros(self.n_classes, bool)
        self.out = np.zeros(self.n_classes, bool)
        self.labels = [0] * self.n_classes
        self.going_on, self.ending = {}, {}  # label -> its In and Last classes
        for c, name in enumerate(names):
            move, _, label = name.partition("-")
            label_id = strings[label] if label else 0
            self.labels[c] = label_id
            if move == _OUT:
                self.out[c] = True
            elif move == _UNIT and label_id:
                self.unit[c] = True  # (a unit without label: preset entities only)
            elif move == _BEGIN and label_id:
                self.begin[c] = True
            elif move == _IN and label_id:
                self.going_on[label_id] = c
            elif move == _LAST and label_id:
                self.ending[label_id] = c

    @staticmethod
    def supports(ner) -> bool:
        """Whether `ner` is the greedy BILUO recognizer this walk follows."""
        try:
            from spacy.pipeline._parser_internals.ner import BiluoPushDown

            model = ner.model
            lower = model.layers[1]
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
            return (isinstance(ner.moves, BiluoPushDown) and ner.cfg.get("beam_width") == 1
                    and model.attrs.get("has_upper") and not model.attrs.get("unseen_classes")
                    and len(model.layers) == 3 and lower.name == "precomputable_affine"
                    and lower.get_dim("nF") == 3 and lower.get_dim("nP") == 2
                    and model.layers[-1].get_param("W").shape == (len(names),
                                                                  lower.get_dim("nO"))
                    and not getattr(ner, "postprocesses", [])
                    and all(n == _OUT or n[:2] in ("B-", "I-", "L-", "U-") for n in names)
                    and names.count(_OUT) == 1)
        except (ImportError, AttributeError, KeyError, ValueError, TypeError):  # another spaCy
            return False

    def pipe(self, docs, batch_size: int = 64):
        """The docs, in order, with their entities: as `ner.pipe(docs, batch_size)`."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            by_length = sorted(batch, key=len)
            for group in minibatch(by_length, size=max(batch_size // 4, 2)):
                self._annotate(list(group))
            yield from batch

    def _annotate(self, docs) -> None:
        """Set the entities of one group of docs, as `ner.predict` and `set_annotations`."""
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START

        entities = None
        if any(len(doc) for doc in docs):
            rows = [doc.to_array([IS_SPACE, SENT_START, ENT_IOB]) for doc in docs]
            if not any(r[:, 2].any() for r in rows if len(r)):  # no preset entities
                entities = self._walk(docs, rows)
        else:
            entities = [[] for _ in docs]
        if entities is None:  # spaCy's own walk
            self.ner.set_annotations(docs, self.ner.predict(docs))
            return
        from spacy.tokens import Span

        for doc, found in zip(docs, entities, strict=True):
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label in found],
                         default="outside")

    def _walk(self, docs, rows):
        """Each doc's entities (start, end, label), or None where a score is too close
        to call without spaCy's own sums."""
        tokvecs = self.tok2vec(docs, False)[0]
        cached = self.lower(tokvecs, False)[0]  # (1 + tokens, 3, hidden, pieces)
        pad, tokens = cached[0], cached[1:]
        # Outside an entity: the token, then the padding for the entity's two features.
        hidden = (((tokens[:, 0] + pad[1]) + pad[2]) + self.bias).max(axis=-1)
        scores = hidden @ self.weights.T + self.class_bias
        tolerance = _tolerance(hidden, self.weight_bound, scores)
        space = np.concatenate([r[:, 0] for r in rows if len(r)]).astype(bool)
        n = len(space)
        # B needs two tokens left and the next one not a sentence's start; B and U a
        # token that is not white space; O is always valid outside an entity.
        last = np.zeros(n, bool)
        next_starts = np.zeros(n, bool)
        offset = 0
        for r in rows:
            if len(r):
                last[offset + len(r) - 1] = True
                next_starts[offset:offset + len(r) - 1] = r[1:, 1] == 1
                offset += len(r)
        valid = np.where(space[:, None], self.out[None, :],
                         self.out | self.unit | (self.begin & ~(last | next_starts)[:, None]))
        masked = np.where(valid, scores, -np.inf)
        best = masked.argmax(axis=1)
        top2 = -np.partition(-masked, 1, axis=1)[:, :2]
        sure = (top2[:, 1] == -np.inf) | (top2[:, 0] - top2[:, 1] > tolerance)
        best, sure = best.tolist(), sure.tolist()
        labels = self.labels
        begins, units = self.begin.tolist(), self.unit.tolist()
        found_all, offset = [], 0
        for r in rows:
            length, found, b = len(r), [], 0
            while b < length:
                t = offset + b
                if not sure[t]:
                    return None
                c = best[t]
                if units[c]:
                    found.append((b, b + 1, labels[c]))
                    b += 1
                elif begins[c]:
                    start, label = b, labels[c]
                    b += 1
                    while True:  # inside the entity: go on (In) or end it (Last)
                        t = offset + b
                        ends = self.ending[label]
                        h = (((tokens[t, 0] + tokens[offset + start, 1]) + tokens[t - 1, 2])
                             + self.bias).max(axis=-1)
                        if b == length - 1 or next_starts[t]:  # only Last is valid
                            decision = ends
                        else:
                            goes = self.going_on[label]
                            pair = self.weights[[goes, ends]] @ h + self.class_bias[[goes, ends]]
                            bound = _tolerance(h[None, :], self.weight_bound, pair[None, :])[0]
                            if abs(float(pair[0]) - float(pair[1])) <= bound:
                                return None
                            # the first of equal scores in class order; equal ones
                            # were sent back above
                            decision = goes if pair[0] > pair[1] else ends
                        b += 1
                        if decision == ends:
                            found.append((start, b, label))
                            break
                else:  # out
                    b += 1
            found_all.append(found)
            offset += length
        return found_all


def _tolerance(hidden, weight_bound, scores):
    """How far apart two of a state's scores may be from spaCy's, at most (per row)."""
    size = np.abs(hidden) @ weight_bound  # bounds the sum of each product's magnitudes
    finite = np.where(np.isfinite(scores), np.abs(scores), 0.0)
    return _PRODUCT_SLACK * size + _SUM_SLACK * (1.0 + finite.max(axis=1))
