# shellcheck shell=bash
# Sourced by hack/demo.sh on the local control plane: a declared user, the real dfs for the simulated pod, and a
# file written and read over NFS and SMB with user-space clients (libnfs-utils, smbclient), commands printed, what
# is read compared with what was written. A missing client is skipped with the Debian package that gives it;
# DEMO_STRICT=1 (set by .ci/run) makes a missing client, like any mismatch, fail the demo.
# Uses KUBECTL, DEMO, log from demo.sh.

DEMO_USER=demo
DEMO_UID=1000
DEMO_PASSWORD=demo-password-1
# Where the clients connect: dfs's own ports on this machine (simulated pod), or a -file Service's standard ports (real
# node, hack/demo-node.sh).
DEMO_ADDRESS=127.0.0.1
DEMO_NFS_PORT=12049
DEMO_SMB_PORT=1445

demo_declare_user() {
  log "declaring user $DEMO_USER (uid/gid $DEMO_UID, password in Secret demo-password) with read-write on /export"
  "$KUBECTL" create secret generic demo-password --from-literal=password="$DEMO_PASSWORD" \
    --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null
  "$KUBECTL" patch dittoserver my-dittofs --type merge -p '{"spec":{
    "users":[{"name":"'$DEMO_USER'","uid":'$DEMO_UID',"gid":'$DEMO_UID',
              "passwordSecretRef":{"name":"demo-password","key":"password"}}],
    "shares":[{"name":"/export","grants":[{"user":"'$DEMO_USER'","level":"read-write"}]}]}}' >/dev/null
}

demo_run_dfs() {
  local ip
  for _ in $(seq 1 120); do
    ip=$("$KUBECTL" get pod my-dittofs-0 -o jsonpath='{.status.podIP}' 2>/dev/null || true)
    [[ -n $ip ]] && break
    sleep 1
  done
  [[ -n $ip ]] || { log "the pod got no IP in time"; exit 1; }
  rm -rf "$DEMO/dfs"
  log "running the real dfs for pod my-dittofs-0 ($ip) as its kubelet would (log: $DEMO/dfs.log)"
  python3 hack/pod-dfs.py "$KUBECTL" default my-dittofs-0 "$DEMO/dfs" "$(bash hack/tools.sh path dfs)" \
    >"$DEMO/dfs.log" 2>&1 &
  # shellcheck disable=SC2034 # read by the cleanup of hack/demo.sh, which sources this file
  DFS_PID=$!
}

# Runs a printed command; fails the demo when it fails.
demo_run() {
  printf '$' >&2
  printf ' %q' "$@" >&2
  echo >&2
  "$@"
}

demo_fail() {
  log "FAILED: $*"
  exit 1
}

# True when the client is installed; otherwise says which Debian package gives it, and fails in strict mode.
demo_have() {
  local tool=$1 package=$2
  command -v "$tool" >/dev/null && return 0
  [[ ${DEMO_STRICT:-} == 1 ]] && demo_fail "no $tool (Debian package $package: apt-get install $package)"
  log "no $tool: skipping this round trip (Debian package $package: apt-get install $package)"
  return 1
}

# Compares what a client read with what was written.
demo_same() {
  local what=$1 expected=$2 actual=$3
  [[ $actual == "$expected" ]] || demo_fail "$what: read '$actual', wrote '$expected'"
  log "$what: read back what was written"
}

demo_files() {
  log "what the status tells clients (share endpoints, access, users):"
  demo_run "$KUBECTL" get dittoserver my-dittofs -o jsonpath='{.status.shares[0]}{"\n"}{.status.users}{"\n"}'
  local dir; dir=$(mktemp -d)
  local name; name="hello-$(date +%s).txt"
  local content; content="hello from the DittoFS demo, $(date -u)"
  echo "$content" >"$dir/$name"
  demo_nfs "$dir" "$name" "$content"
  demo_smb "$dir" "$name" "$content"
  rm -rf "$dir"
  log "mount it for real (root, nfs-common): sudo mount -t nfs -o vers=3,tcp,port=$DEMO_NFS_PORT,mountport=$DEMO_NFS_PORT,nolock $DEMO_ADDRESS:/export /mnt"
}

# NFS as the declared user's uid/gid (AUTH_SYS, no password): dfs maps the uid to user demo and its grant.
demo_nfs() {
  local dir=$1 name=$2 content=$3
  if ! demo_have nfs-cp libnfs-utils || ! demo_have nfs-cat libnfs-utils; then return 0; fi
  local url="nfs://$DEMO_ADDRESS/export/$name?version=3&nfsport=$DEMO_NFS_PORT&mountport=$DEMO_NFS_PORT&uid=$DEMO_UID&gid=$DEMO_UID"
  log "NFS: writing and reading /export/$name as uid $DEMO_UID ($DEMO_USER) (libnfs-utils; the -file Service maps 2049 to dfs's 12049)"
  demo_run nfs-cp "$dir/$name" "$url" || demo_fail "nfs-cp could not write /export/$name"
  local got; got=$(demo_run nfs-cat "$url") || demo_fail "nfs-cat could not read /export/$name"
  echo "$got"
  demo_same "NFS" "$content" "$got"
  NFS_WROTE=$name
}

# SMB as the declared user with its password; also reads back the file written over NFS, when there is one.
demo_smb() {
  local dir=$1 name=$2 content=$3
  if ! demo_have smbclient smbclient; then return 0; fi
  log "SMB: user $DEMO_USER writes and reads smb-$name on \\\\$DEMO_ADDRESS\\export (smbclient; SMB on $DEMO_SMB_PORT)"
  # the password goes through PASSWD, not the command line
  log "(as printed, with PASSWD=$DEMO_PASSWORD in the environment; the password is in Secret demo-password)"
  local commands="put $name smb-$name; get smb-$name back-$name"
  [[ -n ${NFS_WROTE:-} ]] && commands+="; get $NFS_WROTE from-nfs-$name"
  (cd "$dir" && export PASSWD=$DEMO_PASSWORD && demo_run smbclient "//$DEMO_ADDRESS/export" -p "$DEMO_SMB_PORT" -U "$DEMO_USER" \
    -m SMB3 -c "$commands") || demo_fail "smbclient failed"
  [[ -f $dir/back-$name ]] || demo_fail "SMB: nothing downloaded"
  demo_run cat "$dir/back-$name"
  demo_same "SMB" "$content" "$(cat "$dir/back-$name")"
  if [[ -n ${NFS_WROTE:-} ]]; then
    [[ -f $dir/from-nfs-$name ]] || demo_fail "SMB: the file written over NFS was not downloaded"
    demo_same "SMB, the file written over NFS" "$content" "$(cat "$dir/from-nfs-$name")"
  fi
}
