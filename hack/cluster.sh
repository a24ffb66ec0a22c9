#!/usr/bin/env bash
# A throwaway Kubernetes control plane on 127.0.0.1 for end-to-end tests and demos.
#
#   hack/cluster.sh up DIR       start etcd, kube-apiserver, kube-controller-manager, kube-scheduler
#                                and kwok (one fake node); exits 0 once the cluster is usable
#   hack/cluster.sh down DIR     stop everything `up` started in DIR (idempotent); state stays for debugging
#   hack/cluster.sh status DIR   exit 0 if every component is alive and the apiserver is ready
#   hack/cluster.sh restart-apiserver DIR
#                                stop kube-apiserver (SIGTERM) and start it again on the same port and etcd data;
#                                exits 0 once it is ready again (fault tests: an apiserver restart mid-reconcile)
#   CLUSTER_NODE=real hack/cluster.sh up DIR
#                                a real node instead of kwok: containerd, kubelet, kube-proxy, CNI bridge, CoreDNS
#                                (hack/node/node.sh; as root; one per machine: waits up to CLUSTER_NODE_WAIT s,
#                                default 900, for another running node, cleans up after one that died)
#   hack/cluster.sh load-images DIR ARCHIVE...   import OCI archives into the real node's containerd
#   hack/cluster.sh leftovers DIR                exit 1 listing what a real node left on the machine (after down)
#
# Everything lives under DIR: pki/, etcd/, logs/<component>.log, pids/, kubeconfig (cluster-admin)
# and env (shell-sourceable `export KEY=value` lines: KUBECONFIG, APISERVER_URL, ports, PIDs).
# Pods are simulated by kwok: they become Running/Ready, but no container runs; their IPs are loopback
# addresses (so Services get no endpoints: Endpoints/EndpointSlices reject loopback IPs).
# Storage: a default StorageClass "standard" (no provisioner, WaitForFirstConsumer as on real clusters: the
# scheduler picks and binds the volumes of a pod itself, so a pod never waits on a claim still binding; it allows
# volume expansion, though no resizer runs) plus a pool of hostPath PVs of class "standard", a few of class "" and a
# few of class "fixed-size" (no allowVolumeExpansion); a background loop makes Released PVs Available. On the real
# node "standard"/"fixed-size" PVs are `local` volumes (the kubelet applies fsGroup), a class "hostpath" has hostPath
# ones (it does not), and the loop also empties a Released volume's directory.
# Tunables: CLUSTER_TIMEOUT (s per wait, default 90), CLUSTER_PV_COUNT (default 300; 30 on the real node),
# KWOK_POD_CIDR, CLUSTER_NODES (simulated nodes, default 1; each 64 CPUs, 256Gi, 500 pods: 256 dfs pods at 250m CPU
# apiece), CLUSTER_NODE (kwok, the default, or real), KUBE_VERSION (the Kubernetes release, e.g. v1.30.14;
# default: tools.sh's K8S_VERSION; kept in DIR/env).
set -Eeuo pipefail
set +m # no job control: background jobs must not lead a process group, so setsid keeps their PID

HACK=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TIMEOUT=${CLUSTER_TIMEOUT:-90}
PV_COUNT=${CLUSTER_PV_COUNT:-300}
NODE_COUNT=${CLUSTER_NODES:-1}
FIXED_CLASS=fixed-size # a StorageClass without allowVolumeExpansion
NODE_NAME="kwok-node-0" # the first node; kwok-node-1... follow when CLUSTER_NODES > 1
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok pv-recycler)
# shellcheck disable=SC1091 # the real node (CLUSTER_NODE=real): functions and settings only
. "$HACK/node/node.sh"
REAL=false
use_real_node() {
  REAL=true
  NODE_NAME=$REAL_NODE_NAME
  NODE_COUNT=1
  PV_COUNT=${CLUSTER_PV_COUNT:-30}
  COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler "${NODE_COMPONENTS[@]}" pv-recycler)
}

die() { echo "cluster.sh: error: $*" >&2; exit 1; }
# tool NAME: the path of a built tool; the Kubernetes ones of release KUBE_VERSION (exported: tools.sh reads it).
tool() { "$HACK/tools.sh" path "$1"; }
log() { echo "cluster.sh: $*" >&2; }

# alive PID: running and not a zombie (a killed child may linger unreaped under a subreaper).
alive() {
  local stat
  [[ -n $1 ]] && read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) } # fields after "(comm) "; the first one is the state
  [[ ${stat%% *} != Z ]]
}
# ours PID: alive and its command line mentions DIR, so a recycled PID is never killed.
ours() { alive "$1" && [[ $(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) == *"$DIR"* ]]; }
pid_of() { cat "$DIR/pids/$1.pid" 2>/dev/null || true; }

# fail MSG [COMPONENT]: show the component's log tail, stop what was started, exit non-zero.
fail() {
  trap - ERR INT TERM
  echo "cluster.sh: up failed: $1" >&2
  if [[ -n ${2:-} && -f $DIR/logs/$2.log ]]; then
    echo "---- last lines of $DIR/logs/$2.log ----" >&2
    tail -n 40 "$DIR/logs/$2.log" >&2
    echo "----" >&2
  fi
  cmd_down >&2 || true
  exit 1
}

# pick_port VAR: a random free loopback port outside the kernel's ephemeral range (32768+).
USED_PORTS=" "
pick_port() {
  local p i
  for i in $(seq 200); do
    p=$((20000 + RANDOM % 12000))
    [[ $USED_PORTS == *" $p "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      USED_PORTS+="$p "
      printf -v "$1" %s "$p"
      return 0
    fi
  done
  die "no free port found (tried $i)"
}

# start NAME CMD...: run detached in its own session, output to logs/NAME.log, pid to pids/NAME.pid.
# stdin/stdout/stderr are all redirected so a caller reading our output (e.g. a JVM) sees EOF;
# fd 8 (the DIR lock) is closed so a long-lived child does not hold the lock.
start() {
  local name=$1; shift
  setsid "$@" >"$DIR/logs/$name.log" 2>&1 </dev/null 8>&- &
  echo $! >"$DIR/pids/$name.pid"
}

# wait_for NAME DESCRIPTION CMD...: poll CMD until it succeeds; fail fast if NAME's process died.
wait_for() {
  local name=$1 what=$2 deadline=$((SECONDS + TIMEOUT)) pid; shift 2
  until "$@" >/dev/null 2>&1; do
    pid=$(pid_of "$name")
    [[ -z $pid ]] || alive "$pid" || fail "$name exited while waiting for $what" "$name"
    ((SECONDS < deadline)) || fail "timed out after ${TIMEOUT}s waiting for $what" "$name"
    sleep 0.2
  done
}

https_ok() { # URL: GET with the admin identity, succeed on body "ok"
  [[ $(curl -sf --max-time 2 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" "$1") == ok ]]
}

gen_pki() {
  mkdir -p "$PKI"
  cat >"$PKI/openssl.cnf" <<EOF
[req]
distinguished_name = dn
prompt = no
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign,digitalSignature
subjectKeyIdentifier = hash
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:10.96.0.1$($REAL && echo ",IP:$NODE_IP")
[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
EOF
  # RSA keys in PKCS#1 ("BEGIN RSA PRIVATE KEY"): read by Go, curl, and Java clients such as fabric8.
  local o=(-config "$PKI/openssl.cnf") n
  openssl genrsa -traditional -out "$PKI/ca.key" 2048 2>/dev/null
  openssl req -x509 -new "${o[@]}" -extensions ca -key "$PKI/ca.key" -subj /CN=dittofs-e2e-ca \
    -days 3650 -out "$PKI/ca.crt"
  # Separate CA for the aggregation-layer front proxy, as kubeadm does: a client cert of the main CA
  # must never be able to assert identities through the X-Remote-* request headers.
  openssl genrsa -traditional -out "$PKI/front-proxy-ca.key" 2048 2>/dev/null
  openssl req -x509 -new "${o[@]}" -extensions ca -key "$PKI/front-proxy-ca.key" \
    -subj /CN=dittofs-e2e-front-proxy-ca -days 3650 -out "$PKI/front-proxy-ca.crt"
  local subj ext ca
  while read -r n subj ext ca; do
    openssl genrsa -traditional -out "$PKI/$n.key" 2048 2>/dev/null
    openssl req -new "${o[@]}" -key "$PKI/$n.key" -subj "$subj" -out "$PKI/$n.csr"
    openssl x509 -req -in "$PKI/$n.csr" -CA "$PKI/$ca.crt" -CAkey "$PKI/$ca.key" -CAcreateserial \
      -CAserial "$PKI/$ca.srl" -days 3650 -extfile "$PKI/openssl.cnf" -extensions "$ext" \
      -out "$PKI/$n.crt" 2>/dev/null
  done <<EOF
apiserver /CN=kube-apiserver server ca
admin /O=system:masters/CN=dittofs-e2e-admin client ca
controller-manager /CN=system:kube-controller-manager client ca
scheduler /CN=system:kube-scheduler client ca
front-proxy-client /CN=front-proxy-client client front-proxy-ca
EOF
  # Service-account token signing key pair.
  openssl genrsa -traditional -out "$PKI/sa.key" 2048 2>/dev/null
  openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
  if $REAL; then node_pki; fi
}

write_kubeconfig() { # FILE USER (cert/key from pki/USER.*)
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: dittofs-e2e
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority-data: $(base64 -w0 <"$PKI/ca.crt")
users:
- name: $2
  user:
    client-certificate-data: $(base64 -w0 <"$PKI/$2.crt")
    client-key-data: $(base64 -w0 <"$PKI/$2.key")
contexts:
- name: dittofs-e2e
  context: {cluster: dittofs-e2e, user: $2, namespace: default}
current-context: dittofs-e2e
EOF
  chmod 600 "$1"
}

# Cluster objects created once the apiserver is up: storage and the fake node.
write_bootstrap_manifest() {
  cat <<EOF
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: kubernetes.io/no-provisioner
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
---
# Like "standard" but without allowVolumeExpansion: the apiserver refuses to grow its claims.
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: $FIXED_CLASS
provisioner: kubernetes.io/no-provisioner
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
EOF
  if $REAL; then real_node_storage; return; fi
  local i class node
  for ((i = 0; i < NODE_COUNT; i++)); do
    node=kwok-node-$i
    cat <<EOF
---
apiVersion: v1
kind: Node
metadata:
  name: $node
  annotations: {kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0"}
  labels: {kubernetes.io/hostname: $node, kubernetes.io/os: linux, kubernetes.io/arch: amd64, type: kwok}
status:
  allocatable: {cpu: "64", memory: 256Gi, pods: "500", ephemeral-storage: 1Ti}
  capacity: {cpu: "64", memory: 256Gi, pods: "500", ephemeral-storage: 1Ti}
EOF
  done
  # Mostly "standard" (PVCs without storageClassName get it from the DefaultStorageClass admission
  # plugin); then 10 of class "" for PVCs that explicitly ask for no class, and 10 of class $FIXED_CLASS.
  for ((i = 0; i < PV_COUNT + 20; i++)); do
    if ((i < PV_COUNT)); then class=standard; elif ((i < PV_COUNT + 10)); then class='""'; else class=$FIXED_CLASS; fi
    cat <<EOF
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-$(printf %03d "$i")}
spec:
  capacity: {storage: 1Ti}
  accessModes: [ReadWriteOnce, ReadOnlyMany, ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: $class
  hostPath: {path: $DIR/pv/$(printf %03d "$i")}
EOF
  done
}

# The real node's pool: "standard" and "fixed-size" as local PVs (the kubelet applies fsGroup to them, as to most
# real block volumes), "hostpath" and "" as hostPath PVs (no fsGroup, like some NFS/local setups).
real_node_storage() {
  cat <<EOF
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: hostpath
provisioner: kubernetes.io/no-provisioner
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
EOF
  local i class n kind
  for ((i = 0; i < PV_COUNT + 30; i++)); do
    if ((i < PV_COUNT)); then class=standard
    elif ((i < PV_COUNT + 10)); then class=hostpath
    elif ((i < PV_COUNT + 20)); then class='""'
    else class=$FIXED_CLASS; fi
    n=$(printf %03d "$i")
    if [[ $class == standard || $class == "$FIXED_CLASS" ]]; then
      mkdir -p "$DIR/pv/$n" # a local volume's directory must exist
      kind="local: {path: $DIR/pv/$n}
  nodeAffinity:
    required:
      nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [$NODE_NAME]}]}]"
    else
      kind="hostPath: {path: $DIR/pv/$n, type: DirectoryOrCreate}"
    fi
    cat <<EOF
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-$n}
spec:
  capacity: {storage: 1Ti}
  accessModes: [ReadWriteOnce, ReadOnlyMany, ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: $class
  $kind
EOF
  done
}

# Background loop (started by `up` as `cluster.sh _pv-recycler DIR`): turns Released PVs back into
# Available ones by dropping their claimRef, so the fixed pool never runs dry. Ends with the apiserver.
pv_recycler() {
  local pv
  echo "pv-recycler started"
  while alive "$(pid_of kube-apiserver)"; do
    for pv in $("$KUBECTL" get pv -o jsonpath='{range .items[?(@.status.phase=="Released")]}{.metadata.name}{" "}{end}' 2>/dev/null); do
      # On the real node the volume was written: empty it, as a local-volume provisioner's cleaner would.
      if $REAL && [[ -d $DIR/pv/${pv#pv-} ]]; then find "$DIR/pv/${pv#pv-}" -mindepth 1 -delete; fi
      "$KUBECTL" patch pv "$pv" --type=json -p='[{"op":"remove","path":"/spec/claimRef"}]' && echo "recycled $pv"
    done
    sleep 2
  done
  echo "apiserver gone; pv-recycler exiting"
}

# start_apiserver BINARY: kube-apiserver on $APISERVER_PORT, storing in the etcd on $ETCD_PORT.
start_apiserver() {
  # kwok: no reconciled `kubernetes` endpoint (127.0.0.1 is not a valid Endpoints address; nothing in-cluster needs it).
  # The real node's pods reach the apiserver at the node IP (that endpoint), and it reaches the kubelet there
  # (logs, exec) with a client certificate.
  local net=(--bind-address=127.0.0.1 --advertise-address=127.0.0.1 --endpoint-reconciler-type=none)
  if $REAL; then
    net=(--bind-address=0.0.0.0 --advertise-address="$NODE_IP" --endpoint-reconciler-type=lease
      --kubelet-preferred-address-types=InternalIP --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt"
      --kubelet-client-key="$PKI/apiserver-kubelet-client.key" --kubelet-certificate-authority="$PKI/ca.crt")
  fi
  start kube-apiserver "$1" --etcd-servers="http://127.0.0.1:$ETCD_PORT" "${net[@]}" --secure-port="$APISERVER_PORT" \
    --cert-dir="$DIR/certs" --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
    --client-ca-file="$PKI/ca.crt" --authorization-mode=Node,RBAC \
    --enable-admission-plugins=NodeRestriction --allow-privileged=true \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
    --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
    --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
    --requestheader-extra-headers-prefix=X-Remote-Extra- \
    --proxy-client-cert-file="$PKI/front-proxy-client.crt" --proxy-client-key-file="$PKI/front-proxy-client.key" \
    --service-cluster-ip-range=10.96.0.0/16 --profiling=false \
    --audit-policy-file="$DIR/audit-policy.yaml" --audit-log-path="$DIR/logs/audit.log" \
    --audit-log-format=json --audit-log-mode=blocking
}

# write_env: DIR/env, what tests and humans source (ports, paths, PIDs).
write_env() {
  {
    echo "export CLUSTER_DIR=$DIR"
    # What runs, as the apiserver reports it ("Kubernetes v1.34.4"): restart-apiserver starts the same release.
    echo "export KUBE_VERSION=$("$(tool kube-apiserver)" --version | awk '{print $2}')"
    echo "export KUBECONFIG=$DIR/kubeconfig"
    echo "export APISERVER_URL=https://127.0.0.1:$APISERVER_PORT"
    echo "export KUBECTL=$KUBECTL"
    echo "export NODE_NAME=$NODE_NAME"
    echo "export CA_CERT=$PKI/ca.crt ADMIN_CERT=$PKI/admin.crt ADMIN_KEY=$PKI/admin.key"
    echo "export ETCD_PORT=$ETCD_PORT ETCD_PEER_PORT=$ETCD_PEER_PORT APISERVER_PORT=$APISERVER_PORT"
    echo "export KCM_PORT=$KCM_PORT SCHEDULER_PORT=$SCHEDULER_PORT KWOK_PORT=$KWOK_PORT"
    for k in "${COMPONENTS[@]}"; do
      echo "export $(tr a-z- A-Z_ <<<"$k")_PID=$(pid_of "$k")"
    done
    if $REAL; then node_env; fi
  } >"$DIR/env"
}

# The Kubernetes release a running cluster in DIR was started with (from DIR/env).
# shellcheck disable=SC1091
running_version() { (. "$DIR/env" 2>/dev/null && echo "${KUBE_VERSION:-}"); }

# await_machine_free: one real node per machine. Another DIR's node that still runs (a test run beside this one) is
# waited for, up to CLUSTER_NODE_WAIT seconds (default 900); one whose processes are all gone (a machine or session
# that stopped without `down`) is cleaned up, since nothing else ever would.
await_machine_free() {
  local owner said='' deadline=$((SECONDS + ${CLUSTER_NODE_WAIT:-900}))
  while owner=$(bridge_owner) && [[ -n $owner ]]; do
    if [[ -z $(dir_processes "$owner") ]]; then
      log "the real node of $owner stopped without 'down' and left its state on this machine: cleaning up after it"
      [[ -d $owner/node ]] || die "bridge $NODE_BRIDGE belongs to $owner, which no longer exists: 'ip link del $NODE_BRIDGE' and remove its iptables rules by hand"
      CLUSTER_NODE=real "$HACK/cluster.sh" down "$owner" >&2 || die "could not clean up after the real node of $owner"
      [[ -z $(bridge_owner) ]] || die "the real node of $owner is still on this machine after 'cluster.sh down $owner'"
      continue
    fi
    ((SECONDS < deadline)) || die "the real node of $owner still runs on this machine (one per machine) after ${CLUSTER_NODE_WAIT:-900}s"
    [[ -n $said ]] || log "the real node of $owner runs on this machine (one per machine): waiting for it to stop"
    said=1
    sleep 5
  done
}

cmd_up() {
  if cmd_status >/dev/null 2>&1; then
    local running; running=$(running_version)
    [[ -z ${KUBE_VERSION:-} || $KUBE_VERSION == "$running" ]] ||
      die "$DIR runs Kubernetes $running, not KUBE_VERSION=$KUBE_VERSION: run 'cluster.sh down $DIR' first"
    log "already running in $DIR (Kubernetes $running)"; return 0
  fi
  local t0=$SECONDS k
  cmd_down >/dev/null 2>&1 || true # leftovers of a crashed run
  if $REAL; then await_machine_free; fi
  local need=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl)
  $REAL || need+=(kwok)
  "$HACK/tools.sh" ensure "${need[@]}"
  KUBECTL=$(tool kubectl)
  local etcd apiserver kcm scheduler kwok=
  etcd=$(tool etcd)
  apiserver=$(tool kube-apiserver)
  kcm=$(tool kube-controller-manager)
  scheduler=$(tool kube-scheduler)
  $REAL || kwok=$(tool kwok)

  trap 'fail "unexpected error at line $LINENO"' ERR
  trap 'fail interrupted' INT TERM
  rm -rf "${DIR:?}"/{pki,etcd,logs,pids,pv,certs,kwok,node,kubeconfig*,env,bootstrap.yaml}
  mkdir -p "$DIR"/{logs,pids,certs,kwok}
  gen_pki
  pick_port ETCD_PORT; pick_port ETCD_PEER_PORT; pick_port APISERVER_PORT
  pick_port KCM_PORT; pick_port SCHEDULER_PORT; pick_port KWOK_PORT
  for k in admin controller-manager scheduler; do write_kubeconfig "$DIR/kubeconfig-$k" "$k"; done
  mv "$DIR/kubeconfig-admin" "$DIR/kubeconfig"
  log "pki ready ($((SECONDS - t0))s); starting etcd"

  # Audit every write (metadata only), so tests can count what a client wrote: "a resync writes nothing".
  cat >"$DIR/audit-policy.yaml" <<'POLICY'
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
- level: Metadata
  verbs: [create, update, patch, delete, deletecollection]
- level: None
POLICY

  local etcd_url=http://127.0.0.1:$ETCD_PORT peer_url=http://127.0.0.1:$ETCD_PEER_PORT
  start etcd "$etcd" --name=e2e --data-dir="$DIR/etcd" --log-level=warn --unsafe-no-fsync \
    --listen-client-urls="$etcd_url" --advertise-client-urls="$etcd_url" \
    --listen-peer-urls="$peer_url" --initial-advertise-peer-urls="$peer_url" \
    --initial-cluster="e2e=$peer_url" --initial-cluster-state=new
  wait_for etcd "etcd health" sh -c "curl -sf --max-time 2 $etcd_url/health | grep '\"health\":\"true\"' >/dev/null"

  start_apiserver "$apiserver"
  wait_for kube-apiserver "apiserver /readyz" https_ok "https://127.0.0.1:$APISERVER_PORT/readyz"
  log "apiserver ready ($((SECONDS - t0))s); starting controllers, scheduler, ${NODE_NAME%-0}"

  local common=(--bind-address=127.0.0.1 --leader-elect=false --profiling=false)
  start kube-controller-manager "$kcm" "${common[@]}" --secure-port="$KCM_PORT" \
    --kubeconfig="$DIR/kubeconfig-controller-manager" --cert-dir="$DIR/certs/kcm" \
    --authentication-kubeconfig="$DIR/kubeconfig-controller-manager" \
    --authorization-kubeconfig="$DIR/kubeconfig-controller-manager" \
    --use-service-account-credentials=true --controllers='*' \
    --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key"
  start kube-scheduler "$scheduler" "${common[@]}" --secure-port="$SCHEDULER_PORT" \
    --kubeconfig="$DIR/kubeconfig-scheduler" --cert-dir="$DIR/certs/scheduler" \
    --authentication-kubeconfig="$DIR/kubeconfig-scheduler" \
    --authorization-kubeconfig="$DIR/kubeconfig-scheduler"
  # Pod IPs come from a loopback range, so a test harness can run a pod's real process on its pod IP
  # and an operator outside the cluster can reach it there (127.0.0.0/8 is all loopback on Linux).
  # HOME is redirected because kwok always merges ~/.kwok/kwok.yaml if present. Node address
  # 127.0.0.1 keeps any apiserver->"kubelet" call (logs, exec) on loopback; pod IPs are loopback addresses.
  if $REAL; then
    node_up
  else
    start kwok env HOME="$DIR/kwok" "$kwok" --kubeconfig="$DIR/kubeconfig" \
      --manage-all-nodes=false --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
      --cidr="${KWOK_POD_CIDR:-127.1.0.1/16}" --node-ip=127.0.0.1 \
      --node-lease-duration-seconds=40 --server-address="127.0.0.1:$KWOK_PORT"
  fi

  write_bootstrap_manifest >"$DIR/bootstrap.yaml"
  "$KUBECTL" create -f "$DIR/bootstrap.yaml" >/dev/null
  start pv-recycler "$HACK/cluster.sh" _pv-recycler "$DIR"

  wait_for kube-controller-manager "controller-manager /healthz" \
    curl -skf --max-time 2 "https://127.0.0.1:$KCM_PORT/healthz"
  wait_for kube-scheduler "scheduler /healthz" curl -skf --max-time 2 "https://127.0.0.1:$SCHEDULER_PORT/healthz"
  if $REAL; then
    node_wait
  else
    wait_for kwok "$NODE_COUNT node(s) Ready" \
      "$KUBECTL" wait --for=condition=Ready nodes --all --timeout=2s
  fi
  wait_for kube-controller-manager "ServiceAccount default/default" "$KUBECTL" -n default get sa default

  write_env
  trap - ERR INT TERM
  log "cluster ready in $((SECONDS - t0))s: export KUBECONFIG=$DIR/kubeconfig (or: source $DIR/env)"
}

# stop COMPONENT...: SIGTERM their process groups, give them 10s, then SIGKILL.
stop() {
  local pids=() k pid i
  for k in "$@"; do
    pid=$(pid_of "$k")
    if [[ -z $pid ]] || ! ours "$pid"; then continue; fi
    pids+=("$pid")
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true # setsid: pgid == pid
  done
  for ((i = 0; i < 50 && ${#pids[@]} > 0; i++)); do
    local left=()
    for pid in "${pids[@]}"; do if alive "$pid"; then left+=("$pid"); fi; done
    pids=("${left[@]}")
    [[ ${#pids[@]} -eq 0 ]] || sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; done
}

cmd_down() {
  # Clients first, etcd last: an apiserver whose etcd is already gone can hang in shutdown.
  stop pv-recycler kwok kube-scheduler kube-controller-manager
  node_down # the real node, if DIR has one (also after a crashed up)
  stop kube-apiserver
  stop etcd
  rm -f "$DIR"/pids/*.pid "$DIR/env"
  log "stopped (state and logs kept in $DIR)"
}

# The same apiserver (flags, port, etcd data) again, as after a crash or an upgrade of the control plane. The
# pv-recycler ends with the apiserver, so it is restarted too; controllers, scheduler and kwok reconnect by themselves.
cmd_restart_apiserver() {
  [[ -f $DIR/env ]] || die "no running cluster in $DIR (no $DIR/env)"
  local t0=$SECONDS
  # shellcheck disable=SC1091
  . "$DIR/env"
  stop pv-recycler kube-apiserver
  log "apiserver stopped ($((SECONDS - t0))s); starting it again on port $APISERVER_PORT"
  start_apiserver "$(tool kube-apiserver)" # DIR/env set KUBE_VERSION: the release that ran before
  wait_for kube-apiserver "apiserver /readyz" https_ok "https://127.0.0.1:$APISERVER_PORT/readyz"
  start pv-recycler "$HACK/cluster.sh" _pv-recycler "$DIR"
  write_env
  log "apiserver ready again in $((SECONDS - t0))s"
}

cmd_status() {
  local k pid rc=0
  for k in "${COMPONENTS[@]}"; do
    pid=$(pid_of "$k")
    if [[ -n $pid ]] && ours "$pid"; then echo "$k running (pid $pid)"; else echo "$k NOT running"; rc=1; fi
  done
  [[ -f $DIR/env ]] || { echo "no $DIR/env"; return 1; }
  # shellcheck disable=SC1091
  APISERVER_PORT=$(. "$DIR/env" && echo "$APISERVER_PORT")
  if https_ok "https://127.0.0.1:$APISERVER_PORT/readyz"; then echo "apiserver ready"; else echo "apiserver NOT ready"; rc=1; fi
  return $rc
}

[[ $# -eq 2 || ($# -gt 2 && $1 == load-images) ]] || { sed -n '2,31s/^# \{0,1\}//p' "$0" >&2; exit 2; }
DIR=$2
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd -P)
# Paths end up unquoted in env/flags; keep them simple.
[[ $DIR =~ ^[A-Za-z0-9._/+@=-]+$ ]] || die "DIR must not contain spaces or shell metacharacters: $DIR"
PKI=$DIR/pki
KUBECTL=$("$HACK/tools.sh" path kubectl 2>/dev/null || echo kubectl) # real path checked by `up`
export KUBECONFIG=$DIR/kubeconfig
if [[ $1 == up ]]; then
  case ${CLUSTER_NODE:-kwok} in
    real) use_real_node ;;
    kwok) ;;
    *) die "CLUSTER_NODE must be kwok or real, not '$CLUSTER_NODE'" ;;
  esac
elif [[ -f $DIR/node/kubelet-config.yaml ]]; then
  use_real_node # DIR's cluster was started with a real node (`up` starts afresh, so this is the latest one)
fi

lock() { # serialise up/down on the same DIR (e.g. two test JVMs sharing one cluster directory)
  exec 8>"$DIR/.lock"
  flock -w 300 8 || die "timed out waiting for the lock on $DIR/.lock"
}

case $1 in
  up) lock; cmd_up ;;
  down) lock; cmd_down ;;
  status) cmd_status ;;
  restart-apiserver) lock; cmd_restart_apiserver ;;
  load-images) shift 2; node_load_images "$@" ;;
  leftovers) node_leftovers ;;
  _pv-recycler) pv_recycler ;;
  *) die "unknown command '$1' (use up, down, status, restart-apiserver, load-images or leftovers)" ;;
esac
