"""storyline eval on update data: lines with `old` articles, Storyline told what was
already read (since=old, or since=none for the generic brief), scored as NIST scored DUC."""

import json

import pytest

from storyline.errors import InputError, OptionsError
from storyline.evaluate import evaluate
from storyline.evaluate.data import read_clusters
from storyline.evaluate.systems import make, storyline_modes

OLD = "The dam above Varna broke on Monday night, flooding three villages in the valley below."
NEW = [
    f"{OLD} Rescue teams reached the flooded villages on Wednesday and found 40 survivors "
    "on the roofs of their homes. The army flew food and blankets to the survivors.",
    f"{OLD} Engineers blamed weeks of heavy rain for the collapse of the old earth dam. "
    "The regional governor promised to rebuild the dam within two years.",
]
REFERENCE = ("Rescue teams found 40 survivors on roofs in the flooded villages on Wednesday. "
             "Engineers blamed heavy rain for the collapse of the dam.")
SECOND = "The army flew food to 40 survivors. The governor promised to rebuild the dam."


def write_update_data(path, clusters=10):
    rows = [{"id": f"u{k}", "documents": NEW, "old": [OLD], "summaries": [REFERENCE, SECOND]}
            for k in range(clusters)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_storyline_tells_only_what_the_old_articles_do_not(tmp_path):
    cluster = next(read_clusters(write_update_data(tmp_path / "u.jsonl")))
    assert [a.text for a in cluster.old] == [OLD]
    update, generic = (make(system, 60, "duc") for system in storyline_modes(
        [{"since": "old"}, {"since": "none"}]))
    assert OLD in generic(cluster)  # the lead every new article repeats
    assert OLD not in update(cluster) and update(cluster)


def test_evaluate_scores_update_data_as_nist_did(tmp_path):
    data = write_update_data(tmp_path / "u.jsonl")
    report = evaluate(data, words=40, measure="duc", systems=["storyline"],
                      modes=[{"since": "old"}, {"since": "none"}], resamples=200)
    assert report.metrics == ("rouge2", "rougeSU4")
    assert {s.system.name for s in report.scores} == {"Storyline (since=old)",
                                                      "Storyline (since=none)"}
    update = next(s for s in report.scores if s.system.name == "Storyline (since=old)")
    generic = next(s for s in report.scores if s.system.name == "Storyline (since=none)")
    assert update.means["rouge2"] > generic.means["rouge2"]
    assert {(c.metric, c.system, c.other) for c in report.comparisons} == {
        (m, "Storyline (since=none)", "Storyline (since=old)") for m in ("rouge2", "rougeSU4")}
    assert any("since=" in note for note in report.notes)
    assert "ROUGE-SU4" in report.title + "".join(report.to_dict()["systems"][0])


def test_old_must_be_a_list_of_articles(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "documents": NEW, "old": OLD,
                                "summaries": [REFERENCE]}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match='line 1 .*"old" must be a list'):
        list(read_clusters(path))


def test_a_since_mode_is_old_or_none():
    with pytest.raises(OptionsError, match="since=old .* or since=none"):
        storyline_modes([{"since": "yesterday"}])
