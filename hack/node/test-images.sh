#!/usr/bin/env bash
# Small OCI images built on this machine for the real test node (no registry is reachable).
#
#   hack/node/test-images.sh pause     print the path of the pause image's OCI archive (built if missing)
#   hack/node/test-images.sh busybox   the same for a busybox image (Debian's busybox-static: sh, wget, nc, ...)
#   hack/node/test-images.sh ref ARCHIVE   the image name recorded in an OCI archive (what `ctr images import` names it)
#
# pause: Kubernetes' own build/pause/linux/pause.c from the k8s.io/kubernetes module (Go module cache), compiled
# with `gcc -static`; image localhost/dittofs/pause:3.10.1, runs as 65535 like registry.k8s.io/pause.
# busybox: /bin/busybox of the busybox-static package and a link per applet; image localhost/dittofs/busybox:<version>.
# The OCI layout (one uncompressed layer, config, manifest, index with the io.containerd.image.name annotation that
# `ctr images import` names the image after) is written here by hand: no buildah, no daemon. Archives are cached in
# ${DITTOFS_TOOLS_CACHE:-~/.cache/dittofs-operator}/node-images, named after a hash of their inputs.
set -euo pipefail

HACK=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_DIR=${DITTOFS_TOOLS_CACHE:-$HOME/.cache/dittofs-operator}/node-images # (images/ is hack/images.sh's)
PAUSE_IMAGE=localhost/dittofs/pause:3.10.1

die() { echo "test-images.sh: error: $*" >&2; exit 1; }

# oci_archive OUT NAME:TAG ROOTFS USER ENTRYPOINT-JSON CMD-JSON: a single-layer linux/amd64 image as an OCI archive.
oci_archive() {
  local out=$1 ref=$2 rootfs=$3 user=$4 entrypoint=$5 cmd=$6 work
  work=$(mktemp -d "$CACHE_DIR/tmp.XXXXXX")
  mkdir -p "$work/oci/blobs/sha256"
  # Reproducible layer: sorted names, owner root, mtime 0.
  tar -C "$rootfs" --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -cf "$work/layer.tar" .
  local layer_sha layer_size config config_sha manifest manifest_sha
  layer_sha=$(sha256sum <"$work/layer.tar" | cut -d' ' -f1)
  layer_size=$(stat -c %s "$work/layer.tar")
  mv "$work/layer.tar" "$work/oci/blobs/sha256/$layer_sha"
  config=$(jq -cn --arg diff "sha256:$layer_sha" --arg user "$user" --argjson ep "$entrypoint" --argjson cmd "$cmd" \
    '{architecture: "amd64", os: "linux", config: {User: $user, Entrypoint: $ep, Cmd: $cmd, WorkingDir: "/",
      Env: ["PATH=/bin:/usr/bin:/sbin:/usr/sbin"]}, rootfs: {type: "layers", diff_ids: [$diff]}}')
  config_sha=$(printf %s "$config" | sha256sum | cut -d' ' -f1)
  printf %s "$config" >"$work/oci/blobs/sha256/$config_sha"
  manifest=$(jq -cn --arg c "sha256:$config_sha" --argjson cs "${#config}" --arg l "sha256:$layer_sha" \
    --argjson ls "$layer_size" \
    '{schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $c, size: $cs},
      layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar", digest: $l, size: $ls}]}')
  manifest_sha=$(printf %s "$manifest" | sha256sum | cut -d' ' -f1)
  printf %s "$manifest" >"$work/oci/blobs/sha256/$manifest_sha"
  jq -cn --arg m "sha256:$manifest_sha" --argjson ms "${#manifest}" --arg ref "$ref" \
    '{schemaVersion: 2, manifests: [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $m, size: $ms,
      platform: {architecture: "amd64", os: "linux"},
      annotations: {"io.containerd.image.name": $ref, "org.opencontainers.image.ref.name": ($ref | sub(".*:"; ""))}}]}' \
    >"$work/oci/index.json"
  echo '{"imageLayoutVersion":"1.0.0"}' >"$work/oci/oci-layout"
  tar -C "$work/oci" --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -cf "$out.tmp.$$" .
  mv -f "$out.tmp.$$" "$out"
  rm -rf "$work"
}

pause_archive() {
  local src tag out rootfs
  src=$(GOFLAGS='' GOTOOLCHAIN=local go env GOMODCACHE)/k8s.io/kubernetes@$(sed -n 's/^K8S_VERSION=\([^ ]*\).*/\1/p' "$HACK/tools.sh")
  [[ -f $src/build/pause/linux/pause.c ]] || (cd /tmp && GOFLAGS='' GOTOOLCHAIN=local go mod download "k8s.io/kubernetes@${src##*@}" >/dev/null) ||
    die "no $src/build/pause/linux/pause.c and could not download the module"
  tag=$( (cat "$src/build/pause/linux/pause.c"; declare -f oci_archive; echo "$PAUSE_IMAGE") | sha256sum | cut -c1-12)
  out=$CACHE_DIR/pause-$tag.oci.tar
  if [[ ! -f $out ]]; then
    command -v gcc >/dev/null || die "gcc is needed to build the pause image (apt-get install gcc libc6-dev)"
    rootfs=$(mktemp -d "$CACHE_DIR/tmp.XXXXXX")
    gcc -Os -Wall -Werror -static -DVERSION="${PAUSE_IMAGE##*:}-dittofs" -o "$rootfs/pause" "$src/build/pause/linux/pause.c"
    strip "$rootfs/pause"
    oci_archive "$out" "$PAUSE_IMAGE" "$rootfs" 65535:65535 '["/pause"]' null
    rm -rf "$rootfs"
  fi
  echo "$out"
}

busybox_archive() {
  local bb=/bin/busybox version out rootfs a
  if [[ ! -x $bb ]] || readelf -l "$bb" | grep INTERP >/dev/null; then # INTERP: dynamically linked
    die "$bb is not a static busybox (apt-get install busybox-static)"
  fi
  version=$(dpkg-query -W -f '${Version}' busybox-static 2>/dev/null || "$bb" | sed -n '1s/^BusyBox v\([0-9.]*\).*/\1/p')
  version=${version#*:}
  version=${version%%[-+]*}
  out=$CACHE_DIR/busybox-$( (sha256sum <"$bb"; declare -f oci_archive) | sha256sum | cut -c1-12).oci.tar
  if [[ ! -f $out ]]; then
    rootfs=$(mktemp -d "$CACHE_DIR/tmp.XXXXXX")
    mkdir -p "$rootfs"/{bin,etc,tmp,root}
    chmod 1777 "$rootfs/tmp"
    cp "$bb" "$rootfs/bin/busybox"
    for a in $("$bb" --list); do [[ $a == busybox ]] || ln -s busybox "$rootfs/bin/$a"; done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$rootfs/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
    # Like docker.io/library/busybox: no entrypoint, `sh` by default (so `kubectl run --image=... -- sleep 1` works).
    oci_archive "$out" "localhost/dittofs/busybox:$version" "$rootfs" "" null '["sh"]'
    rm -rf "$rootfs"
  fi
  echo "$out"
}

mkdir -p "$CACHE_DIR"
case ${1:-} in
  pause) pause_archive ;;
  busybox) busybox_archive ;;
  ref) tar -xOf "$2" ./index.json | jq -r '.manifests[0].annotations["io.containerd.image.name"]' ;;
  *) sed -n '2,14s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac
