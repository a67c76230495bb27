"""storyline.evaluate: the scorer's configuration pinned by hand-worked cases, the
oracle, the bootstrap, the data checks, and whole runs through the library and the CLI."""

import json
import math
import re

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, SHARED_DATA

from storyline.brief.ingest import to_articles
from storyline.errors import InputError, OptionsError
from storyline.evaluate import SYSTEMS, evaluate
from storyline.evaluate.data import cluster_ids, read_clusters, read_peer_outputs
from storyline.evaluate.oracle import greedy_oracle
from storyline.evaluate.rouge import Rouge, cut, sentences_of
from storyline.evaluate.runner import _died
from storyline.evaluate.stats import interval, paired_difference
from storyline.evaluate.systems import builtin, make, round_robin, storyline_modes
from storyline.faces.cli import main

REFERENCE = ("U.S.-backed Syrian Democratic Forces attacked the last Islamic State pocket "
             "in eastern Syria. Thousands of civilians fled Baghuz before the assault. "
             "President Trump said he would withdraw 2,000 U.S. troops from Syria.")


def approx(value):
    return pytest.approx(value, abs=0.01)


# --- ROUGE, worked out by hand ------------------------------------------------------

def test_cut_keeps_the_first_words_and_the_sentence_breaks():
    assert cut(["a b c", "d e", "f"], 4) == ["a b c", "d"]
    assert cut(["a b c", "d e"], 3) == ["a b c"]
    assert cut(["  ", "a  b"], 5) == ["a b"]
    assert cut([], 5) == []


def test_rouge_one_two_and_l_f1():
    # the cat sat on the mat / the cat was on the mat: 5 of 6 unigrams match, 3 of 5
    # bigrams (the cat, on the, the mat), and the longest common subsequence is 5 words.
    scores = Rouge("f1").score(["the cat sat on the mat"], ["the cat was on the mat"])
    assert scores["rouge1"] == approx(100 * 5 / 6)
    assert scores["rouge2"] == approx(60.0)
    assert scores["rougeL"] == approx(100 * 5 / 6)


def test_rouge_stems_with_porter_and_reports_recall_or_f1():
    # troop attack the town / the troop attack a town: 4 of 4 summary unigrams match,
    # 4 of 5 reference ones; bigrams: 1 ("troop attack") of 3 and of 4.
    summary, reference = ["Troops attacked the towns"], ["the troop attacks a town"]
    f1 = Rouge("f1").score(summary, reference)
    recall = Rouge("recall").score(summary, reference)
    assert f1["rouge1"] == approx(100 * 2 * 0.8 / 1.8)
    assert recall["rouge1"] == approx(80.0)
    assert f1["rouge2"] == approx(100 * 2 / 7)
    assert recall["rouge2"] == approx(25.0)


def test_several_references_are_averaged():
    scores = Rouge("recall").score(["alpha beta"], ["alpha beta", "gamma delta"])
    assert scores["rouge1"] == approx(50.0)


def test_rouge_lsum_matches_sentence_by_sentence():
    # In one string the best common subsequence is 3 of 6 words; sentence by sentence
    # (the reference split by Storyline's splitter) every word is matched.
    scores = Rouge("f1").score(["The cat sat.", "A dog ran."], ["A dog ran. The cat sat."])
    assert scores["rougeL"] == approx(50.0)
    assert scores["rougeLsum"] == approx(100.0)


def test_references_and_peers_are_split_into_sentences_and_lines():
    assert sentences_of("Tribes met. They voted\nin March.") == (
        "Tribes met.", "They voted in March.")  # a wrapped line continues its sentence
    assert sentences_of("Forces attack Baghuz\nCivilians flee") == (
        "Forces attack Baghuz", "Civilians flee")  # highlights, one per line


def test_an_empty_summary_scores_zero():
    assert set(Rouge("f1").score([], ["the cat sat"]).values()) == {0.0}


# --- the oracle -----------------------------------------------------------------------

def test_oracle_picks_what_the_reference_says_and_stops_when_nothing_helps():
    sentences = ["Stocks fell sharply on Monday.", "The weather was mild.",
                 "Oil prices rose in Asia."]
    reference = ["Oil prices rose in Asia while stocks fell sharply."]
    assert greedy_oracle(sentences, reference, 100, "f1") == [
        "Oil prices rose in Asia.", "Stocks fell sharply on Monday."]


def test_oracle_for_recall_fills_the_budget_in_order_of_choice():
    sentences = ["one two three four", "five six", "nine ten eleven"]
    chosen = greedy_oracle(sentences, ["five six nine ten eleven one"], 5, "recall")
    assert chosen == ["nine ten eleven", "five six"]


# --- the bootstrap --------------------------------------------------------------------

def test_interval_is_seeded_and_brackets_the_mean():
    values = np.random.default_rng(1).normal(40, 10, size=200)
    low, high = interval(values, 500, seed=3)
    assert (low, high) == interval(values, 500, seed=3)
    assert low < values.mean() < high
    assert high - low == pytest.approx(2 * 1.96 * 10 / math.sqrt(200), rel=0.25)


def test_paired_test_tells_a_real_difference_from_none():
    rng = np.random.default_rng(2)
    b = rng.normal(15, 5, size=100)
    same = paired_difference(b, b.copy(), 500)
    assert same.mean == 0 and same.p_value == 1.0
    better = paired_difference(b + 1 + rng.normal(0, 1, size=100), b, 500)
    assert better.low > 0 and better.p_value < 0.01


# --- data -----------------------------------------------------------------------------

def write_lines(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def example_documents():
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("article-*.txt"))]


@pytest.fixture
def data(tmp_path):
    docs = example_documents()
    rows = [{"id": f"c{k}", "documents": (docs[k % 5:] + docs[:k % 5])[:2 + k % 4],
             "summaries": [REFERENCE]} for k in range(12)]
    rows[2]["summaries"].append("Kurdish fighters pressed on against IS in Baghuz.")
    return write_lines(tmp_path / "clusters.jsonl", rows)


def test_clusters_are_read_with_their_references(data):
    clusters = list(read_clusters(data))
    assert [c.id for c in clusters] == [f"c{k}" for k in range(12)]
    assert len(clusters[0].articles) == 2 and len(clusters[2].references) == 2
    assert cluster_ids(data, limit=2) == ["c0", "c1"]


@pytest.mark.parametrize("row, message", [
    ({"id": "a", "documents": ["Text here."]}, 'line 1 (id a) needs "summaries"'),
    ({"id": "a", "documents": ["Text here."], "summaries": [""]}, "needs \"summaries\""),
    ({"id": "a", "summaries": ["x"]}, 'no "documents" list'),
])
def test_a_bad_cluster_line_is_named(tmp_path, row, message):
    path = write_lines(tmp_path / "bad.jsonl", [row])
    with pytest.raises(InputError, match=re.escape(message)):
        cluster_ids(path)


def test_ids_must_be_unique(tmp_path):
    row = {"id": "a", "documents": ["Some text here."], "summaries": ["x"]}
    with pytest.raises(InputError, match="used twice"):
        cluster_ids(write_lines(tmp_path / "d.jsonl", [row, row]))


def test_peer_outputs_keep_the_scored_clusters_and_count_the_rest(tmp_path):
    path = write_lines(tmp_path / "peers.jsonl", [
        {"id": "c0", "system": 7, "summary": "A."}, {"id": "zz", "system": 7, "summary": "B."}])
    assert read_peer_outputs(path, ["c0", "c1"]) == ({"7": {"c0": "A."}}, 1)
    with pytest.raises(InputError, match="no summary for any cluster"):
        read_peer_outputs(path, ["other"])
    write_lines(path, [{"id": "c0", "system": "7"}])
    with pytest.raises(InputError, match='line 1 needs "id", "system" and a "summary"'):
        read_peer_outputs(path, ["c0"])


# --- systems --------------------------------------------------------------------------

def test_round_robin_takes_each_article_in_turn():
    articles = [["a1 x", "a2 x"], ["b1 x"], ["c1 x", "c2 x"]]
    assert round_robin(articles, 100) == ["a1 x", "b1 x", "c1 x", "a2 x", "c2 x"]
    assert round_robin(articles, 4) == ["a1 x", "b1 x"]


@pytest.mark.parametrize("key", [k for k in SYSTEMS if k != "storyline"])
def test_every_system_summarizes_offline_from_the_input(data, key):
    cluster = next(read_clusters(data))
    sentences = cut(make(builtin(key), 120, "f1")(cluster), 120)
    assert sentences and sum(len(s.split()) for s in sentences) <= 120
    text = " ".join(" ".join(a.text.split()) for a in cluster.articles)
    assert all(" ".join(s.split()[:-1]) in text for s in sentences)


def test_sumy_fills_the_budget_and_reads_a_repeated_wire_sentence_once(data):
    docs = example_documents()
    cluster = next(read_clusters(write_lines(data.parent / "wire.jsonl", [
        {"id": "w", "documents": [docs[0], docs[0], docs[1]], "summaries": ["x"]}])))
    for key in ("lexrank", "kl"):
        sentences = make(builtin(key), 90, "f1")(cluster)
        assert len(sentences) == len(set(sentences))
        assert sum(len(s.split()) for s in sentences) == 90  # the overshoot trimmed


def test_budgeted_kl_chooses_what_sumys_own_kl_chooses(data, monkeypatch):
    import storyline.evaluate.systems as systems

    clusters = list(read_clusters(data))[:4]
    ours = [make(builtin("kl"), 120, "f1")(c) for c in clusters]
    monkeypatch.setattr(systems, "_budgeted_kl", lambda kl, words: kl)
    assert [make(builtin("kl"), 120, "f1")(c) for c in clusters] == ours


def test_a_system_process_that_dies_leaves_error_lines_for_the_rest(data, tmp_path):
    outputs = tmp_path / "outputs.jsonl"
    outputs.write_text('{"id": "c0", "sentences": ["A b c."]}\n{"id": "c1", "sent')
    run = _died(data, outputs, 3, "killed for memory")
    lines = [json.loads(line) for line in outputs.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["c0", "c1", "c2"]
    assert lines[1] == {"id": "c1", "error": "killed for memory"}
    assert (run.failures, run.words, run.clusters_per_second) == (2, 3, None)


def test_storyline_modes_are_checked_before_running():
    assert [s.name for s in storyline_modes()] == ["Storyline"]
    twice = [{"scorer": "learned"}, {"scorer": "learned"}]
    assert [s.name for s in storyline_modes(twice)] == ["Storyline"]
    with pytest.raises(OptionsError, match="unknown scorer"):
        storyline_modes([{"scorer": "magic"}])
    with pytest.raises(OptionsError, match="unknown Storyline option 'words'"):
        storyline_modes([{"words": "10"}])
    with pytest.raises(OptionsError, match="focus=query"):
        storyline_modes([{"focus": "civilians"}])
    assert [s.name for s in storyline_modes([{"focus": "query"}])] == [
        "Storyline (focus=query)"]


def test_the_focus_mode_reads_each_clusters_question():
    from storyline.evaluate.data import Cluster

    texts = [(EXAMPLE / f"article-{i}.txt").read_text() for i in range(1, 6)]
    cluster = Cluster("c", tuple(to_articles(texts)), ("a reference",), "civilians")
    focused = make(storyline_modes([{"focus": "query"}])[0], 120, "f1")(cluster)
    generic = make(storyline_modes()[0], 120, "f1")(cluster)
    assert focused != generic
    assert sum("civilian" in s for s in focused) > sum("civilian" in s for s in generic)


def test_a_focused_brief_is_not_cut_short_by_the_score_floor():
    # the focus weights scores up to five times apart; under the generic floor a focused
    # brief of the example stopped at 223 of 250 words (DUC 2006's focused briefs at 179)
    from storyline import Options, read_cluster, summarize

    articles = read_cluster(EXAMPLE)
    focused = summarize(articles, options=Options(words=250, analysis=False, focus="civilians"))
    assert focused.stats["words"] >= 240
    assert sum("civilian" in s.text for s in focused.sentences) >= 3


# --- whole runs -----------------------------------------------------------------------

def test_evaluate_compares_systems_with_intervals_speed_and_a_paired_test(data, tmp_path):
    peers = write_lines(tmp_path / "peers.jsonl", [
        {"id": "c0", "system": "1", "summary": REFERENCE},
        {"id": "c1", "system": "1", "summary": "Syria. Nothing else of note here."}])
    kwargs = dict(words=60, measure="recall", systems=["storyline", "lead-words", "oracle"],
                  peer_outputs=peers, resamples=200)
    report = evaluate(data, **kwargs)
    names = [s.system.name for s in report.scores]
    assert set(names) == {"Storyline", "Lead: first N words", "Oracle (sees the reference)",
                          "peer 1"}
    rouge2 = [s.means["rouge2"] for s in report.scores]
    assert rouge2 == sorted(rouge2, reverse=True)
    for s in report.scores:
        low, high = s.intervals["rouge2"]
        assert low <= s.means["rouge2"] <= high
        assert (s.clusters_per_second is None) == (s.system.kind == "peer")
    peer = next(s for s in report.scores if s.system.kind == "peer")
    assert peer.clusters == 2 and peer.peak_mb is None
    oracle = next(s for s in report.scores if s.system.kind == "oracle")
    assert oracle.means["rouge1"] > next(
        s for s in report.scores if s.system.name == "Storyline").means["rouge1"]
    assert {c.metric for c in report.comparisons} == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    # the peer scored 2 clusters only: too few to be tested against, so Lead is
    assert all((c.system, c.other, c.clusters) == ("Storyline", "Lead: first N words", 12)
               for c in report.comparisons)
    few = evaluate(data, **{**kwargs, "limit": 3, "peer_outputs": None})
    assert few.comparisons == () and any("No paired test" in n for n in few.notes)


def test_reruns_agree(data):
    kwargs = dict(words=60, systems=["lead-words", "lead-sentences"], resamples=200)
    first, second = evaluate(data, **kwargs), evaluate(data, **kwargs)
    assert [(s.means, s.intervals) for s in first.scores] == [
        (s.means, s.intervals) for s in second.scores]
    assert first.comparisons == ()  # no Storyline in the run, nothing to compare


def test_eval_command_prints_json_and_writes_a_report(data, tmp_path):
    out = tmp_path / "report"
    result = CliRunner().invoke(main, [
        "eval", str(data), "--words", "80", "--systems", "storyline,lead-sentences,lexrank",
        "--json", "--report", str(out), "--jobs", "2", "--resamples", "200"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["clusters"] == 12 and payload["measure"] == "f1"
    assert {s["name"] for s in payload["systems"]} == {
        "Storyline", "Lead: articles in turn", "sumy LexRank"}
    assert (out / "chart.png").read_bytes().startswith(b"\x89PNG")
    markdown = (out / "report.md").read_text()
    assert "| sumy LexRank |" in markdown and "![ROUGE-2 against speed](chart.png)" in markdown
    assert json.loads((out / "report.json").read_text()) == payload


@pytest.mark.parametrize("args, message", [
    (["--systems", "gpt"], "unknown system 'gpt'"),
    (["--mode", "scorer"], "write KEY=VALUE pairs"),
    (["--mode", "selector=best"], "unknown selector 'best'"),
    (["--systems", "lead-words", "--mode", "scorer=centrality"], "Storyline is not among"),
])
def test_eval_command_explains_bad_options(data, args, message):
    result = CliRunner().invoke(main, ["eval", str(data), *args])
    assert result.exit_code != 0 and message in result.output


def test_eval_command_explains_bad_data(tmp_path):
    missing = CliRunner().invoke(main, ["eval", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 1 and "does not exist" in missing.output
    no_refs = write_lines(tmp_path / "d.jsonl", [{"id": "x", "documents": ["Some text."]}])
    result = CliRunner().invoke(main, ["eval", str(no_refs)])
    assert result.exit_code == 1 and 'needs "summaries"' in result.output


@pytest.mark.skipif(not (SHARED_DATA / "duc2006.jsonl").exists(),
                    reason="../shared/data (DUC 2006) is not present")
def test_duc2006_with_the_official_peers(tmp_path):
    report = evaluate(SHARED_DATA / "duc2006.jsonl", words=250, measure="recall", limit=2,
                      systems=["storyline", "lead-words"], resamples=200,
                      peer_outputs=SHARED_DATA / "duc2006_peer_outputs.jsonl")
    peers = [s for s in report.scores if s.system.kind == "peer"]
    assert len(peers) == 35 and all(s.clusters == 2 for s in peers)
    assert any("not scored here" in note for note in report.notes)
