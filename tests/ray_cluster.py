"""A real Ray cluster on this machine, started as a user starts one (`ray start --head`,
then `ray start --address` for each further node), for the tests and the benchmarks.

Each node is a `ray start --block` process in a session of its own, on loopback
addresses and free ports, with its files in a temporary folder. Stopping a node ends
every process of its session (its raylet, object store, workers) with SIGKILL and checks
that none is left. (`ray stop` would do it too, but it stops every Ray process of the
machine, a user's own cluster included.)
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# Node i listens on 127.0.0.(2 + i): loopback addresses, so no traffic leaves the machine
# (Ray takes 127.0.0.1 itself for "use this machine's network address").
NODE_IP = "127.0.0.{}"
# For the nodes and for every driver that connects to them: no token (Ray turns token
# authentication on for a new cluster when ~/.ray holds a token, and a driver given an
# address does not send it).
ENV = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}


def free_ports(n: int) -> list[int]:
    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind((HOST, 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


class Node:
    def __init__(self, process: subprocess.Popen, log: Path):
        self.process, self.log = process, log

    def processes(self) -> list[int]:
        """Every live process of this node's session."""
        return session_processes(self.process.pid)

    def kill(self) -> None:
        """End the node at once, as a lost machine ends: every process, SIGKILL."""
        for _ in range(20):
            pids = self.processes()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.2)
        self.process.wait(timeout=10)


def session_processes(sid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            pids.append(int(entry))
    return pids


def _start(args: list[str], folder: Path, number: int) -> Node:
    ports = free_ports(9)
    log = folder / f"node{number}.log"
    command = [str(BIN / "ray"), "start", "--block", "--node-ip-address",
               NODE_IP.format(2 + number),
               "--disable-usage-stats", *args,
               "--node-manager-port", str(ports[0]), "--object-manager-port", str(ports[1]),
               "--dashboard-agent-listen-port", str(ports[2]),
               "--dashboard-agent-grpc-port", str(ports[3]),
               "--runtime-env-agent-port", str(ports[4]), "--metrics-export-port", str(ports[5]),
               "--min-worker-port", "0", "--max-worker-port", "0",
               "--object-store-memory", str(200 * 2**20)]
    env = {**os.environ, **ENV, "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "1"}  # a node of several
    process = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    return Node(process, log)


@contextmanager
def cluster(nodes: int = 2, cpus: int = 1, wait: float = 120):
    """A head and `nodes - 1` more nodes of `cpus` CPUs each; yields (address, [Node])."""
    folder = Path(tempfile.mkdtemp(prefix="sl-ray-", dir="/tmp"))  # short: Ray's sockets
    port, client = free_ports(2)
    address = f"{NODE_IP.format(2)}:{port}"
    started: list[Node] = []
    try:
        started.append(_start(["--head", "--port", str(port), "--num-cpus", str(cpus),
                               "--include-dashboard", "false",
                               "--ray-client-server-port", str(client),
                               "--temp-dir", str(folder / "ray")], folder, 0))
        _wait_for(address, cpus, wait, started)
        for i in range(1, nodes):
            started.append(_start(["--address", address, "--num-cpus", str(cpus)],
                                  folder, i))
        _wait_for(address, cpus * nodes, wait, started)
        yield address, started
    finally:
        for node in reversed(started):
            node.kill()
        left = [pid for node in started for pid in node.processes()]
        shutil.rmtree(folder, ignore_errors=True)
        assert not left, f"Ray processes left after stopping the cluster: {left}"


def cpus_of(address: str) -> float:
    probe = (f"import logging, ray; ray.init(address={address!r}, "
             "logging_level=logging.ERROR); print(ray.cluster_resources().get('CPU', 0))")
    try:
        done = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True,
                              text=True, timeout=30, env={**os.environ, **ENV})
    except subprocess.TimeoutExpired:  # the head is not up yet
        return 0.0
    return float(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else 0.0


def _wait_for(address: str, total: int, wait: float, nodes: list[Node]) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        for node in nodes:
            if node.process.poll() is not None:
                raise RuntimeError(f"a Ray node did not start:\n{node.log.read_text()[-3000:]}")
        if cpus_of(address) >= total:
            return
        time.sleep(0.5)
    raise TimeoutError(f"the Ray cluster at {address} did not reach {total} CPUs in {wait} s")
