# shellcheck shell=bash
# Sourced by hack/demo.sh when this machine can run containers (root, containerd, runc): the demo on a real node.
# Builds the operator's and dfs's images (hack/images.sh), starts the local control plane with a real node
# (CLUSTER_NODE=real hack/cluster.sh: containerd, a kubelet, the CNI bridge, kube-proxy, cluster DNS), installs the
# chart with the local operator image, applies the basic sample with the declared user and reaches the file server
# through its -file Service on the standard ports. Uses ROOT, DEMO, SAMPLE, log from demo.sh and hack/demo-files.sh.

OPERATOR_NS=dittofs-system

demo_node() {
  log "building the operator's and dfs's images (hack/images.sh; the first run builds their base, a few minutes)"
  bash hack/images.sh build all
  log "starting a local control plane with a real node in $DEMO/cluster (first run builds it from source)"
  CLUSTER_NODE=real bash hack/cluster.sh up "$DEMO/cluster"
  bash hack/cluster.sh load-images "$DEMO/cluster" "$(bash hack/images.sh archive operator)" \
    "$(bash hack/images.sh archive dfs)"
  export KUBECONFIG=$DEMO/cluster/kubeconfig
  KUBECTL=$(bash hack/tools.sh path kubectl)
  bash hack/tools.sh ensure helm
  local helm; helm=$(bash hack/tools.sh path helm)

  log "installing the chart with the local operator image into $OPERATOR_NS (restricted Pod Security)"
  "$KUBECTL" create namespace "$OPERATOR_NS" --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null
  "$KUBECTL" label namespace "$OPERATOR_NS" pod-security.kubernetes.io/enforce=restricted --overwrite >/dev/null
  "$KUBECTL" label namespace default pod-security.kubernetes.io/enforce=restricted --overwrite >/dev/null
  demo_run "$helm" install dittofs-operator helm/dittofs-operator -n "$OPERATOR_NS" \
    --set image.repository=localhost/dittofs-operator --set image.tag=dev --wait --timeout 5m

  log "applying $SAMPLE"
  "$KUBECTL" apply -f "$SAMPLE"
  demo_declare_user
  if ! "$KUBECTL" wait --for=condition=Ready dittoserver/my-dittofs --timeout=300s; then
    log "not ready in time; last operator log lines:"
    "$KUBECTL" -n "$OPERATOR_NS" logs deploy/dittofs-operator --tail=30 >&2 || true
    "$KUBECTL" get dittoserver my-dittofs -o yaml >&2
    exit 1
  fi
  "$KUBECTL" get dittoservers,statefulsets,pods,svc,pvc -o wide
  # The standard ports of the -file Service, reached through kube-proxy's rules on this machine (read by demo_files).
  # shellcheck disable=SC2034
  {
    DEMO_ADDRESS=$("$KUBECTL" get svc my-dittofs-file -o jsonpath='{.spec.clusterIP}')
    DEMO_NFS_PORT=2049
    DEMO_SMB_PORT=445
  }
  # Ready says the pod is; the Service's EndpointSlice and kube-proxy's rules follow a moment later.
  local attempt
  for attempt in $(seq 1 60); do
    (exec 3<>"/dev/tcp/$DEMO_ADDRESS/2049") 2>/dev/null && break
    ((attempt < 60)) || { log "the -file Service at $DEMO_ADDRESS:2049 does not answer"; exit 1; }
    sleep 1
  done
  demo_files

  if [[ -n ${DEMO_EXIT:-} ]]; then
    exit 0
  fi
  log "the operator runs in the cluster; try: KUBECONFIG=$KUBECONFIG $KUBECTL edit dittoserver my-dittofs"
  log "its log follows; Ctrl-C stops the demo and the local cluster"
  "$KUBECTL" -n "$OPERATOR_NS" logs -f deploy/dittofs-operator
}
