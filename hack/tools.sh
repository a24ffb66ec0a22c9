#!/usr/bin/env bash
# shellcheck disable=SC2030,SC2031 # each build exports its Go settings in a subshell of its own, on purpose
# Build pinned developer/test tools from Go modules and cache the binaries.
#
#   hack/tools.sh ensure [tool...]   build whatever is missing (default: all tools, plus the Kubernetes tools of
#                                    K8S_OLDEST_VERSION)
#   hack/tools.sh ensure-current     every tool at the pinned versions, without the oldest Kubernetes
#   hack/tools.sh ensure-oldest      only the Kubernetes tools of K8S_OLDEST_VERSION
#   hack/tools.sh path <tool>        print the absolute path of a built tool (exit 2 if not built)
#   hack/tools.sh list               print "tool version path built|missing" for every tool
#   hack/tools.sh openapi            print the swagger.json that kube-apiserver serves, as Kubernetes commits it
#                                    (api/openapi-spec of the k8s.io/kubernetes module of KUBE_VERSION)
#   hack/tools.sh k8s-versions       print K8S_OLDEST_VERSION and K8S_VERSION, the supported range's two ends
#
# KUBE_VERSION=v1.X.Y (environment) selects another Kubernetes release for the Kubernetes tools (kube-*, kubectl,
# every tool of the k8s group) in every command; unset, they are K8S_VERSION. Each version has its own cache
# entry, side by side. Helm is not affected: its built-in default Kubernetes version always follows K8S_VERSION.
#
# Binaries land in ${DITTOFS_TOOLS_CACHE:-$HOME/.cache/dittofs-operator}/bin/<tool>-<version>/<tool>,
# so only the first run on a machine pays for the build. Nothing prebuilt is downloaded: every tool
# is compiled from source fetched through the Go module proxy (GOPROXY, GOMODCACHE, GOCACHE honoured).
set -euo pipefail

# ---- pinned versions: bump here -------------------------------------------------------------
K8S_VERSION=v1.34.4          # kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kubelet, kube-proxy
K8S_OLDEST_VERSION=v1.30.14  # the oldest supported minor (docs/INSTALL.md; pom.xml k8s.oldest.version): KUBE_VERSION
ETCD_VERSION=v3.6.16         # the 3.6 line is what Kubernetes 1.34 is tested with
KWOK_VERSION=v0.7.0          # built on k8s 0.33 libraries; v0.8.0 already moved to 0.36
HELM_VERSION=v3.22.0
ACTIONLINT_VERSION=v1.7.12
DITTOFS_VERSION=v0.29.0
HELM_DOCS_VERSION=v1.14.2     # the chart README's values table
KUBECONFORM_VERSION=v0.8.0    # manifests against the apiserver's own OpenAPI schemas (ManifestSchemaTest)
KUBE_SCORE_VERSION=v1.20.0    # workload hardening lint (ManifestLintTest); kube-linter is not served by the Go proxy
CHART_TESTING_VERSION=v3.14.0 # ct lint (ChartLintTest); the /v3 module answers an exact version only
YAMLLINT_VERSION=1.38.0       # PyPI, for ct lint
YAMALE_VERSION=6.1.0          # PyPI, for ct lint
HELM_UNITTEST_VERSION=v1.1.2  # helm unittest (a helm plugin; tools.sh builds its binary)
PROMETHEUS_VERSION=v0.316.0   # promtool test rules (AlertRulesTest): Prometheus 3.16.0 as its Go module numbers it
# bundle-validate is this project's own small program (hack/bundle-validate) over
# github.com/operator-framework/api's validators; its "version" is a hash of its sources.
# coredns and cri-drain (hack/node/gotools: CoreDNS v1.14.0 with a minimal plugin set, and a CRI client that
# removes every pod) serve the real test node (CLUSTER_NODE=real hack/cluster.sh); versioned the same way.

ALL_TOOLS=(kube-apiserver kube-controller-manager kube-scheduler kubectl kubelet kube-proxy etcd kwok helm actionlint dfs dfsctl helm-docs kubeconform kube-score ct helm-unittest promtool bundle-validate coredns cri-drain)
# The Kubernetes release the k8s group is built from (KUBE_VERSION, see the header; default K8S_VERSION).
KUBE_BUILD_VERSION=${KUBE_VERSION:-$K8S_VERSION}
[[ $KUBE_BUILD_VERSION =~ ^v1\.[0-9]+\.[0-9]+$ ]] || { echo "tools.sh: error: KUBE_VERSION must look like v1.30.14, not '$KUBE_BUILD_VERSION'" >&2; exit 1; }
CACHE_DIR=${DITTOFS_TOOLS_CACHE:-$HOME/.cache/dittofs-operator}
BIN_DIR=$CACHE_DIR/bin

die() { echo "tools.sh: error: $*" >&2; exit 1; }
log() { echo "tools.sh: $*" >&2; }

# Tools that share a Go module are built together, so their common packages compile only once.
group_of() {
  case $1 in
    kube-apiserver | kube-controller-manager | kube-scheduler | kubectl | kubelet | kube-proxy) echo k8s ;;
    coredns | cri-drain) echo node-tools ;;
    etcd | kwok | helm | actionlint | helm-docs | kubeconform | kube-score | ct | helm-unittest | promtool | bundle-validate) echo "$1" ;;
    dfs | dfsctl) echo dittofs ;;
    *) return 1 ;;
  esac
}

# "<module> <version>" of a build group.
group_module() {
  case $1 in
    k8s) echo "k8s.io/kubernetes $KUBE_BUILD_VERSION" ;;
    etcd) echo "go.etcd.io/etcd/server/v3 $ETCD_VERSION" ;;
    kwok) echo "sigs.k8s.io/kwok $KWOK_VERSION" ;;
    helm) echo "helm.sh/helm/v3 $HELM_VERSION" ;;
    actionlint) echo "github.com/rhysd/actionlint $ACTIONLINT_VERSION" ;;
    dittofs) echo "github.com/marmos91/dittofs $DITTOFS_VERSION" ;;
    helm-docs) echo "github.com/norwoodj/helm-docs $HELM_DOCS_VERSION" ;;
    kubeconform) echo "github.com/yannh/kubeconform $KUBECONFORM_VERSION" ;;
    kube-score) echo "github.com/zegl/kube-score $KUBE_SCORE_VERSION" ;;
    ct) echo "github.com/helm/chart-testing/v3 $CHART_TESTING_VERSION" ;;
    helm-unittest) echo "github.com/helm-unittest/helm-unittest $HELM_UNITTEST_VERSION" ;;
    promtool) echo "github.com/prometheus/prometheus $PROMETHEUS_VERSION" ;;
    bundle-validate) echo "local-bundle-validate $(local_version "$LOCAL_BUNDLE_VALIDATE")" ;;
    node-tools) echo "local-node-tools $(local_version "$LOCAL_NODE_TOOLS")" ;;
  esac
}

# Tools whose source is in this repository: built from their directory, versioned by a hash of it.
LOCAL_BUNDLE_VALIDATE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bundle-validate
LOCAL_NODE_TOOLS=$(dirname "$LOCAL_BUNDLE_VALIDATE")/node/gotools # one module, a main package per tool
local_version() { cat "$1/go.mod" "$1/go.sum" "$1"/*.go "$1"/*/*.go 2>/dev/null | sha256sum | cut -c1-12; }

# Import path of a tool's main package.
tool_pkg() {
  case $1 in
    kube-apiserver | kube-controller-manager | kube-scheduler | kubectl | kubelet | kube-proxy) echo "k8s.io/kubernetes/cmd/$1" ;;
    coredns | cri-drain) echo "./$1" ;; # inside LOCAL_NODE_TOOLS
    etcd) echo "go.etcd.io/etcd/server/v3" ;; # etcd's main.go sits at the server module root
    kwok) echo "sigs.k8s.io/kwok/cmd/kwok" ;;
    helm) echo "helm.sh/helm/v3/cmd/helm" ;;
    actionlint) echo "github.com/rhysd/actionlint/cmd/actionlint" ;;
    dfs | dfsctl) echo "github.com/marmos91/dittofs/cmd/$1" ;;
    helm-docs) echo "github.com/norwoodj/helm-docs/cmd/helm-docs" ;;
    kubeconform) echo "github.com/yannh/kubeconform/cmd/kubeconform" ;;
    kube-score) echo "github.com/zegl/kube-score/cmd/kube-score" ;;
    ct) echo "github.com/helm/chart-testing/v3/ct" ;;
    helm-unittest) echo "github.com/helm-unittest/helm-unittest/cmd/helm-unittest" ;;
    promtool) echo "github.com/prometheus/prometheus/cmd/promtool" ;;
  esac
}

tool_version() { local m v; read -r m v <<<"$(group_module "$(group_of "$1")")"; echo "$v"; }
# "1.34" of K8S_VERSION: the Kubernetes the test clusters run.
k8s_minor_version() { local v=${K8S_VERSION#v}; echo "${v%.*}"; }
# The cache key of a built tool: its version, plus any build setting that changes the binary (a new setting must
# change the key, or old caches keep the old binary).
tool_stamp() {
  case $1 in
    helm) echo "$(tool_version "$1")-k8s$(k8s_minor_version)" ;; # the default Kubernetes version, see build_group
    *) tool_version "$1" ;;
  esac
}
tool_path() { echo "$BIN_DIR/$1-$(tool_stamp "$1")/$1"; }
is_built() { [[ -x "$(tool_path "$1")" ]]; }
check_tool() { group_of "$1" >/dev/null || die "unknown tool '$1' (known: ${ALL_TOOLS[*]})"; }

find_go() {
  if command -v go >/dev/null 2>&1; then command -v go
  elif [[ -x /usr/local/go/bin/go ]]; then echo /usr/local/go/bin/go
  else die "Go toolchain not found (need go >= 1.26 on PATH or at /usr/local/go/bin/go)"; fi
}

# build_group <group> <tool...>: compile the tools of one module in a throwaway main module.
build_group() {
  local group=$1; shift
  local module version go tmp ldflags="-s -w" tags="" pkgs=() t start
  read -r module version <<<"$(group_module "$group")"
  go=$(find_go)
  tmp=$(mktemp -d "$CACHE_DIR/tmp/$group-$$-XXXXXX") # removed by the EXIT trap in cmd_ensure
  for t in "$@"; do pkgs+=("$(tool_pkg "$t")"); done
  start=$(date +%s)
  log "building ${*} from $module@$version ..."
  if [[ $group == bundle-validate ]]; then
    (
      cd "$LOCAL_BUNDLE_VALIDATE" && mkdir -p "$tmp/out"
      export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS='' GOWORK=off
      "$go" build -trimpath -ldflags "$ldflags" -o "$tmp/out/$1" . || die "go build of $1 failed"
    ) >&2 || exit 1
  elif [[ $group == node-tools ]]; then
    (
      cd "$LOCAL_NODE_TOOLS" && mkdir -p "$tmp/out"
      export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS='' GOWORK=off
      "$go" build -trimpath -ldflags "$ldflags" -o "$tmp/out/" "${pkgs[@]}" || die "go build of ${*} failed"
    ) >&2 || exit 1
  else
  # A wrapper module instead of `go install m@v`: that refuses modules whose go.mod has
  # replace directives (kubernetes' staging/, etcd's ../api), while as a dependency they are ignored.
  (
    cd "$tmp"
    # GOTOOLCHAIN=local: never fetch another Go toolchain; GOFLAGS cleared so user flags can't interfere.
    export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS='' GOWORK=off
    "$go" mod init dittofs-tools-build >/dev/null 2>&1 || die "'$go mod init' failed in $tmp (is Go >= 1.26 installed?)"
    if [[ $group == k8s ]]; then
      # k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with ./staging;
      # point each one at its published tag instead (v1.34.4 -> v0.34.4). The list is read from the
      # kubernetes go.mod itself so it follows the pinned release.
      local gomod staging_version=v0${version#v1} m
      "$go" mod download -json "$module@$version" >download.json 2>&1 ||
        { cat download.json; die "could not download $module@$version through the Go module proxy ($("$go" env GOPROXY))"; }
      gomod=$(sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p' download.json)
      [[ -f $gomod ]] || die "no go.mod for $module@$version in the module cache after download"
      while read -r m; do
        "$go" mod edit -replace "$m=$m@$staging_version"
      done < <(awk '$2 == "=>" && $3 ~ /^\.\/staging\// { print $1 }' "$gomod")
      # Without these the binaries report v0.0.0 and derive a bogus compatibility version.
      local minor vpkg
      minor=${version#v1.}
      minor=${minor%%.*}
      for vpkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
        ldflags+=" -X $vpkg.gitVersion=$version -X $vpkg.gitMajor=1 -X $vpkg.gitMinor=$minor"
        ldflags+=" -X $vpkg.gitTreeState=clean -X $vpkg.buildDate=1970-01-01T00:00:00Z"
      done
    fi
    if [[ $group == helm ]]; then
      ldflags+=" -X helm.sh/helm/v3/internal/version.version=$version"
      # Without a cluster (helm template, helm lint) helm assumes Kubernetes 1.20, below the chart's kubeVersion
      # floor, so `helm template` would need --kube-version. Helm's own Makefile sets these from its client-go; here
      # they follow the Kubernetes the tests run. (-X on a renamed variable is silently ignored: ChartLintTest
      # renders the chart without --kube-version and would fail.)
      local kminor vpkg
      kminor=$(k8s_minor_version)
      kminor=${kminor#*.}
      for vpkg in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
        ldflags+=" -X $vpkg.k8sVersionMajor=1 -X $vpkg.k8sVersionMinor=$kminor"
      done
    fi
    [[ $group == kwok ]] && ldflags+=" -X sigs.k8s.io/kwok/pkg/consts.Version=$version"
    # promtool's rule tests need none of Prometheus's service discovery plugins (cloud SDKs, a much longer build).
    [[ $group == promtool ]] && tags=remove_all_sd
    # helm-unittest's go.mod replaces yaml-jsonpath with its fork (yaml.v3 from go.yaml.in); as a dependency the
    # replace is ignored and the build fails, so the wrapper module repeats it.
    [[ $group == helm-unittest ]] &&
      "$go" mod edit -replace github.com/vmware-labs/yaml-jsonpath=github.com/helm-unittest/yaml-jsonpath@v0.4.0
    local getargs=() p
    for p in "${pkgs[@]}"; do getargs+=("$p@$version"); done
    # go get resolves the dependency graph and records go.sum; its chatter goes to a log.
    "$go" get "${getargs[@]}" >get.log 2>&1 || { cat get.log; die "go get ${getargs[*]} failed"; }
    mkdir -p out
    # One package: name the output explicitly (etcd's main package path ends in /v3, which go build
    # would name "server"). Several: -o out/ builds them in one go so shared packages compile once.
    local dest=out/
    [[ ${#pkgs[@]} -gt 1 ]] || dest=out/$1
    "$go" build -mod=mod -trimpath -tags "$tags" -ldflags "$ldflags" -o "$dest" "${pkgs[@]}" || die "go build of ${*} failed"
  ) >&2 || exit 1
  fi

  [[ $group != ct ]] || install_ct_extras
  # Atomic install: rename within the cache filesystem, so a reader never sees half a binary.
  for t in "$@"; do
    local dest; dest=$(tool_path "$t")
    [[ -x $tmp/out/$t ]] || die "build produced no binary for $t"
    mkdir -p "$(dirname "$dest")"
    mv -f "$tmp/out/$t" "$dest.tmp.$$"
    mv -f "$dest.tmp.$$" "$dest"
  done
  log "built ${*} in $(($(date +%s) - start))s"
}

# ct lint runs yamllint and yamale (PyPI, into a venv beside ct) and needs its chart schema and lint config (the
# module's etc/): <ct dir>/venv/bin and <ct dir>/etc, before ct itself is installed (ct present = all present).
install_ct_extras() {
  local dir module version src
  dir=$(dirname "$(tool_path ct)")
  read -r module version <<<"$(group_module ct)"
  src=$(cd / && GOFLAGS='' GOTOOLCHAIN=local "$(find_go)" mod download -json "$module@$version" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  mkdir -p "$dir" && rm -rf "${dir:?}/venv" "${dir:?}/etc"
  cp -r "$src/etc" "$dir/etc" && chmod -R u+w "$dir/etc"
  python3 -m venv "$dir/venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$dir/venv/bin/pip" install -q --disable-pip-version-check "yamllint==$YAMLLINT_VERSION" "yamale==$YAMALE_VERSION" >&2 ||
    die "pip install yamllint yamale failed"
}

cmd_ensure() {
  local tools=("$@") missing=() t g groups=()
  [[ ${#tools[@]} -gt 0 ]] || tools=("${ALL_TOOLS[@]}")
  for t in "${tools[@]}"; do check_tool "$t"; is_built "$t" || missing+=("$t"); done
  [[ ${#missing[@]} -gt 0 ]] || return 0 # fast path: everything cached, no lock, no Go

  mkdir -p "$CACHE_DIR/tmp" "$BIN_DIR"
  trap 'rm -rf "$CACHE_DIR/tmp/"*-$$-*' EXIT
  # Serialise concurrent builders (e.g. two test JVMs); re-check after getting the lock.
  exec 9>"$CACHE_DIR/.lock"
  flock 9 || die "cannot lock $CACHE_DIR/.lock"
  local total_start; total_start=$(date +%s)
  for t in "${missing[@]}"; do
    g=$(group_of "$t")
    [[ " ${groups[*]} " == *" $g "* ]] || groups+=("$g")
  done
  for g in "${groups[@]}"; do
    local want=()
    for t in "${missing[@]}"; do
      [[ $(group_of "$t") == "$g" ]] && ! is_built "$t" && want+=("$t")
    done
    [[ ${#want[@]} -eq 0 ]] || build_group "$g" "${want[@]}"
  done
  log "all requested tools ready ($(($(date +%s) - total_start))s total)"
}

usage() { sed -n '3,17s/^# \{0,1\}//p' "$0" >&2; exit "${1:-0}"; }

case ${1:-} in
  ensure)
    shift
    (cmd_ensure "$@") # a subshell: the build lock is released when it ends
    if [[ $# -eq 0 && -z ${KUBE_VERSION:-} ]]; then # everything: the oldest supported Kubernetes too (test tier oldest-k8s)
      "$0" ensure-oldest
    fi ;;
  ensure-current)
    KUBE_VERSION='' "$0" ensure "${ALL_TOOLS[@]}" ;;
  ensure-oldest)
    k8s_tools=()
    for t in "${ALL_TOOLS[@]}"; do [[ $(group_of "$t") != k8s ]] || k8s_tools+=("$t"); done
    KUBE_VERSION=$K8S_OLDEST_VERSION "$0" ensure "${k8s_tools[@]}" ;;
  path)
    [[ $# -eq 2 ]] || usage 1
    check_tool "$2"
    is_built "$2" || { echo "tools.sh: $2 is not built; run: $0 ensure $2" >&2; exit 2; }
    tool_path "$2" ;;
  list)
    for t in "${ALL_TOOLS[@]}"; do
      if is_built "$t"; then s=built; else s=missing; fi
      echo "$t $(tool_stamp "$t") $(tool_path "$t") $s"
    done ;;
  openapi)
    # The k8s group builds from this module anyway; a schema source for kubeconform that needs no network beyond
    # the Go module proxy (kubeconform's default schemas are on GitHub).
    read -r m v <<<"$(group_module k8s)"
    dir=$(cd / && GOFLAGS='' GOTOOLCHAIN=local "$(find_go)" mod download -json "$m@$v" |
      sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
    [[ -f $dir/api/openapi-spec/swagger.json ]] || die "no api/openapi-spec/swagger.json in $m@$v"
    echo "$dir/api/openapi-spec/swagger.json" ;;
  k8s-versions) echo "$K8S_OLDEST_VERSION $K8S_VERSION" ;;
  -h | --help | help) usage 0 ;;
  *) usage 1 ;;
esac
