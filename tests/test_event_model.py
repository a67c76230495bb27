"""benchmarks/timeline/event_model.py: the features, the regression, and that its training
text leaves out the timeline's labelled clusters (the study behind BENCHMARKS' "Issue 16,
tenth step, the analysis")."""

import importlib.util
import json
import math

import pytest
from conftest import ROOT, SHARED_DATA

_SPEC = importlib.util.spec_from_file_location(
    "event_model", ROOT / "benchmarks" / "timeline" / "event_model.py")
event_model = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(event_model)


def test_timeline17_text_is_detokenized():
    assert event_model.detokenize(
        "Egypt 's army -LRB- the military -RRB- said on Monday , `` we will stay '' .") == (
        'Egypt\'s army (the military) said on Monday, "we will stay".')


def test_features_read_the_words_around_the_date():
    text = "The company, which he founded in 1975, was sold on Monday."
    start = text.index("1975")
    found = event_model.features(text, start, start + 4, {"founded": "VBD", "which": "WDT"})
    assert found == event_model.features(text, start, start + 4,
                                         {"founded": "VBD", "which": "WDT"})
    assert {"b1=in", "a0=,", "c=which", "v=founded", "nv=VBD", "sub_before_v=which",
            "nvprev=NN"} <= set(found)  # "he" is not in this lexicon: a noun, by its shape


def test_the_regression_learns_a_separable_feature():
    rows = [{"f": ["bias", "yes"], "y": 1, "real": True} for _ in range(10)] + [
        {"f": ["bias", "no"], "y": 0, "real": True} for _ in range(10)]
    weights = event_model.fit(rows, c=10.0)
    assert event_model.probability(weights, ["bias", "yes"]) > 0.9
    assert event_model.probability(weights, ["bias", "no"]) < 0.1
    assert math.isclose(event_model.probability({}, ["bias"]), 0.5)


def test_the_training_text_holds_no_labelled_cluster():
    if not (SHARED_DATA / "multinews_dev250.jsonl").exists():
        pytest.skip("../shared/data is absent (the benchmark data are not in the repo)")
    splits = json.loads((ROOT / "benchmarks" / "timeline" / "clusters.json").read_text())
    labelled = set(splits["dev"]) | set(splits["held out"])
    names = [name for name, _ in event_model.training_clusters()]
    mn = {name.split(":", 1)[1] for name in names if name.startswith("mn:")}
    assert mn and not mn & labelled
    assert len(mn) + len(labelled) == 250
    assert {name.split(":")[0] for name in names} == set(event_model.SOURCES)
