#!/usr/bin/env bash
# Smoke test of a control plane started by `hack/cluster.sh up DIR`:
#   hack/cluster-smoke.sh DIR
# Checks what the operator's e2e tests rely on: StatefulSet pods scheduled and Ready on the kwok node,
# PVCs (default class and "standard") Bound, garbage collection, namespace finalization, and
# ServiceAccount tokens authorised by RBAC. Leaves nothing behind; exits non-zero on the first failure.
set -euo pipefail

DIR=${1:?usage: $0 DIR}
# shellcheck disable=SC1091
. "$DIR/env"
k() { "$KUBECTL" --kubeconfig "$KUBECONFIG" "$@"; }
step() { echo "---- [$((SECONDS))s] $*"; }
NS=smoke-$$
trap 'k delete ns "$NS" --wait=false >/dev/null 2>&1 || true; k delete clusterrole,clusterrolebinding smoke-cm-reader-$$ >/dev/null 2>&1 || true' EXIT

step "namespace $NS + StatefulSet (PVC without class, PVC with class standard) + headless Service"
k create ns "$NS"
k -n "$NS" apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: None, selector: {app: web}, ports: [{name: http, port: 80}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: example.invalid/never-pulled:1 # kwok fakes the container; nothing is pulled
        volumeMounts: [{name: data, mountPath: /data}, {name: meta, mountPath: /meta}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
  - metadata: {name: meta}
    spec: {storageClassName: standard, accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}}
EOF
k -n "$NS" wait --for=create pod/web-0 --timeout=60s
k -n "$NS" wait --for=condition=Ready pod/web-0 --timeout=60s
k -n "$NS" wait --for=jsonpath='{.status.phase}'=Bound pvc/data-web-0 pvc/meta-web-0 --timeout=30s
k -n "$NS" get pod,pvc -o wide

step "delete the StatefulSet: the garbage collector removes its Pod"
k -n "$NS" delete statefulset web
k -n "$NS" wait --for=delete pod/web-0 --timeout=60s
echo "pod web-0 gone"

step "ServiceAccount token + RBAC: list configmaps allowed, secrets forbidden"
k -n "$NS" create serviceaccount op
k create clusterrole "smoke-cm-reader-$$" --verb=get,list --resource=configmaps
k create clusterrolebinding "smoke-cm-reader-$$" --clusterrole="smoke-cm-reader-$$" --serviceaccount="$NS:op"
token=$(k -n "$NS" create token op --duration=10m)
opcfg=$(mktemp)
cat >"$opcfg" <<EOF
apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "$APISERVER_URL", certificate-authority: "$CA_CERT"}}]
users: [{name: op, user: {token: "$token"}}]
contexts: [{name: c, context: {cluster: c, user: op, namespace: "$NS"}}]
current-context: c
EOF
"$KUBECTL" --kubeconfig "$opcfg" get configmaps
if out=$("$KUBECTL" --kubeconfig "$opcfg" get secrets 2>&1); then
  echo "FAIL: listing secrets should be forbidden"; exit 1
fi
echo "$out"
grep -q Forbidden <<<"$out"
rm -f "$opcfg"

step "delete namespace $NS: the namespace controller finalizes it"
k delete ns "$NS" --timeout=60s
if k get ns "$NS" >/dev/null 2>&1; then echo "FAIL: namespace $NS still exists"; exit 1; fi
step "smoke test passed"
