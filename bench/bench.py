#!/usr/bin/env python3
"""Benchmark of a DittoServer operator against a baseline operator (see docs/PERFORMANCE.md).

Each run starts a fresh control plane (hack/cluster.sh), installs the operator's CRD, starts the operator as a
ServiceAccount bound to cluster-admin (the same identity for every operator), creates N minimal DittoServers at once
and measures the operator process (/proc), the objects (apiserver watches) and its writes (the apiserver audit log).
Results are appended to OUT/results.jsonl; the table is printed from that file (also with --report OUT).
"""
import argparse
import http.client
import json
import math
import os
import shlex
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
NAMESPACE = "bench"
OPERATOR_NS = "dittofs-system"
OPERATOR_SA = "bench-operator"
IDENTITY = f"system:serviceaccount:{OPERATOR_NS}:{OPERATOR_SA}"
GROUP, VERSION, PLURAL = "dittofs.dittofs.com", "v1alpha1", "dittoservers"
WRITE_VERBS = {"create", "update", "patch", "delete", "deletecollection"}
CLK_TCK = os.sysconf("SC_CLK_TCK")
PODS_PER_NODE = 250  # a simulated node has 64 CPUs; dfs pods request 250m


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the operator process, from /proc

def process_tree(root):
    """PIDs of root and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def cpu_seconds(root):
    """User + system CPU of the process tree, including reaped children of its members."""
    total = 0
    for pid in process_tree(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total / CLK_TCK


def rss_mib(root):
    total = 0
    for pid in process_tree(root):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


class MemoryCgroup:
    """A memory cgroup of its own for the operator, so that its working set is read as `kubectl top` reads a
    container's: usage minus inactive file pages (cAdvisor's container_memory_working_set_bytes). None of it when the
    machine has no writable memory controller (not root): the figure is then left out."""

    V1 = Path("/sys/fs/cgroup/memory")
    V2 = Path("/sys/fs/cgroup")

    def __init__(self, name):
        self.path = None
        for root, probe in ((self.V1, "memory.usage_in_bytes"), (self.V2, "memory.current")):
            if (root / probe).exists() or (root / "cgroup.controllers").exists() and "memory" in (
                    root / "cgroup.controllers").read_text():
                try:
                    path = root / "dittofs-bench" / name
                    path.mkdir(parents=True, exist_ok=True)
                    self.path, self.v1 = path, root == self.V1
                except OSError:
                    pass
                break

    def enter(self):
        """Runs in the child before exec: the operator's memory is charged here from its first page."""
        if self.path:
            (self.path / "cgroup.procs").write_text(str(os.getpid()))

    def working_set_mib(self):
        if not self.path:
            return None
        stat = dict(line.split() for line in (self.path / "memory.stat").read_text().splitlines())
        if self.v1:
            usage, inactive = int((self.path / "memory.usage_in_bytes").read_text()), int(stat["total_inactive_file"])
        else:
            usage, inactive = int((self.path / "memory.current").read_text()), int(stat["inactive_file"])
        return max(0, usage - inactive) / 1048576

    def remove(self):
        if self.path:
            try:
                self.path.rmdir()
            except OSError:
                pass


def histogram(jcmd, pid, everything):
    """`jcmd GC.class_histogram`: with -all every object in the heap, garbage included, without a GC; without it a
    full GC first, so only what is reachable is counted. (Total objects, total bytes, the 25 largest classes.)"""
    out = subprocess.run([str(jcmd), str(pid), "GC.class_histogram", *(["-all"] if everything else [])],
                         capture_output=True, text=True, timeout=120).stdout
    rows = [line.split() for line in out.splitlines() if line.strip() and line.split()[0].rstrip(":").isdigit()]
    total = [line.split() for line in out.splitlines() if line.startswith("Total")]
    if not total:
        return None
    return int(total[0][1]), int(total[0][2]), [[r[3], int(r[1]), int(r[2])] for r in rows[:25] if len(r) >= 4]


def live_heap(pid):
    """A Java operator's heap: what it occupies before a GC (garbage included), then the live heap after a full GC
    with its largest classes; None for another operator. (Results before 2026-12-07-live reported the first figure,
    `-all`, as the live heap.)"""
    jcmd = Path(os.environ.get("JAVA_HOME", "/nonexistent")) / "bin/jcmd"
    if not jcmd.exists():
        return None
    try:
        before = histogram(jcmd, pid, everything=True)
        live = histogram(jcmd, pid, everything=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if not live:
        return None
    result = {"live_heap_mib": live[1] / 1048576, "live_objects": live[0], "top_classes": live[2]}
    if before:
        result.update(heap_used_mib=before[1] / 1048576, heap_used_objects=before[0], heap_used_top_classes=before[2])
    return result


CACHED_KINDS = [  # what this operator's informers cache, with their selectors (dependent/, reconciler/)
    ("DittoServer", "/apis/{g}/{v}/namespaces/{ns}/dittoservers", ""),
    ("StatefulSet", "/apis/apps/v1/namespaces/{ns}/statefulsets", "app.kubernetes.io/managed-by=dittofs-operator"),
    ("Service", "/api/v1/namespaces/{ns}/services", "app.kubernetes.io/managed-by=dittofs-operator"),
    ("ConfigMap", "/api/v1/namespaces/{ns}/configmaps", "app.kubernetes.io/managed-by=dittofs-operator"),
    ("Secret", "/api/v1/namespaces/{ns}/secrets", "app.kubernetes.io/managed-by=dittofs-operator"),
    ("PersistentVolumeClaim", "/api/v1/namespaces/{ns}/persistentvolumeclaims",
     "app.kubernetes.io/managed-by=dittofs-operator"),
]
FIELD_MANAGER = "dittoserver"


def lean(obj):
    """What LeanItemStore keeps of an object (src/main/java/.../cache/LeanItemStore.java)."""
    meta = obj.get("metadata", {})
    meta["managedFields"] = [e for e in meta.get("managedFields") or [] if e.get("manager") == FIELD_MANAGER
                             and e.get("operation") == "Apply" and not e.get("subresource")]
    (meta.get("annotations") or {}).pop("kubectl.kubernetes.io/last-applied-configuration", None)
    return obj


def cached_bytes(cluster):
    """Per cached kind: objects, their JSON bytes as the apiserver sends them, and as LeanItemStore keeps them."""
    kinds = {}
    for kind, path, selector in CACHED_KINDS:
        url = path.format(g=GROUP, v=VERSION, ns=NAMESPACE) + (f"?labelSelector={selector}" if selector else "")
        items = cluster.request("GET", url).get("items", [])
        whole = sum(len(json.dumps(i, separators=(",", ":"))) for i in items)
        kept = sum(len(json.dumps(lean(i), separators=(",", ":"))) for i in items)
        kinds[kind] = [len(items), whole, kept]
    return kinds


# ---------------------------------------------------------------- the control plane

class Cluster:
    def __init__(self, directory, nodes, pvs):
        self.dir = directory
        self.nodes, self.pvs = nodes, pvs

    def up(self):
        env = dict(os.environ, CLUSTER_NODES=str(self.nodes), CLUSTER_PV_COUNT=str(self.pvs), CLUSTER_TIMEOUT="180")
        subprocess.run([str(REPO / "hack/cluster.sh"), "up", str(self.dir)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        self.env = {}
        for line in (self.dir / "env").read_text().splitlines():
            for pair in shlex.split(line.removeprefix("export ")):
                key, _, value = pair.partition("=")
                self.env[key] = value
        self.url = self.env["APISERVER_URL"]
        self.ssl = ssl.create_default_context(cafile=self.env["CA_CERT"])
        self.ssl.load_cert_chain(self.env["ADMIN_CERT"], self.env["ADMIN_KEY"])

    def down(self, keep):
        subprocess.run([str(REPO / "hack/cluster.sh"), "down", str(self.dir)], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not keep:
            subprocess.run(["rm", "-rf", str(self.dir)], check=False)

    def kubectl(self, *args, stdin=None):
        done = subprocess.run([self.env["KUBECTL"], "--kubeconfig", self.env["KUBECONFIG"], *args], input=stdin,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"kubectl {shlex.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def connection(self):
        host = self.url.removeprefix("https://")
        return http.client.HTTPSConnection(host, context=self.ssl, timeout=3600)

    def request(self, method, path, body=None):
        conn = self.connection()
        try:
            conn.request(method, path, body=json.dumps(body) if body else None,
                         headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            data = response.read()
            if response.status >= 300:
                raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
            return json.loads(data)
        finally:
            conn.close()

    def prepare(self, crd):
        """CRD, namespaces, and the operator identity: a ServiceAccount bound to cluster-admin."""
        self.kubectl("apply", "--server-side", "-f", str(crd))
        deadline = time.time() + 120
        while not any(c["type"] == "Established" and c["status"] == "True" for c in json.loads(
                self.kubectl("get", f"crd/{PLURAL}.{GROUP}", "-o", "json")).get("status", {}).get("conditions") or []):
            if time.time() > deadline:
                raise TimeoutError("CRD not Established after 120 s")
            time.sleep(0.2)
        self.kubectl("create", "namespace", NAMESPACE)
        self.kubectl("create", "namespace", OPERATOR_NS)
        self.kubectl("-n", OPERATOR_NS, "create", "serviceaccount", OPERATOR_SA)
        self.kubectl("create", "clusterrolebinding", OPERATOR_SA, "--clusterrole=cluster-admin",
                     f"--serviceaccount={OPERATOR_NS}:{OPERATOR_SA}")
        token = self.kubectl("-n", OPERATOR_NS, "create", "token", OPERATOR_SA, "--duration=24h").strip()
        kubeconfig = self.dir / "kubeconfig-operator"
        kubeconfig.write_text(json.dumps({
            "apiVersion": "v1", "kind": "Config", "current-context": "bench",
            "clusters": [{"name": "bench", "cluster": {"server": self.url,
                                                        "certificate-authority": self.env["CA_CERT"]}}],
            "users": [{"name": OPERATOR_SA, "user": {"token": token}}],
            "contexts": [{"name": "bench", "context": {"cluster": "bench", "user": OPERATOR_SA,
                                                       "namespace": OPERATOR_NS}}]}))
        kubeconfig.chmod(0o600)
        return kubeconfig


class Watch(threading.Thread):
    """Records when each object of a namespaced collection is first seen, and first satisfies `up`."""

    def __init__(self, cluster, path, up=None):
        super().__init__(daemon=True)
        self.cluster, self.path, self.up = cluster, path, up
        self.seen, self.ready = {}, {}
        self.lock = threading.Condition()
        self.started_ok = threading.Event()
        self.stopped = threading.Event()
        self.conn = None

    def stop(self):
        self.stopped.set()
        if self.conn:
            self.conn.close()

    def run(self):
        version = ""
        while not self.stopped.is_set():
            try:
                self.conn = conn = self.cluster.connection()
                conn.request("GET", f"{self.path}?watch=1&allowWatchBookmarks=true&timeoutSeconds=3600"
                             + (f"&resourceVersion={version}" if version else ""))
                response = conn.getresponse()
                self.started_ok.set()
                if response.status != 200:  # e.g. the CRD is not served yet
                    raise RuntimeError(f"HTTP {response.status}")
                for line in response:
                    event = json.loads(line)
                    obj = event.get("object") or {}
                    if event.get("type") == "ERROR":  # e.g. 410 Gone: list afresh
                        version = ""
                        break
                    version = obj["metadata"].get("resourceVersion", version)
                    if event["type"] not in ("ADDED", "MODIFIED"):
                        continue
                    name, now = obj["metadata"]["name"], time.time()
                    with self.lock:
                        self.seen.setdefault(name, now)
                        if self.up and name not in self.ready and self.up(obj):
                            self.ready[name] = now
                        self.lock.notify_all()
            except Exception as e:  # a stream ended: start again from `version`
                if not self.stopped.is_set():
                    log(f"watch {self.path} restarts: {e}")
                    time.sleep(1)

    def wait_count(self, table, n, deadline):
        with self.lock:
            while len(table) < n:
                if time.time() > deadline:
                    raise TimeoutError(f"{len(table)}/{n} after deadline ({self.path})")
                self.lock.wait(1)
            return max(table.values())


def up_predicate(spec):
    """'condition:Ready' (status.conditions[type=Ready].status == True) or 'phase:Running'."""
    kind, _, value = spec.partition(":")
    if kind == "condition":
        return lambda o: any(c.get("type") == value and c.get("status") == "True"
                             for c in (o.get("status") or {}).get("conditions") or [])
    if kind == "phase":
        return lambda o: (o.get("status") or {}).get("phase") == value
    raise ValueError(f"--*-up must be condition:TYPE or phase:VALUE, not {spec}")


# ---------------------------------------------------------------- the audit log

def operator_writes(audit_log, start, end, objects=None):
    """Write requests of the operator identity received in [start, end), as 'verb resource[/sub]' strings;
    adds the objects written (not Events, not subresources) to `objects` as (resource, namespace, name)."""
    writes = []
    with open(audit_log) as f:
        for line in f:
            if IDENTITY not in line:
                continue
            event = json.loads(line)
            if event.get("stage") != "ResponseComplete" or event.get("verb") not in WRITE_VERBS:
                continue
            if event["user"].get("username") != IDENTITY:
                continue
            at = datetime.fromisoformat(event["requestReceivedTimestamp"].replace("Z", "+00:00")).timestamp()
            if start <= at < end:
                ref = event.get("objectRef", {})
                sub = "/" + ref["subresource"] if ref.get("subresource") else ""
                writes.append(f"{event['verb']} {ref.get('resource', '?')}{sub}")
                if objects is not None and not sub and ref.get("resource") != "events":
                    objects.add((ref.get("resource"), ref.get("namespace"), ref.get("name")))
    return writes


def breakdown(writes):
    counts = {}
    for w in writes:
        counts[w] = counts.get(w, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


# ---------------------------------------------------------------- one run

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def healthy(url):
    try:
        with NO_PROXY.open(url, timeout=1) as r:
            return r.status == 200
    except Exception:
        return False


def server_objects(template, n):
    text = Path(template).read_text()
    return [json.loads(json.dumps(_load_yaml(text)).replace("__NAME__", f"bench-{i:03d}")) for i in range(n)]


def _load_yaml(text):
    """The one-document server template, through kubectl-free means: it is JSON-compatible YAML or plain JSON."""
    try:
        return json.loads(text)
    except ValueError:
        import yaml  # PyYAML, if the template is real YAML
        return yaml.safe_load(text)


def run_once(op, n, args, index):
    label = op["label"]
    nodes = max(1, math.ceil(n / PODS_PER_NODE))
    # Absolute: the operator may run in another working directory (KUBECONFIG points into this directory).
    cluster = Cluster(Path(args.out).resolve() / "clusters" / f"{label}-{n}-{index}", nodes, 3 * n + 20)
    result = {"label": label, "n": n, "run": index, "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
              "load_start": os.getloadavg()}
    log(f"{label} N={n} run {index}: control plane ({nodes} node(s), {cluster.pvs} PVs), load {os.getloadavg()}")
    cluster.up()
    proc, watches, failed = None, [], True
    try:
        kubeconfig = cluster.prepare(op["crd"])
        path = f"/apis/{GROUP}/{VERSION}/namespaces/{NAMESPACE}/{PLURAL}"
        servers = Watch(cluster, path, up_predicate(op["up"]))
        sets = Watch(cluster, f"/apis/apps/v1/namespaces/{NAMESPACE}/statefulsets")
        watches = [servers, sets]
        servers.start(), sets.start()
        servers.started_ok.wait(30), sets.started_ok.wait(30)
        objects = server_objects(op["server"], n)

        port = free_port()
        command = [a.replace("{port}", str(port)) for a in op["command"]]
        health = f"http://127.0.0.1:{port}{op['ready_path']}"
        oplog = open(cluster.dir / f"operator-{label}.log", "w")
        env = dict(os.environ, KUBECONFIG=str(kubeconfig))
        memory = MemoryCgroup(f"{label}-{n}-{index}-{os.getpid()}")
        t_spawn = time.time()
        proc = subprocess.Popen(command, cwd=op.get("workdir", REPO), env=env, stdout=oplog, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=memory.enter)
        while not healthy(health):
            if proc.poll() is not None:
                raise RuntimeError(f"operator exited with {proc.returncode}; see {oplog.name}")
            if time.time() - t_spawn > 300:
                raise TimeoutError(f"{health} not ready after 300 s")
            time.sleep(0.02)
        result["start_to_ready_s"] = time.time() - t_spawn
        result["start_cpu_s"] = cpu_seconds(proc.pid)
        time.sleep(args.idle)
        result["idle_rss_mib"] = rss_mib(proc.pid)
        result["idle_working_set_mib"] = memory.working_set_mib()

        # N servers at once: parallel creates, so the apiserver sees them within about a second.
        peak = [0.0]
        sampling = threading.Event()

        def sample():
            while not sampling.is_set():
                peak[0] = max(peak[0], rss_mib(proc.pid))
                time.sleep(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        cpu0, t0 = cpu_seconds(proc.pid), time.time()
        sampler.start()
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda o: cluster.request("POST", path, o), objects))
        result["create_s"] = time.time() - t0
        deadline = t0 + args.timeout
        result["all_statefulsets_s"] = sets.wait_count(sets.seen, n, deadline) - t0
        t_up = servers.wait_count(servers.ready, n, deadline)
        result["all_up_s"] = t_up - t0
        result["converge_cpu_s"] = cpu_seconds(proc.pid) - cpu0
        time.sleep(args.settle)
        sampling.set()
        result["rss_at_n_mib"] = rss_mib(proc.pid)
        result["working_set_at_n_mib"] = memory.working_set_mib()
        if op["label"] != "baseline":
            result["cached_kinds"] = cached_bytes(cluster)
        result["peak_rss_mib"] = max(peak[0], result["rss_at_n_mib"])
        t_steady, cpu_steady = time.time(), cpu_seconds(proc.pid)
        audit = cluster.dir / "logs/audit.log"
        written = set()
        converge_writes = operator_writes(audit, t0, t_steady, written)
        result["objects_per_server"] = len(written) / n
        result["writes_per_server"] = len(converge_writes) / n
        result["writes_per_server_no_events"] = sum(1 for w in converge_writes if " events" not in w) / n
        result["converge_writes"] = breakdown(converge_writes)

        time.sleep(args.steady)
        result["steady_s"] = time.time() - t_steady
        result["steady_cpu_s"] = cpu_seconds(proc.pid) - cpu_steady
        steady_writes = operator_writes(audit, t_steady, time.time())
        result["steady_writes"] = len(steady_writes)
        result["steady_writes_breakdown"] = breakdown(steady_writes)
        result["rss_end_mib"] = rss_mib(proc.pid)
        if args.heap:  # a full GC: after the steady state, so it does not disturb the figures above
            result.update(live_heap(proc.pid) or {})
        if args.heap_dump and op["label"] != "baseline":  # the live objects, for a heap analyser
            dump = Path(args.heap_dump).resolve() / f"{label}-{n}-{index}.hprof"
            dump.parent.mkdir(parents=True, exist_ok=True)
            jcmd = Path(os.environ.get("JAVA_HOME", "/nonexistent")) / "bin/jcmd"
            subprocess.run([str(jcmd), str(proc.pid), "GC.heap_dump", str(dump)], capture_output=True, timeout=300)
            result["heap_dump"] = str(dump)
        result["load_end"] = os.getloadavg()
        failed = False
        return result
    finally:
        for w in watches:
            w.stop()
        if proc and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if proc:
            memory.remove()
        cluster.down(args.keep or failed)  # a failed run keeps its logs


# ---------------------------------------------------------------- the table

FIGURES = [  # key, label, format
    ("start_to_ready_s", "process start → ready (s)", "{:.2f}"),
    ("start_cpu_s", "CPU to start (s)", "{:.2f}"),
    ("idle_rss_mib", "idle RSS (MiB)", "{:.0f}"),
    ("all_statefulsets_s", "all StatefulSets exist (s)", "{:.1f}"),
    ("all_up_s", "all servers up (s)", "{:.1f}"),
    ("converge_cpu_s", "CPU to converge N (s)", "{:.1f}"),
    ("rss_at_n_mib", "RSS at N (MiB)", "{:.0f}"),
    ("peak_rss_mib", "peak RSS while converging (MiB)", "{:.0f}"),
    ("idle_working_set_mib", "idle working set (MiB)", "{:.0f}"),
    ("working_set_at_n_mib", "working set at N (MiB)", "{:.0f}"),
    ("heap_used_mib", "heap occupied after the steady state, garbage included (MiB)", "{:.0f}"),
    ("live_heap_mib", "live heap after the steady state (MiB)", "{:.0f}"),
    ("writes_per_server", "apiserver writes per server", "{:.1f}"),
    ("writes_per_server_no_events", "… of them not Events", "{:.1f}"),
    ("steady_writes", "steady-state writes", "{:.0f}"),
    ("steady_cpu_s", "steady-state CPU (s)", "{:.2f}"),
    ("load1", "machine load (1-min avg at run start)", "{:.1f}"),
]


def cell(values, fmt):
    if not values:
        return "–"
    med = statistics.median(values)
    if len(values) == 1:
        return fmt.format(med)
    return f"{fmt.format(med)} [{fmt.format(min(values))}–{fmt.format(max(values))}]"


def ratio(ours, base):
    if not ours or not base:
        return "–"
    b, o = statistics.median(base), statistics.median(ours)
    if b == 0:
        return "–" if o == 0 else "∞"
    return f"{o / b:.2f}×"


def report(out, baseline_label="baseline"):
    path = Path(out) / "results.jsonl" if Path(out).is_dir() else Path(out)  # a directory or a results file
    rows = [json.loads(l) for l in path.read_text().splitlines() if l.strip()]
    for r in rows:
        if "error" in r:
            print(f"failed run (not in the table): {r['label']} N={r['n']} run {r['run']}: {r['error']}")
    rows = [r for r in rows if "error" not in r]
    for r in rows:
        r["load1"] = r["load_start"][0]
        if "live_heap_mib" in r and "heap_used_mib" not in r:  # older results: that figure came from -all, no GC
            r["heap_used_mib"] = r.pop("live_heap_mib")
    labels = sorted({r["label"] for r in rows} - {baseline_label})
    lines = []
    for n in sorted({r["n"] for r in rows}):
        at_n = [r for r in rows if r["n"] == n]
        steady = sorted({round(r["steady_s"]) for r in at_n})
        lines.append(f"\n### N = {n} (runs: " + ", ".join(
            f"{l} {sum(1 for r in at_n if r['label'] == l)}" for l in [baseline_label] + labels)
            + f"; steady state {'/'.join(map(str, steady))} s)\n")
        header = ["figure", f"{baseline_label} median [min–max]"]
        for l in labels:
            header += [f"{l} median [min–max]", f"ratio {l}/{baseline_label}"]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for key, name, fmt in FIGURES:
            base = [r[key] for r in at_n if r["label"] == baseline_label and r.get(key) is not None]
            row = [name, cell(base, fmt)]
            for l in labels:
                ours = [r[key] for r in at_n if r["label"] == l and r.get(key) is not None]
                row += [cell(ours, fmt), "" if key == "load1" else ratio(ours, base)]
            lines.append("| " + " | ".join(row) + " |")
    for label in labels:
        lines += targets(rows, label, baseline_label)
    text = "\n".join(lines)
    print(text)
    return text


def targets(rows, label, baseline_label):
    """The targets of the issue, checked on the medians: (figure, N or None for every N, bound)."""
    def med(key, lab, n=None, f=None):
        values = [f(r) if f else r[key] for r in rows if r["label"] == lab and (n is None or r["n"] == n)
                  and (f or r.get(key) is not None)]
        return statistics.median(values) if values else None

    def created(r):  # objects the operator wrote per server (Events and subresources aside)
        if "objects_per_server" in r:
            return r["objects_per_server"]
        per_resource = {}  # older results: creates, or server-side-apply patches, per resource
        for w, c in r["converge_writes"].items():
            verb, resource = w.split(" ", 1)
            if verb in ("create", "patch") and "/" not in resource and resource != "events":
                per_resource[resource] = max(per_resource.get(resource, 0), c)
        return sum(per_resource.values()) / r["n"]

    lines = [f"\n### Targets: {label} against {baseline_label} (medians)\n",
             "| target | measured | met |", "|---|---|---|"]

    def ratio_row(name, key, bound, n=None):
        o, b = med(key, label, n), med(key, baseline_label, n)
        if o is None or b is None or b == 0:
            lines.append(f"| {name} | not measured | – |")
            return
        r = o / b
        verdict = "yes" if r <= bound else f"no, by {r / bound:.1f}×"
        lines.append(f"| {name} ≤ {bound}× | {r:.2f}× ({o:.3g} vs {b:.3g}) | {verdict} |")

    ratio_row("start → ready", "start_to_ready_s", 4)
    o = med("start_to_ready_s", label)
    if o is not None:
        lines.append(f"| start → ready ≤ ~1 s | {o:.2f} s | {'yes' if o <= 1.05 else f'no, by {o:.1f}×'} |")
    ratio_row("idle RSS", "idle_rss_mib", 2)
    for n in (100, 500, 1000):
        ratio_row(f"RSS at N = {n}", "rss_at_n_mib", 2, n)
        ratio_row(f"working set at N = {n}", "working_set_at_n_mib", 2, n)
    ratio_row("CPU to converge N = 100", "converge_cpu_s", 1.5, 100)
    for n in sorted({r["n"] for r in rows}):
        ratio_row(f"all servers up, N = {n}", "all_up_s", 1.0, n)
        w, c = med("writes_per_server", label, n), med(None, label, n, created)
        if w is not None:
            lines.append(f"| writes per new server ≤ objects created + 2, N = {n} | {w:.1f} for {c:.0f} objects"
                         f" | {'yes' if w <= c + 2 else f'no, {w - c - 2:.1f} too many'} |")
        s_ = med("steady_writes", label, n)
        if s_ is not None:
            lines.append(f"| steady-state writes = 0, N = {n} | {s_:.0f} | {'yes' if s_ == 0 else 'no'} |")
    return lines


# ---------------------------------------------------------------- entry point

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", default="10,100,500", help="comma-separated server counts (default 10,100,500)")
    p.add_argument("--runs", type=int, default=3, help="runs per operator and N (default 3)")
    p.add_argument("--steady", type=float, default=180, help="steady-state seconds (default 180)")
    p.add_argument("--idle", type=float, default=5, help="seconds after ready before idle RSS (default 5)")
    p.add_argument("--heap", action="store_true",
                   help="a Java operator's live heap and largest classes at the end (jcmd of JAVA_HOME; a full GC)")
    p.add_argument("--heap-dump", metavar="DIR", help="a Java operator's live heap dump at the end, into DIR "
                   "(jcmd GC.heap_dump of JAVA_HOME; LABEL-N-RUN.hprof)")
    p.add_argument("--settle", type=float, default=5, help="seconds after all up before RSS at N (default 5)")
    p.add_argument("--timeout", type=float, default=900, help="seconds for all servers to come up (default 900)")
    p.add_argument("--out", default=str(REPO / "target/bench"), help="results directory (default target/bench)")
    p.add_argument("--keep", action="store_true", help="keep each run's control-plane directory")
    p.add_argument("--report", action="store_true", help="only print the table of the results in --out (a directory "
                   "or a results.jsonl file)")
    p.add_argument("--smoke", action="store_true", help="N=5, one run, 20 s steady state, this operator only")
    # the operator under test
    p.add_argument("--label", default="ours", help="name of the operator under test in the table (default ours)")
    p.add_argument("--java", default=os.environ.get("JAVA", "java"), help="java command (default $JAVA or java)")
    p.add_argument("--jvm-opts", default=os.environ.get("JVM_OPTS", ""), help="JVM flags (default $JVM_OPTS)")
    p.add_argument("--jar", default="target/quarkus-app/quarkus-run.jar", help="relative to --workdir")
    p.add_argument("--workdir", default=str(REPO), help="working directory of the operator (default the repo)")
    p.add_argument("--cmd", help="full start command instead of java+jar ({port} = its health port); none: only the "
                   "baseline")
    p.add_argument("--crd", default="deploy/crd.yaml")  # every CRD the operator watches
    p.add_argument("--server", default=str(BENCH / "servers/ours.json"), help="server template (__NAME__)")
    p.add_argument("--ready-path", default="/q/health/ready")
    p.add_argument("--up", default="condition:Ready", help="when a server counts as up (default condition:Ready)")
    p.add_argument("--also", nargs=3, action="append", default=[], metavar=("LABEL", "WORKDIR", "CMD"),
                   help="another build of this operator to measure in the same runs (same CRD, template, health)")
    # the baseline
    p.add_argument("--baseline-cmd", help="baseline start command ({port} = its health-probe port); none: skip it")
    p.add_argument("--baseline-crd")
    p.add_argument("--baseline-server", default=str(BENCH / "servers/baseline.json"))
    p.add_argument("--baseline-ready-path", default="/readyz")
    p.add_argument("--baseline-up", default="phase:Running")
    args = p.parse_args()

    if args.report:
        report(args.out)
        return
    if args.smoke:
        args.n, args.runs, args.steady, args.idle, args.settle, args.baseline_cmd = "5", 1, 20, 2, 2, None
    Path(args.out).mkdir(parents=True, exist_ok=True)
    ours_cmd = shlex.split(args.cmd) if args.cmd else (
        [args.java, *shlex.split(args.jvm_opts), "-Dquarkus.profile=bench",
         "-Ddittofs.operator.data-plane.enabled=false", "-Ddittofs.operator.leader-election.enabled=false",
         "-Dquarkus.http.port={port}",
         "-Dquarkus.log.console.json.enabled=false", "-jar", args.jar])
    operators = [{"label": args.label, "command": ours_cmd, "workdir": args.workdir, "crd": args.crd,
                  "server": args.server,
                  "ready_path": args.ready_path, "up": args.up}]
    if args.cmd == "none":  # the baseline alone, e.g. after a series of this operator
        operators = []
    for label, workdir, cmd in args.also:
        operators.append(dict(operators[0], label=label, workdir=workdir, command=shlex.split(cmd)))
    if args.baseline_cmd and args.baseline_cmd != "none":
        if not args.baseline_crd:
            p.error("--baseline-cmd needs --baseline-crd")
        operators.insert(0, {"label": "baseline", "command": shlex.split(args.baseline_cmd),
                             "crd": args.baseline_crd, "server": args.baseline_server,
                             "ready_path": args.baseline_ready_path, "up": args.baseline_up})
    for op in operators:
        log(f"{op['label']}: {shlex.join(op['command'])}")
    results = Path(args.out) / "results.jsonl"
    t_all = time.time()
    # Interleaved (run 1 of every operator, then run 2, ...) so a change in machine load hits all of them alike.
    for n in [int(x) for x in args.n.split(",")]:
        for index in range(1, args.runs + 1):
            for op in operators:
                try:
                    r = run_once(op, n, args, index)
                except Exception as e:  # one failed run (say, the operator exited) must not end the benchmark
                    log(f"{op['label']} N={n} run {index} FAILED: {e}")
                    r = {"label": op["label"], "n": n, "run": index, "error": str(e), "load_start": os.getloadavg()}
                with open(results, "a") as f:
                    f.write(json.dumps(r) + "\n")
                log(f"{op['label']} N={n} run {index}: " + ", ".join(
                    f"{k}={r[k]:.2f}" for k, _, _ in FIGURES if isinstance(r.get(k), float)))
    log(f"done in {time.time() - t_all:.0f} s; results in {results}")
    report(args.out)


if __name__ == "__main__":
    main()
