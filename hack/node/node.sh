# shellcheck shell=bash
# The real node of hack/cluster.sh (CLUSTER_NODE=real): sourced by cluster.sh, uses its DIR, PKI, start, stop,
# wait_for, fail, log, pick_port, ours, pid_of and APISERVER_PORT.
#
# One node, $REAL_NODE_NAME, on this machine: containerd (Debian's, a config, root, state and socket of its own under
# DIR/node), runc, the CNI bridge/host-local/loopback/portmap plugins of /usr/lib/cni on a bridge dfsbr0
# (10.244.0.1/24, the node IP), a kubelet and kube-proxy (iptables mode) built from k8s.io/kubernetes, and CoreDNS
# on NODE_IP:53 as cluster DNS (cluster.local). Nothing is sent off the machine: ClusterIPs are routed onto the bridge
# and traffic forwarded from the bridge may only go back to it.
#
# What it changes outside DIR, all undone by node_down (node_leftovers lists anything left):
#   - the bridge dfsbr0 and the pods' veths; a route 10.96.0.0/16 via the bridge
#   - iptables/ip6tables chains KUBE-* (kubelet, kube-proxy), CNI-* (portmap), DITTOFS-NODE-* (ours: forward filter)
#   - sysctls set by the kubelet (vm.overcommit_memory, vm.panic_on_oom, kernel.panic, kernel.panic_on_oops,
#     kernel.keys.*) and by us (net.ipv4.ip_forward): every value under the watched prefixes is saved at up and
#     restored at down
#   - cgroups kubepods/ under every controller; kube-proxy's nfacct counters
#   - iptables-nft tables (nat, filter, mangle; ip and ip6) that did not exist: deleted with nft when empty again
#   - shim sockets /run/containerd/s/*, CNI's result cache /var/lib/cni/results, kubelet's /var/log/containers/*.log
#     links and /var/lib/kubelet/device-plugins/kubelet.sock (hard-coded paths): the files go with their pods or are
#     removed; directories we created are removed when empty (others' containerd may share /run/containerd)

REAL_NODE_NAME=dittofs-node
NODE_BRIDGE=dfsbr0
NODE_IP=10.244.0.1
POD_CIDR=10.244.0.0/24
SERVICE_CIDR=10.96.0.0/16
# shellcheck disable=SC2034 # used by cluster.sh
NODE_COMPONENTS=(containerd kubelet kube-proxy coredns)
# Paths outside DIR that the node's software insists on (not configurable in containerd 1.6 / the kubelet 1.34):
# shim sockets, CNI's result cache, kubelet's container log links and device-plugin socket. Other containerd users
# on the machine share the first ones, so a directory is removed only if `up` found it missing and it is empty.
NODE_HOST_DIRS=(/run/containerd/s /run/containerd /var/lib/cni/results /var/lib/cni /var/log/containers
  /var/lib/kubelet/device-plugins /var/lib/kubelet)
# Where a node's files would land if something were not configured under DIR: checked by node_leftovers.
NODE_CHECK_DIRS=(/var/lib/kubelet /var/log/pods /etc/cni /opt/cni /var/lib/containerd /run/containerd /var/lib/cni
  /run/netns /var/log/containers)
# Sysctls watched (saved at up, restored at down): what the kubelet, kube-proxy and we may write.
SYSCTL_WATCH='^(vm\.|kernel\.panic|kernel\.keys\.|net\.ipv4\.ip_forward|net\.ipv4\.conf\.(all|default)\.|net\.ipv6\.conf\.(all|default)\.|net\.netfilter\.|net\.bridge\.|net\.core\.somaxconn)'
SYSCTL_VOLATILE='^(vm\.stat_refresh|vm\.drop_caches|vm\.compact_memory|net\.netfilter\.nf_conntrack_count|vm\.nr_pdflush|kernel\.panic_print)'
CHAIN_RE='(KUBE-|CNI-|DITTOFS-NODE-)'

node_paths() {
  ND=$DIR/node
  CTRD_SOCK=$ND/containerd/containerd.sock
  CTR=(ctr --address "$CTRD_SOCK" -n k8s.io)
}

# --- saving and restoring the machine's state ---------------------------------------------------------------------

node_snapshot() {
  mkdir -p "$ND/host"
  sysctl -a 2>/dev/null | grep -E "$SYSCTL_WATCH" | grep -vE "$SYSCTL_VOLATILE" >"$ND/host/sysctl.before" || true
  local ipt
  for ipt in iptables ip6tables; do
    rules "$ipt" >"$ND/host/$ipt.before"
    tables "$ipt" >"$ND/host/$ipt.tables.before"
  done
  local d
  for d in "${NODE_HOST_DIRS[@]}" "${NODE_CHECK_DIRS[@]}"; do if [[ -e $d ]]; then echo "$d"; fi; done >"$ND/host/dirs.before"
  veths >"$ND/host/veths.before"
  nfacct_names >"$ND/host/nfacct.before"
  touch "$ND/host/active" # down restores sysctls only while this exists (once per up)
}

# kube-proxy's nfnetlink_acct counters (its iptables rules count with them); `nfacct` lists and deletes them.
KUBE_PROXY_NFACCT='^(ct_state_invalid_dropped_pkts|localhost_nps_accepted_pkts)$'
nfacct_names() { if command -v nfacct >/dev/null; then nfacct list 2>/dev/null | sed -n 's/.* = \(.*\);$/\1/p' | sort; fi; }
new_nfacct() { comm -13 "$ND/host/nfacct.before" <(nfacct_names) 2>/dev/null | grep -E "$KUBE_PROXY_NFACCT" || true; }

veths() { ip -o link show type veth 2>/dev/null | awk -F': ' '{ print $2 }' | cut -d@ -f1; }

# rules IPTABLES: its rules without counters, one "table rule" a line (stable for comparing).
rules() {
  "$1-save" 2>/dev/null | awk '/^\*/ { t = substr($0, 2) } /^[-:]/ { sub(/ \[[0-9]+:[0-9]+\]$/, ""); print t, $0 }' | sort
}

tables() { "$1-save" 2>/dev/null | sed -n 's/^\*//p' | sort; }

# drop_new_tables IPTABLES: tables that did not exist before up and are empty now (only built-in chains, ACCEPT,
# no rule): iptables-nft cannot delete a table, so nft does.
drop_new_tables() {
  local ipt=$1 family=ip t
  [[ $ipt == ip6tables ]] && family=ip6
  command -v nft >/dev/null && [[ $("$ipt" -V 2>/dev/null) == *nf_tables* ]] || return 0
  for t in $(comm -13 "$ND/host/$ipt.tables.before" <(tables "$ipt") 2>/dev/null); do
    if "$ipt-save" -t "$t" | grep -E '^-A |^:[^ ]+ (DROP|REJECT)|^:[^ ]+ - ' >/dev/null; then
      log "$ipt table $t is new but not empty; left"
    else
      nft delete table "$family" "$t" || true
    fi
  done
}

sysctl_changes() { # lines "key before now" for watched sysctls that differ from the snapshot
  [[ -f $ND/host/sysctl.before ]] || return 0
  local key now
  local line before
  while IFS= read -r line; do
    key=${line%% = *}
    before=${line#* = }
    now=$(sysctl -n "$key" 2>/dev/null) || continue
    [[ ${now//$'\t'/ } == "${before//$'\t'/ }" ]] || echo "$key|${before//$'\t'/ }|${now//$'\t'/ }"
  done <"$ND/host/sysctl.before"
}

restore_sysctls() {
  local key before now
  while IFS='|' read -r key before now; do
    if sysctl -q -w "$key=$before" >/dev/null 2>&1; then log "restored sysctl $key=$before (was $now)"
    else log "could not restore sysctl $key=$before (now $now)"; fi
  done < <(sysctl_changes)
}

# clean_iptables IPTABLES: drop every chain named KUBE-*, CNI-*, DITTOFS-NODE-* and every rule jumping to one,
# table by table (iptables-restore of the current table minus those lines: other rules stay untouched).
# Never `producer | grep -q` here: grep -q exits at the first match, the producer dies of SIGPIPE and, under
# pipefail, the match reads as none (a nat table of a few KiB was skipped 9 times in 10).
clean_iptables() {
  local ipt=$1 table
  command -v "$ipt-save" >/dev/null || return 0
  for table in $("$ipt-save" 2>/dev/null | sed -n 's/^\*//p'); do
    "$ipt-save" -t "$table" 2>/dev/null | grep -E "^(:|-A )$CHAIN_RE|-[jg] $CHAIN_RE" >/dev/null || continue
    "$ipt-save" -t "$table" | grep -vE "^(:|-A )$CHAIN_RE|-[jg] $CHAIN_RE" | "$ipt-restore" -w 5 -T "$table" ||
      log "could not clean $ipt table $table"
  done
}

# kill_cgroup_procs / remove_cgroups: the kubepods hierarchy under every cgroup controller.
kubepods_dirs() { local d; for d in /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/kubepods; do [[ -d $d ]] && echo "$d"; done; }
remove_cgroups() {
  local top pids i
  for top in $(kubepods_dirs); do
    for ((i = 0; i < 25; i++)); do
      pids=$(find "$top" -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u)
      [[ -n $pids ]] || break
      # shellcheck disable=SC2086 # a list of PIDs
      kill -KILL $pids 2>/dev/null || true
      sleep 0.2
    done
    find "$top" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
}

# --- up -------------------------------------------------------------------------------------------------------------

node_pki() {
  local n subj ext ip
  ip=$NODE_IP
  cat >>"$PKI/openssl.cnf" <<EOF
[kubelet-server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:$REAL_NODE_NAME,IP:$ip
EOF
  while read -r n subj ext; do
    openssl genrsa -traditional -out "$PKI/$n.key" 2048 2>/dev/null
    openssl req -new -config "$PKI/openssl.cnf" -key "$PKI/$n.key" -subj "$subj" -out "$PKI/$n.csr"
    openssl x509 -req -in "$PKI/$n.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAserial "$PKI/ca.srl" -days 3650 \
      -extfile "$PKI/openssl.cnf" -extensions "$ext" -out "$PKI/$n.crt" 2>/dev/null
  done <<EOF
kubelet /O=system:nodes/CN=system:node:$REAL_NODE_NAME client
kubelet-server /CN=$REAL_NODE_NAME kubelet-server
kube-proxy /CN=system:kube-proxy client
apiserver-kubelet-client /O=system:masters/CN=kube-apiserver-kubelet-client client
EOF
}

node_configs() {
  mkdir -p "$ND"/{containerd/root,containerd/state,containerd/opt,containerd/runc,cni/net.d,cni/ipam,kubelet,pod-logs,coredns}
  cat >"$ND/containerd/config.toml" <<EOF
version = 2
root = "$ND/containerd/root"
state = "$ND/containerd/state"
[grpc]
  address = "$CTRD_SOCK"
[ttrpc]
  address = "$ND/containerd/containerd.sock.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$ND/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  # No CAP_SYS_RESOURCE here: never lower a process's oom_score_adj below our own (else runc fails to start
  # the sandbox: "can't get final child's PID from pipe").
  restrict_oom_score_adj = true
  enable_selinux = false
  netns_mounts_under_state_dir = true # pods' network namespaces under DIR, not /run/netns
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = "$ND/containerd/runc"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$ND/cni/net.d"
    max_conf_num = 1
EOF
  cat >"$ND/cni/net.d/10-dittofs-node.conflist" <<EOF
{
  "cniVersion": "0.4.0",
  "name": "dittofs-node",
  "plugins": [
    {"type": "bridge", "bridge": "$NODE_BRIDGE", "isGateway": true, "hairpinMode": true, "ipMasq": false,
     "ipam": {"type": "host-local", "dataDir": "$ND/cni/ipam", "ranges": [[{"subnet": "$POD_CIDR", "gateway": "$NODE_IP"}]],
              "routes": [{"dst": "0.0.0.0/0"}]}},
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
EOF
  printf 'nameserver %s\nsearch cluster.local\n' "$NODE_IP" >"$ND/resolv.conf"
  local k
  for k in kubelet kube-proxy; do
    write_kubeconfig "$ND/kubeconfig-$k" "$k"
  done
  cat >"$ND/kubelet-config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: $KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $KUBELET_HEALTHZ_PORT
tlsCertFile: $PKI/kubelet-server.crt
tlsPrivateKeyFile: $PKI/kubelet-server.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: false}
  x509: {clientCAFile: $PKI/ca.crt}
authorization: {mode: AlwaysAllow} # only holders of a certificate of the cluster CA get in at all
containerRuntimeEndpoint: unix://$CTRD_SOCK
cgroupDriver: cgroupfs
failSwapOn: false
oomScoreAdj: 0
clusterDomain: cluster.local
clusterDNS: [$NODE_IP]
resolvConf: $ND/resolv.conf
podLogsDir: $ND/pod-logs
podCIDR: $POD_CIDR
maxPods: 110
serializeImagePulls: false
imageGCHighThresholdPercent: 100 # never collect the images we imported: nothing can pull them again
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: 50Mi, nodefs.available: 1%, imagefs.available: 1%, nodefs.inodesFree: 1%}
nodeStatusUpdateFrequency: 5s
syncFrequency: 10s
fileCheckFrequency: 5s
shutdownGracePeriod: 0s
EOF
  cat >"$ND/kube-proxy-config.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection: {kubeconfig: $ND/kubeconfig-kube-proxy}
hostnameOverride: $REAL_NODE_NAME
mode: iptables
clusterCIDR: $POD_CIDR
healthzBindAddress: 127.0.0.1:$KUBE_PROXY_HEALTHZ_PORT
metricsBindAddress: 127.0.0.1:$KUBE_PROXY_METRICS_PORT
nodePortAddresses: [$NODE_IP/32]
oomScoreAdj: 0
# No conntrack sysctl writes (they fail here and would change the machine).
conntrack: {maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s, udpTimeout: 0s, udpStreamTimeout: 0s}
iptables: {localhostNodePorts: false, masqueradeAll: false, minSyncPeriod: 0s, syncPeriod: 30s}
EOF
  cat >"$ND/coredns/Corefile" <<EOF
.:53 {
    bind $NODE_IP
    ready 127.0.0.1:$DNS_READY_PORT
    health 127.0.0.1:$DNS_HEALTH_PORT
    errors
    cache 5
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        kubeconfig $DIR/kubeconfig
        pods insecure
        ttl 5
    }
}
EOF
}

# sandbox_ids: every pod sandbox our containerd knew (CRI's own records and the runtime's task state).
sandbox_ids() {
  local d
  for d in "$ND"/containerd/root/io.containerd.grpc.v1.cri/sandboxes/*/ "$ND"/containerd/state/io.containerd.runtime.v2.task/k8s.io/*/; do
    if [[ -d $d ]]; then basename "$d"; fi
  done | sort -u
}

bridge_owner() { ip -o link show "$NODE_BRIDGE" 2>/dev/null | sed -n 's/.*alias \(.*\)$/\1/p'; }

# node_claim: create the bridge, marked with DIR. Creating a link is atomic, so of two real nodes started at once
# on this machine one fails here, before it has changed anything (its down then leaves the machine to the other).
node_claim() {
  ip link show "$NODE_BRIDGE" >/dev/null 2>&1 &&
    fail "bridge $NODE_BRIDGE exists (owner: $(bridge_owner)): only one real node per machine; hack/cluster.sh down it first"
  ip link add "$NODE_BRIDGE" type bridge || fail "cannot create bridge $NODE_BRIDGE (root needed; one real node per machine)"
  ip link set "$NODE_BRIDGE" alias "$DIR" # ownership mark, checked by down and leftovers
}

# node_network: the bridge's address is the node IP, ClusterIPs are routed onto it, forwarding is enabled but
# only bridge -> bridge (a pod can never reach beyond this machine).
node_network() {
  ip addr replace "$NODE_IP/${POD_CIDR#*/}" dev "$NODE_BRIDGE"
  ip link set "$NODE_BRIDGE" up
  ip route replace "$SERVICE_CIDR" dev "$NODE_BRIDGE" src "$NODE_IP"
  iptables -w 5 -N DITTOFS-NODE-FORWARD
  iptables -w 5 -A DITTOFS-NODE-FORWARD -i "$NODE_BRIDGE" -o "$NODE_BRIDGE" -j ACCEPT
  iptables -w 5 -A DITTOFS-NODE-FORWARD -i "$NODE_BRIDGE" -j DROP
  iptables -w 5 -A DITTOFS-NODE-FORWARD -o "$NODE_BRIDGE" ! -s "$POD_CIDR" -j DROP
  iptables -w 5 -I FORWARD 1 -j DITTOFS-NODE-FORWARD
  sysctl -q -w net.ipv4.ip_forward=1
}

node_up() {
  node_paths
  "$HACK/tools.sh" ensure kubelet kube-proxy coredns cri-drain
  local kubelet proxy coredns
  kubelet=$("$HACK/tools.sh" path kubelet)
  proxy=$("$HACK/tools.sh" path kube-proxy)
  coredns=$("$HACK/tools.sh" path coredns)
  PAUSE_ARCHIVE=$("$HACK/node/test-images.sh" pause)
  BUSYBOX_ARCHIVE=$("$HACK/node/test-images.sh" busybox)
  PAUSE_IMAGE=$("$HACK/node/test-images.sh" ref "$PAUSE_ARCHIVE")
  BUSYBOX_IMAGE=$("$HACK/node/test-images.sh" ref "$BUSYBOX_ARCHIVE")
  pick_port KUBELET_PORT; pick_port KUBELET_HEALTHZ_PORT; pick_port KUBE_PROXY_HEALTHZ_PORT
  pick_port KUBE_PROXY_METRICS_PORT; pick_port DNS_READY_PORT; pick_port DNS_HEALTH_PORT
  node_claim
  node_snapshot
  node_pki
  node_configs
  node_network

  NODE_T0=$SECONDS
  start containerd containerd --config "$ND/containerd/config.toml"
  wait_for containerd "containerd's socket" "${CTR[@]}" version
  "${CTR[@]}" images import "$PAUSE_ARCHIVE" >/dev/null
  "${CTR[@]}" images import "$BUSYBOX_ARCHIVE" >/dev/null
  start kubelet "$kubelet" --config="$ND/kubelet-config.yaml" --kubeconfig="$ND/kubeconfig-kubelet" \
    --root-dir="$ND/kubelet" --cert-dir="$ND/kubelet/pki" --hostname-override="$REAL_NODE_NAME" --node-ip="$NODE_IP" \
    --node-labels=dittofs.io/real-node=true
  start kube-proxy "$proxy" --config="$ND/kube-proxy-config.yaml"
  start coredns "$coredns" -conf "$ND/coredns/Corefile"
}

# After the control plane's objects exist: node Ready, DNS synced, kube-proxy healthy.
node_wait() {
  wait_for kubelet "node $REAL_NODE_NAME Ready" "$KUBECTL" wait --for=condition=Ready "node/$REAL_NODE_NAME" --timeout=2s
  log "node $REAL_NODE_NAME Ready $((SECONDS - NODE_T0))s after containerd's start"
  wait_for kube-proxy "kube-proxy /healthz" curl -sf --max-time 2 "http://127.0.0.1:$KUBE_PROXY_HEALTHZ_PORT/healthz"
  wait_for coredns "CoreDNS /ready" curl -sf --max-time 2 "http://127.0.0.1:$DNS_READY_PORT/ready"
}

node_env() {
  node_paths
  echo "export CLUSTER_NODE=real NODE_IP=$NODE_IP POD_CIDR=$POD_CIDR SERVICE_CIDR=$SERVICE_CIDR DNS_ADDRESS=$NODE_IP"
  echo "export CONTAINERD_ADDRESS=$CTRD_SOCK"
  echo "export CTR='ctr --address $CTRD_SOCK -n k8s.io'"
  echo "export PAUSE_IMAGE=$PAUSE_IMAGE BUSYBOX_IMAGE=$BUSYBOX_IMAGE"
  echo "export KUBELET_PORT=$KUBELET_PORT KUBELET_HEALTHZ_PORT=$KUBELET_HEALTHZ_PORT"
  echo "export KUBE_PROXY_HEALTHZ_PORT=$KUBE_PROXY_HEALTHZ_PORT DNS_READY_PORT=$DNS_READY_PORT"
}

# load-images: ARCHIVE... (OCI archives) into the node's containerd, namespace k8s.io.
node_load_images() {
  node_paths
  [[ -S $CTRD_SOCK ]] || die "no real node running in $DIR (no $CTRD_SOCK)"
  local a
  for a in "$@"; do
    [[ -f $a ]] || die "no such archive: $a"
    "${CTR[@]}" images import "$a" >&2 || die "ctr images import $a failed"
  done
}

# --- down -----------------------------------------------------------------------------------------------------------

# node_down: idempotent; safe when nothing (or only part) of the node was started.
node_down() {
  node_paths
  [[ -d $ND ]] || return 0
  local owner; owner=$(bridge_owner)
  if [[ -n $owner && $owner != "$DIR" ]]; then
    log "the real node of $owner runs on this machine: only $DIR's own processes are stopped, nothing shared is touched"
    stop "${NODE_COMPONENTS[@]}"
    return 0
  fi
  stop kubelet # first: it would restart what is removed below
  local drain
  if drain=$("$HACK/tools.sh" path cri-drain 2>/dev/null) && [[ -S $CTRD_SOCK ]] && ours "$(pid_of containerd)"; then
    timeout 120 "$drain" "unix://$CTRD_SOCK" >>"$DIR/logs/cri-drain.log" 2>&1 || log "cri-drain failed (see logs/cri-drain.log)"
  fi
  stop kube-proxy coredns containerd
  # Whatever survived: shims of our containerd, then every process left in the kubepods cgroups.
  local pid
  for pid in $(pgrep -f "containerd-shim-runc-v2 .*-address $CTRD_SOCK" || true); do kill -KILL "$pid" 2>/dev/null || true; done
  remove_cgroups
  # Sockets of shims that did not exit cleanly (/run/containerd/s, hard-coded): each task's state names its shim's.
  local t
  for t in "$ND"/containerd/state/io.containerd.runtime.v2.task/k8s.io/*/address; do
    [[ -f $t ]] || continue
    t=$(sed 's|^unix://||' "$t")
    if [[ $t == /run/containerd/s/* ]]; then rm -f "$t"; fi
  done
  # Mounts under DIR (rootfs overlays, kubelet's tmpfs and volume bind mounts), deepest first.
  local m
  for m in $(findmnt -rn -o TARGET | grep -F "$DIR/" | sort -r); do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
  # (pods' network namespaces are mounts under DIR: gone above) veths on our bridge, the bridge itself.
  if [[ $owner == "$DIR" ]]; then
    for m in $(ip -o link show master "$NODE_BRIDGE" | awk -F': ' '{ print $2 }' | cut -d@ -f1); do ip link del "$m" 2>/dev/null || true; done
    ip link del "$NODE_BRIDGE"
  fi
  # Checked, and again while any is left: a restore that fails says why above and is retried.
  local attempt
  for attempt in 1 2 3 4 5; do
    clean_iptables iptables
    clean_iptables ip6tables
    { iptables-save; ip6tables-save; } 2>/dev/null | grep -E "^(:|-A )$CHAIN_RE|-[jg] $CHAIN_RE" >/dev/null || break
    log "iptables rules of the node still there (attempt $attempt); cleaning again"
    sleep 1
  done
  drop_new_tables iptables
  drop_new_tables ip6tables
  for t in $(new_nfacct); do nfacct delete "$t" >/dev/null || log "could not delete nfacct counter $t"; done
  [[ ! -f $ND/host/active ]] || restore_sysctls
  rm -f "$ND/host/active"
  # Files the runtime keeps outside DIR: CNI's result cache of our pods (left when a pod's CNI DEL never ran),
  # kubelet's log links into DIR.
  for t in $(sandbox_ids); do rm -f "/var/lib/cni/results/dittofs-node-$t-eth0" "/var/lib/cni/results/cni-loopback-$t-lo"; done
  for m in /var/log/containers/*.log; do
    if [[ -L $m && $(readlink "$m") == "$DIR/"* ]]; then rm -f "$m"; fi
  done
  if ! grep -qxF /var/lib/kubelet/device-plugins "$ND/host/dirs.before" 2>/dev/null; then
    rm -f /var/lib/kubelet/device-plugins/{kubelet.sock,kubelet_internal_checkpoint}
  fi
  # Directories that did not exist before up, if empty now (deepest first).
  for m in $(printf '%s\n' "${NODE_HOST_DIRS[@]}" | sort -r); do
    grep -qxF "$m" "$ND/host/dirs.before" 2>/dev/null || rmdir "$m" 2>/dev/null || true
  done
}

# dir_processes DIR2: "PID: COMMAND LINE" of every other process that runs with DIR2, or a path under it, in its
# arguments (a node's components, its shims, a cluster.sh working on it).
dir_processes() {
  local p cmd
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    [[ $p == "$$" || $p == "$BASHPID" ]] && continue
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline") || continue
    if [[ " $cmd" == *[\ =]"$1"[/\ ]* ]]; then echo "$p: $cmd"; fi
  done
}

# node_leftovers: print what the real node left on the machine; exit 1 if anything.
node_leftovers() {
  node_paths
  local out=() p m
  while read -r p; do
    [[ $p == *"cluster.sh leftovers"* ]] || out+=("process $p")
  done < <(dir_processes "$DIR")
  while read -r m; do out+=("mount $m"); done < <(findmnt -rn -o TARGET | grep -F "$DIR/")
  if [[ ! -f $ND/host/dirs.before ]]; then # no real node was started in DIR: processes and mounts are all to check
    if ((${#out[@]})); then printf 'leftover: %s\n' "${out[@]}"; return 1; fi
    echo "nothing left by $DIR (no real node was started there)"
    return 0
  fi
  [[ $(bridge_owner) != "$DIR" ]] || out+=("interface $NODE_BRIDGE")
  while read -r m; do
    grep -qxF "$m" "$ND/host/veths.before" 2>/dev/null || out+=("interface $m")
  done < <(veths)
  [[ -z $(ip route show "$SERVICE_CIDR") ]] || out+=("route $SERVICE_CIDR")
  for p in iptables ip6tables; do
    # Per table: how many chains and rules, and the first few (a full kube-proxy table is hundreds of lines).
    while read -r m; do out+=("$p: $m"); done < <(rules "$p" | grep -E "$CHAIN_RE" |
      awk '{ n[$1]++; if (n[$1] <= 3) first[$1] = first[$1] "\n    " $0 }
           END { for (t in n) printf "%d chains and rules in table %s, first:%s\n", n[t], t, first[t] }' || true)
    while read -r m; do out+=("$p: table $m (new)"); done < <(comm -13 "$ND/host/$p.tables.before" <(tables "$p") 2>/dev/null)
  done
  command -v nfacct >/dev/null || echo "note: nfacct not installed, kube-proxy's nfacct counters not checked"
  while read -r m; do out+=("nfacct counter $m"); done < <(new_nfacct)
  while IFS='|' read -r p m _; do out+=("sysctl $p=$(sysctl -n "$p") (was $m)"); done < <(sysctl_changes)
  while read -r m; do out+=("cgroup $m"); done < <(kubepods_dirs)
  for m in $(sandbox_ids); do
    for p in "/var/lib/cni/results/dittofs-node-$m-eth0" "/var/lib/cni/results/cni-loopback-$m-lo"; do
      if [[ -e $p ]]; then out+=("path $p"); fi
    done
  done
  for m in "$ND"/containerd/state/io.containerd.runtime.v2.task/k8s.io/*/address; do
    [[ -f $m ]] || continue
    m=$(sed 's|^unix://||' "$m")
    if [[ -e $m ]]; then out+=("shim socket $m"); fi
  done
  for m in "${NODE_CHECK_DIRS[@]}"; do
    [[ -e $m ]] || continue
    grep -qxF "$m" "$ND/host/dirs.before" 2>/dev/null && continue
    # A shared runtime directory that others filled since (e.g. another containerd's shims): not ours to remove.
    if [[ $m == /run/containerd || $m == /var/lib/cni || $m == /run/netns || $m == /etc/cni ]] && [[ -n $(ls -A "$m") ]] && [[ -z $(find "$m" -newer "$ND/host/dirs.before" -name "dittofs-node-*") ]]; then
      echo "note: $m appeared during the run and is in use by something else ($(find "$m" -mindepth 1 -maxdepth 1 -printf '%f ')); left alone"
      continue
    fi
    out+=("path $m")
  done
  for m in /var/log/containers/*.log; do [[ -L $m && $(readlink "$m") == "$DIR/"* ]] && out+=("path $m"); done
  if ((${#out[@]})); then printf 'leftover: %s\n' "${out[@]}"; return 1; fi
  echo "nothing left by $DIR"
}
