#!/usr/bin/env bash
# Proof that a real node (CLUSTER_NODE=real hack/cluster.sh up DIR) runs pods like a real cluster:
#
#   hack/node/smoke.sh DIR
#
# In namespace node-smoke (deleted at the end): a busybox httpd pod Ready through an exec readiness probe behind a
# ClusterIP Service; from a second pod: cluster DNS (the Service, kubernetes.default.svc.cluster.local), the Service,
# the apiserver through 10.96.0.1 with the pod's ServiceAccount token; from the host: the Service's ClusterIP;
# kubectl logs and exec; fsGroup applied on a `standard` (local) volume and not on a `hostpath` one; a deleted pod's
# container gone within its grace period. Prints a timing per step; exits non-zero at the first failure.
set -Eeuo pipefail
DIR=$(cd "${1:?usage: smoke.sh DIR}" && pwd -P)
# shellcheck disable=SC1091
. "$DIR/env"
[[ ${CLUSTER_NODE:-} == real ]] || { echo "smoke.sh: $DIR has no real node" >&2; exit 1; }
NS=node-smoke
K=("$KUBECTL" -n "$NS")
T0=$SECONDS
step() { echo "smoke.sh: [$((SECONDS - T0))s] $*"; }
trap 'echo "smoke.sh: FAILED at line $LINENO" >&2; "${K[@]}" get pods -o wide >&2 || true' ERR

"$KUBECTL" delete namespace "$NS" --ignore-not-found --wait=true >/dev/null
"$KUBECTL" create namespace "$NS" >/dev/null
"$KUBECTL" -n "$NS" wait --for=jsonpath='{.metadata.name}'=default sa/default --timeout=60s >/dev/null
"${K[@]}" apply -f - >/dev/null <<EOF
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: web
    image: $BUSYBOX_IMAGE
    imagePullPolicy: Never
    command: [sh, -c, 'mkdir -p /www && echo hello-from-web >/www/index.html && echo web starting && exec httpd -f -v -p 8080 -h /www']
    ports: [{containerPort: 8080}]
    readinessProbe:
      exec: {command: [wget, -q, -O, /dev/null, 'http://127.0.0.1:8080/']}
      periodSeconds: 1
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  terminationGracePeriodSeconds: 3
  containers:
  - name: client
    image: $BUSYBOX_IMAGE
    imagePullPolicy: Never
    command: [sleep, '3600'] # PID 1 without a SIGTERM handler: only the grace period's SIGKILL ends it
    volumeMounts: [{name: kubectl, mountPath: /bin/kubectl}] # an in-cluster Go client (busybox's TLS can't talk to Go's)
  volumes: [{name: kubectl, hostPath: {path: $KUBECTL, type: File}}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: local}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: hostpath}
spec: {storageClassName: hostpath, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: fsgroup}
spec:
  terminationGracePeriodSeconds: 1
  securityContext: {runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532}
  containers:
  - name: c
    image: $BUSYBOX_IMAGE
    imagePullPolicy: Never
    command: [sleep, '3600']
    volumeMounts: [{name: local, mountPath: /local}, {name: hostpath, mountPath: /hostpath}]
  volumes:
  - {name: local, persistentVolumeClaim: {claimName: local}}
  - {name: hostpath, persistentVolumeClaim: {claimName: hostpath}}
EOF
step "objects created"
"${K[@]}" wait --for=condition=Ready pod/web pod/client pod/fsgroup --timeout=120s >/dev/null
step "pods Ready (web through its exec readiness probe)"

ex() { "${K[@]}" exec client -- "$@"; }
# poll CMD...: a Ready pod's Service needs a moment (EndpointSlice, then kube-proxy's rules): poll, 60 s at most.
poll() {
  local deadline=$((SECONDS + 60))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { echo "smoke.sh: timed out: $*" >&2; "$@"; return 1; }
    sleep 0.5
  done
}
answers() { local want=$1; shift; [[ $("$@") == "$want" ]]; }
poll ex nslookup web.$NS.svc.cluster.local "$DNS_ADDRESS"
[[ $(ex nslookup kubernetes.default.svc.cluster.local) == *"Address: 10.96.0.1"* ]]
step "DNS: web.$NS.svc.cluster.local and kubernetes.default.svc.cluster.local resolve in a pod"
poll answers hello-from-web ex wget -q -O- "http://web.$NS.svc/"
poll answers hello-from-web "${K[@]}" exec web -- wget -q -O- "http://web.$NS.svc/"
step "Service reachable from another pod by name, and from its own backend (hairpin)"
ip=$("${K[@]}" get svc web -o jsonpath='{.spec.clusterIP}')
poll answers hello-from-web curl -sf --max-time 5 "http://$ip/"
step "Service ClusterIP $ip reachable from the host"
# shellcheck disable=SC2016 # expanded in the pod
[[ $(ex sh -c 'echo $KUBERNETES_SERVICE_HOST') == 10.96.0.1 ]]
[[ $(ex kubectl get --raw /version) == *gitVersion* ]] # in-cluster config: KUBERNETES_SERVICE_HOST, the pod's token and CA
step "apiserver reached through 10.96.0.1 with the pod's ServiceAccount token"
logs=$("${K[@]}" logs web)
[[ $logs == *"web starting"* ]] || { echo "kubectl logs web: $logs" >&2; false; }
[[ $("${K[@]}" exec web -- cat /www/index.html) == hello-from-web ]]
step "kubectl logs and exec"
own=$("${K[@]}" exec fsgroup -- stat -c '%g' /local /hostpath | tr '\n' ' ')
"${K[@]}" exec fsgroup -- touch /local/x
if "${K[@]}" exec fsgroup -- touch /hostpath/x 2>/dev/null; then echo "hostpath volume writable by 65532" >&2; false; fi
[[ $own == "65532 0 " ]] || { echo "volume groups: $own (want 65532 on /local, 0 on /hostpath)" >&2; false; }
step "fsGroup: local volume group 65532 and writable; hostpath volume root's, not writable"
t=$SECONDS
"${K[@]}" delete pod client --wait=true >/dev/null
((SECONDS - t <= 3 + 5)) || { echo "deleting client took $((SECONDS - t))s (grace 3s)" >&2; false; }
step "pod deleted in $((SECONDS - t))s (grace period 3s)"
"$KUBECTL" delete namespace "$NS" --wait=true >/dev/null
step "all checks passed"
