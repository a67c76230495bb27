"""The learned scorer: features, deterministic training, and the shipped weights."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, SHARED_DATA

from storyline import Options, read_cluster, summarize
from storyline.brief.score import FEATURES, load_weights
from storyline.evaluate.train import examples, fit, train
from storyline.faces.cli import main

DEV = SHARED_DATA / "multinews_dev250.jsonl"


def test_the_shipped_weights_match_the_features():
    model = load_weights()
    assert model["features"] == list(FEATURES)
    assert len(model["weights"]) == len(model["mean"]) == len(FEATURES)


def test_the_learned_scorer_summarizes_the_example_within_the_budget():
    brief = summarize(read_cluster(EXAMPLE), options=Options(scorer="learned", words=120))
    assert brief.sentences and brief.stats["words"] <= 120
    for s in brief.sentences:
        assert s.sources


def test_labels_reward_sentences_that_share_the_references_words():
    articles = read_cluster(EXAMPLE)
    reference = ("US-backed Syrian forces launched the final battle against the last "
                 "Islamic State pocket in the village of Baghuz.")
    x, y = examples(articles, [reference])
    assert x.shape == (len(y), len(FEATURES)) and (y >= 0).all()
    # the oracle picks (label above 1) the few sentences that cover this one-sentence
    # reference and stops; the overlap per word ranks the rest
    assert 1 <= (y > 1).sum() <= 3 and y.max() <= 2
    assert ((y > 0) & (y <= 1)).sum() > 10


def test_fitting_is_deterministic_and_recovers_a_linear_signal():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(500, len(FEATURES)))
    y = 3 * x[:, 0] - 2 * x[:, 1] + 0.01 * rng.normal(size=500)
    a, b = fit(x, y), fit(x, y)
    assert a == b
    assert a["weights"][0] > 2.5 and a["weights"][1] < -1.5


def test_train_command_writes_weights(tmp_path):
    texts = [p.read_text() for p in sorted(EXAMPLE.glob("article-*.txt"))]
    data = tmp_path / "train.jsonl"
    data.write_text(json.dumps({"id": "x", "documents": texts,
                                "summaries": ["The SDF attacked the last ISIS pocket."]}) + "\n")
    out = tmp_path / "w.json"
    result = CliRunner().invoke(main, ["train", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["clusters"] == 1
    data.write_text(json.dumps({"id": "x", "documents": texts}) + "\n")
    result = CliRunner().invoke(main, ["train", str(data)])
    assert result.exit_code != 0 and "summaries" in result.output


@pytest.mark.skipif(not DEV.exists(), reason="../shared/data (Multi-News dev) is not present")
def test_training_on_the_dev_sample_reproduces_the_shipped_weights():
    from storyline.evaluate.data import read_clusters

    assert json.loads(json.dumps(train(read_clusters(DEV)))) == load_weights()
