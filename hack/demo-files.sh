# shellcheck shell=bash
# Sourced by hack/demo.sh on the local control plane: a declared user, the real dfs for the simulated pod, and a
# file written and read over NFS and SMB with user-space clients (libnfs-utils, smbclient), commands printed.
# Uses KUBECTL, DEMO, log from demo.sh.

DEMO_USER=demo
DEMO_PASSWORD=demo-password-1

demo_declare_user() {
  log "declaring user $DEMO_USER (password in Secret demo-password) with read-write on /export"
  "$KUBECTL" create secret generic demo-password --from-literal=password="$DEMO_PASSWORD" \
    --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null
  "$KUBECTL" patch dittoserver my-dittofs --type merge -p '{"spec":{
    "users":[{"name":"'$DEMO_USER'","uid":1000,"passwordSecretRef":{"name":"demo-password","key":"password"}}],
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

demo_files() {
  log "what the status tells clients (share endpoints, access, users):"
  demo_run "$KUBECTL" get dittoserver my-dittofs -o jsonpath='{.status.shares[0]}{"\n"}{.status.users}{"\n"}'
  local dir; dir=$(mktemp -d)
  local name; name="hello-$(date +%s).txt"
  echo "hello from the DittoFS demo, $(date -u)" >"$dir/$name"
  local nfs_url="nfs://127.0.0.1/export/$name?version=3&nfsport=12049&mountport=12049"
  if command -v nfs-cp >/dev/null; then
    log "NFS: writing and reading /export/$name (libnfs-utils, as root; the -file Service maps 2049 to 12049)"
    demo_run nfs-cp "$dir/$name" "$nfs_url"
    demo_run nfs-cat "$nfs_url"
  else
    log "no nfs-cp (apt-get install libnfs-utils): skipping the NFS round trip"
  fi
  if command -v smbclient >/dev/null; then
    log "SMB: user $DEMO_USER writes and reads smb-$name on \\\\127.0.0.1\\export (smbclient; SMB on 1445)"
    # the password goes through PASSWD, not the command line
    log "(as printed, with PASSWD=$DEMO_PASSWORD in the environment; the password is in Secret demo-password)"
    (cd "$dir" && export PASSWD=$DEMO_PASSWORD && demo_run smbclient //127.0.0.1/export -p 1445 -U "$DEMO_USER" \
      -m SMB3 -c "put $name smb-$name; get smb-$name back-$name")
    demo_run cat "$dir/back-$name"
  else
    log "no smbclient (apt-get install smbclient): skipping the SMB round trip"
  fi
  rm -rf "$dir"
  log "mount it for real (root, nfs-common): sudo mount -t nfs -o vers=3,tcp,port=12049,mountport=12049,nolock 127.0.0.1:/export /mnt"
}
