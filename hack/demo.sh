#!/usr/bin/env bash
# Runs the operator with the basic sample, by default on a throwaway local control plane.
#
#   hack/demo.sh                    where this machine runs containers (root, containerd, runc): build the operator's
#                                   and dfs's images, start a local control plane with a real node (hack/cluster.sh,
#                                   CLUSTER_NODE=real), install the chart with the local operator image, apply
#                                   docs/samples/dittofs_v1alpha1_dittoserver.yaml with a declared user "demo", wait
#                                   for Ready, then write and read a file over NFS and SMB through the -file Service
#                                   (hack/demo-node.sh). Elsewhere: a local control plane whose node kwok simulates,
#                                   the operator on this machine and, as root, the real dfs for the simulated pod
#                                   (hack/pod-dfs.py), then the same round trip
#   DEMO_NODE=kwok hack/demo.sh     the simulated node even where containers could run
#   hack/demo.sh --current-context  the basic sample against the cluster of your current kubeconfig (no local
#                                   cluster, no dfs run here, no file written)
#   DEMO_EXIT=1 hack/demo.sh        stop everything after printing the result instead of running on
#   DEMO_DATA_PLANE=pod-ip|off ...  manage dfs adapters/stores/shares reaching dfs on its pod IP, or leave them
#                                   alone (default: pod-ip where the demo runs dfs itself, else off)
#   DEMO_STRICT=1 hack/demo.sh      fail when the file round trip cannot run in full (not root, a client missing:
#                                   libnfs-utils, smbclient) as when what is read differs from what was written
#
# Ctrl-C stops the operator and the local control plane. State and logs live in .demo/.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
DEMO=$ROOT/.demo
SAMPLE=docs/samples/dittofs_v1alpha1_dittoserver.yaml
mkdir -p "$DEMO"
log() { echo "demo: $*" >&2; }

LOCAL=1
[[ ${1:-} == --current-context ]] && LOCAL=0
# A real node where this machine can run containers; kwok's simulated one otherwise (or with DEMO_NODE=kwok).
REAL_NODE=0
if ((LOCAL)) && [[ ${DEMO_NODE:-real} == real ]]; then
  if [[ $EUID -eq 0 ]] && command -v containerd >/dev/null && command -v runc >/dev/null; then REAL_NODE=1
  elif [[ ${DEMO_STRICT:-} == 1 ]]; then
    log "DEMO_STRICT=1: a real node needs root, containerd and runc (apt-get install containerd runc containernetworking-plugins)"
    exit 1
  else log "no container runtime here (root, containerd, runc): the node is simulated by kwok"; fi
fi
# On the local control plane pods are simulated: the demo plays the kubelet and runs the real dfs for the pod, as the
# end-to-end tests do. That needs root (a bind mount in a private mount namespace, like the pod's volume).
RUN_DFS=0
if ((LOCAL && !REAL_NODE)) && [[ ${DEMO_DATA_PLANE:-pod-ip} != off ]]; then
  if [[ $EUID -eq 0 ]] && command -v unshare >/dev/null && command -v python3 >/dev/null; then RUN_DFS=1
  elif [[ ${DEMO_STRICT:-} == 1 ]]; then log "DEMO_STRICT=1: the file round trip needs root, unshare and python3"; exit 1
  else log "not root (or no unshare/python3): the demo shows the Kubernetes side only, no dfs runs"; fi
fi

log "building the operator"
./mvnw -B -q -ntp package -DskipTests

if ((REAL_NODE)); then
  trap 'bash hack/cluster.sh down "$DEMO/cluster" || true' EXIT
  source hack/demo-files.sh
  source hack/demo-node.sh
  demo_node
  exit 0
fi

if ((LOCAL)); then
  log "starting a local control plane in $DEMO/cluster (first run builds it from source)"
  bash hack/cluster.sh up "$DEMO/cluster"
  export KUBECONFIG=$DEMO/cluster/kubeconfig
  KUBECTL=$(bash hack/tools.sh path kubectl)
else
  KUBECTL=$(command -v kubectl || true)
  [[ -n $KUBECTL ]] || { bash hack/tools.sh ensure kubectl; KUBECTL=$(bash hack/tools.sh path kubectl); }
  log "using the current context: $("$KUBECTL" config current-context)"
fi

OPERATOR_PID=
DFS_PID=
cleanup() {
  if [[ -n $DFS_PID ]]; then kill "$DFS_PID" 2>/dev/null || true; wait "$DFS_PID" 2>/dev/null || true; fi
  if [[ -n $OPERATOR_PID ]]; then kill "$OPERATOR_PID" 2>/dev/null || true; wait "$OPERATOR_PID" 2>/dev/null || true; fi
  if ((LOCAL)); then bash hack/cluster.sh down "$DEMO/cluster" || true; fi
}
trap cleanup EXIT

log "installing the CRDs"
"$KUBECTL" apply --server-side -f target/kubernetes/dittoservers.dittofs.dittofs.com-v1.yml \
  -f target/kubernetes/dittosnapshots.dittofs.dittofs.com-v1.yml \
  -f target/kubernetes/dittosnapshotrestores.dittofs.dittofs.com-v1.yml >/dev/null
# right after the apply the CRD may have no conditions yet, which kubectl wait reports as an error: ask again
for attempt in $(seq 1 30); do
  "$KUBECTL" wait --for=condition=Established crd/dittoservers.dittofs.dittofs.com \
    crd/dittosnapshots.dittofs.dittofs.com crd/dittosnapshotrestores.dittofs.dittofs.com --timeout=60s >/dev/null 2>&1 \
    && break
  ((attempt < 30)) || { log "the CRDs were not established"; exit 1; }
  sleep 1
done

log "starting the operator (log: $DEMO/operator.log)"
# The operator runs on this machine, outside the cluster. It manages dfs's shares and users through the dfs REST
# API, which it can reach only where pod IPs are routable: on the local control plane they are loopback addresses
# and the demo runs dfs itself; on a real cluster only with DEMO_DATA_PLANE=pod-ip.
if ((RUN_DFS)); then DATA_PLANE=${DEMO_DATA_PLANE:-pod-ip}; else DATA_PLANE=${DEMO_DATA_PLANE:-off}; fi
if [[ $DATA_PLANE == off ]]; then
  DATA_PLANE_ARGS=(-Ddittofs.operator.data-plane.enabled=false)
else
  DATA_PLANE_ARGS=(-Ddittofs.operator.data-plane.api-access="$DATA_PLANE")
fi
# The JVM flags of the container image (src/main/docker/Dockerfile.jvm), with a fixed heap instead of a share of a
# container limit. On Java 25+ also an AOT cache, written as the image does (Quarkus's training run: the static
# initialisation, a few seconds) right after the build, by this JVM.
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JVM_ARGS=(-XX:+UseSerialGC -Xms16m -Xmx192m -XX:MaxNewSize=24m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
  -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError)
rm -f target/quarkus-app/app.aot
if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep AOTCacheOutput >/dev/null; then
  JVM_ARGS=(-XX:+UseCompactObjectHeaders "${JVM_ARGS[@]}") # Java 25+, as the image; the cache is written with it
  log "writing the AOT cache (target/quarkus-app/app.aot)"
  # The training run starts the operator against an address where no apiserver listens: it loads and links what a
  # real start does, fails fast, and the JVM writes the cache as it exits (a non-zero exit is expected). Without
  # that address it would find the demo cluster and run as a second operator; the timeout is a safety net.
  (cd target/quarkus-app && KUBECONFIG=/nonexistent timeout -s TERM 180 "$JAVA" -XX:AOTCacheOutput=app.aot \
    -XX:+UseCompactObjectHeaders -XX:+UseSerialGC -XX:MaxNewSize=24m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
    -Dquarkus.appcds.generate=true \
    -Dquarkus.kubernetes-client.api-server-url=https://127.0.0.1:9 -Ddittofs.operator.leader-election.enabled=false \
    -Dquarkus.http.port=0 -jar quarkus-run.jar \
    >"$DEMO/aot-cache.log" 2>&1) || true
  if [[ -s target/quarkus-app/app.aot ]]; then JVM_ARGS+=(-XX:AOTCache=app.aot)
  else log "no AOT cache (see $DEMO/aot-cache.log); starting without"; rm -f target/quarkus-app/app.aot; fi
fi
# dfs's REST API listens on 8080 like the operator's probes would: with dfs on this machine the operator takes any
# free port instead.
((RUN_DFS)) && DATA_PLANE_ARGS+=(-Dquarkus.http.port=0)
(cd target/quarkus-app && MALLOC_ARENA_MAX=2 exec "$JAVA" "${JVM_ARGS[@]}" -Dquarkus.log.console.json.enabled=false \
  -Ddittofs.operator.leader-election.enabled=false "${DATA_PLANE_ARGS[@]}" -jar quarkus-run.jar) \
  >"$DEMO/operator.log" 2>&1 &
OPERATOR_PID=$!

log "applying $SAMPLE"
"$KUBECTL" apply -f "$SAMPLE"
if ((RUN_DFS)); then
  source hack/demo-files.sh
  demo_declare_user
  demo_run_dfs
fi
if ! "$KUBECTL" wait --for=condition=Ready dittoserver/my-dittofs --timeout=180s; then
  log "not ready in time; last operator log lines:"
  tail -n 30 "$DEMO/operator.log" >&2
  "$KUBECTL" get dittoserver my-dittofs -o yaml >&2
  exit 1
fi
"$KUBECTL" get dittoservers,statefulsets,pods,svc,pvc
((RUN_DFS)) && demo_files

if [[ -n ${DEMO_EXIT:-} ]]; then
  exit 0
fi
log "the operator keeps running; try: KUBECONFIG=${KUBECONFIG:-~/.kube/config} kubectl edit dittoserver my-dittofs"
log "Ctrl-C to stop"
wait "$OPERATOR_PID"
