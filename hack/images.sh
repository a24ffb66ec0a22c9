#!/usr/bin/env bash
# Container images built on this machine, without a registry, as OCI archives for `ctr images import`.
#
#   hack/images.sh build [operator|dfs|base|all]   build what is missing or stale (default: all)
#   hack/images.sh archive NAME                    build NAME if needed, print its OCI archive's path (stdout)
#   hack/images.sh list                            print "name image key archive built|missing"
#
# Images (NAME):
#   operator  localhost/dittofs-operator:dev           src/main/docker/Dockerfile.jvm (the release's file) on base
#   dfs       docker.io/marmos91c/dittofs:v0.29.0      the operator's default DittoServer spec.image (hack/tools.sh's dfs)
#   base      localhost/dittofs-java-base:<key>        a local stand-in for UBI's openjdk-25-runtime, on debian
#   debian    localhost/dittofs-debian:<key>           debootstrap'ed bookworm minbase, shared by base and dfs
#
# Each image is cached under a key of its inputs (the Debian recipe and the JDK; target/quarkus-app's content and
# the Dockerfile; the dfs binary), so a warm call costs a few hashes. Built with buildah (runc isolation, no network
# in RUN, no registry: --pull=never); its storage and the archives live in ${DITTOFS_TOOLS_CACHE:-~/.cache/dittofs-operator}/images.
# Needs root (debootstrap, buildah) and the Debian packages buildah and debootstrap.
set -euo pipefail

# ---- pinned inputs: bump here -----------------------------------------------------------------
DEBIAN_SUITE=bookworm
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_PACKAGES=ca-certificates,tzdata,locales
JDK_HOME=${IMAGES_JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# What the operator uses (jdeps over target/quarkus-app) plus what a JVM in a container is expected to offer
# (TLS/EC, DNS naming, JFR, jcmd, charsets).
JRE_MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.security.jgss,java.security.sasl,java.xml,jdk.charsets,jdk.crypto.ec,jdk.jcmd,jdk.jfr,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
OPERATOR_IMAGE=localhost/dittofs-operator:dev
DFS_IMAGE=docker.io/marmos91c/dittofs:v0.29.0
RECIPE_VERSION=1 # bump to rebuild everything

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE=$ROOT/hack/images
CACHE_DIR=${DITTOFS_TOOLS_CACHE:-$HOME/.cache/dittofs-operator}/images
ARCHIVES=$CACHE_DIR/archives
BUILDAH=(buildah --root "$CACHE_DIR/storage" --runroot "$CACHE_DIR/run" --storage-driver overlay)

die() { echo "images.sh: error: $*" >&2; exit 1; }
log() { echo "images.sh: $*" >&2; }

sha() { sha256sum | cut -c1-16; }

# Keys: a hash of everything an image is made from (its base's key included).
debian_key() {
  { echo "$RECIPE_VERSION $DEBIAN_SUITE $DEBIAN_PACKAGES"; cat "$HERE/debian.Dockerfile"; declare -f make_rootfs; } | sha
}
base_key() {
  [[ -x $JDK_HOME/bin/jlink ]] || die "no JDK 25 at $JDK_HOME (IMAGES_JDK_HOME)"
  { debian_key; echo "$JRE_MODULES"; cat "$JDK_HOME/release" "$HERE/java.Dockerfile"; declare -f make_jre; } | sha
}
app_dir() { echo "$ROOT/target/quarkus-app"; }
operator_key() {
  local app; app=$(app_dir)
  [[ -f $app/quarkus-run.jar ]] || die "no $app: run ./mvnw -B -ntp package -DskipTests first"
  { base_key; cat "$ROOT/src/main/docker/Dockerfile.jvm"; (cd "$app" && find . -type f -print0 | sort -z | xargs -0 sha256sum); } | sha
}
dfs_binary() {
  bash "$ROOT/hack/tools.sh" path dfs 2>/dev/null || die "dfs is not built: run hack/tools.sh ensure dfs"
}
dfs_key() { { debian_key; cat "$HERE/dfs.Dockerfile"; sha256sum <"$(dfs_binary)"; } | sha; }

image_of() {
  case $1 in
    debian) echo "localhost/dittofs-debian:$(debian_key)" ;;
    base) echo "localhost/dittofs-java-base:$(base_key)" ;;
    operator) echo "$OPERATOR_IMAGE" ;;
    dfs) echo "$DFS_IMAGE" ;;
    *) die "unknown image '$1' (operator, dfs, base, debian)" ;;
  esac
}
key_of() { "$1_key"; }
archive_of() { echo "$ARCHIVES/$1-$2.oci.tar"; }

# The root filesystem of the Debian layer: minbase + CA certificates + tzdata, the en_US.UTF-8 locale compiled,
# no apt caches, documentation or device nodes (the runtime provides /dev).
make_rootfs() {
  local dir=$1
  debootstrap --variant=minbase --include="$DEBIAN_PACKAGES" "$DEBIAN_SUITE" "$dir/rootfs" "$DEBIAN_MIRROR" \
    >"$dir/debootstrap.log" 2>&1 || { tail -20 "$dir/debootstrap.log" >&2; die "debootstrap failed"; }
  chroot "$dir/rootfs" localedef -i en_US -f UTF-8 --no-archive en_US.UTF-8
  (
    cd "$dir/rootfs"
    rm -rf dev/* var/cache/apt/*.bin var/cache/apt/archives/*.deb var/lib/apt/lists/* var/log/* \
      usr/share/doc/* usr/share/man/* usr/share/info/* usr/share/locale/* usr/share/i18n/locales \
      usr/share/i18n/charmaps run/* tmp/* debootstrap
    chmod 1777 tmp
  )
  tar -C "$dir/rootfs" --numeric-owner --xattrs -cf "$dir/rootfs.tar" .
  rm -rf "$dir/rootfs"
}

# A Java 25 runtime (no JDK tools but jcmd) linked from the host's JDK, with its default CDS archive.
make_jre() {
  "$JDK_HOME/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$1/jre"
}

# build_image NAME KEY DOCKERFILE CONTEXT [buildah build args...]: build and write the OCI archive.
build_image() {
  local name=$1 key=$2 file=$3 context=$4 image tmp
  shift 4
  image=$(image_of "$name")
  log "building $name ($image, key $key) ..."
  # OCI isolation (runc) for a network namespace: a RUN (the operator's training run) sees only its own loopback.
  "${BUILDAH[@]}" build --isolation oci --network none --pull=never --layers -q -f "$file" -t "$image" \
    --label "com.dittofs.images.key=$key" "$@" "$context" >/dev/null || die "buildah build of $name failed"
  mkdir -p "$ARCHIVES"
  tmp=$(mktemp -d "$CACHE_DIR/tmp/$name-XXXXXX")
  "${BUILDAH[@]}" push -q "$image" "oci:$tmp/layout:$image" || die "buildah push of $name failed"
  # ctr names an image after io.containerd.image.name; without it, `ctr images import` ignores a full reference
  # in org.opencontainers.image.ref.name unless given --base-name.
  python3 - "$tmp/layout/index.json" "$image" <<'EOF'
import json, sys
path, ref = sys.argv[1:3]
with open(path) as f:
    index = json.load(f)
for m in index["manifests"]:
    m.setdefault("annotations", {})["io.containerd.image.name"] = ref
with open(path, "w") as f:
    json.dump(index, f)
EOF
  tar -C "$tmp/layout" -cf "$tmp/archive.tar" . && mv "$tmp/archive.tar" "$(archive_of "$name" "$key")"
  rm -rf "$tmp"
  # Older archives and tags of the same image are stale, and so are untagged images (earlier builds, stages).
  find "$ARCHIVES" -name "$name-*.oci.tar" ! -name "$name-$key.oci.tar" -delete
  local old
  while read -r old; do
    [[ $old == "${image%:*}:"* && $old != "$image" ]] && "${BUILDAH[@]}" rmi "$old" >/dev/null
  done < <("${BUILDAH[@]}" images --format '{{.Name}}:{{.Tag}}')
  "${BUILDAH[@]}" rmi --prune >/dev/null 2>&1 || true
  log "archive of $name: $(archive_of "$name" "$key") ($(du -m "$(archive_of "$name" "$key")" | cut -f1) MiB)"
}

# ensure NAME: build NAME (and what it is built on) unless its archive for the current inputs exists.
ensure() {
  local name=$1 key dir start
  key=$(key_of "$name")
  [[ -f $(archive_of "$name" "$key") ]] && return 0
  case $name in
    base | dfs) ensure debian ;;
    operator) ensure base ;;
  esac
  start=$(date +%s)
  case $name in
    debian)
      dir=$(mktemp -d "$CACHE_DIR/tmp/debian-XXXXXX")
      log "debootstrap $DEBIAN_SUITE (minbase) ..."
      make_rootfs "$dir"
      log "root filesystem in $(($(date +%s) - start)) s"
      cp "$HERE/debian.Dockerfile" "$dir/Dockerfile"
      build_image debian "$key" "$dir/Dockerfile" "$dir"
      ;;
    base)
      dir=$(mktemp -d "$CACHE_DIR/tmp/base-XXXXXX")
      make_jre "$dir"
      build_image base "$key" "$HERE/java.Dockerfile" "$dir" --build-arg "DEBIAN_IMAGE=$(image_of debian)"
      ;;
    operator)
      build_image operator "$key" "$ROOT/src/main/docker/Dockerfile.jvm" "$ROOT" \
        --build-arg "BASE_IMAGE=$(image_of base)"
      ;;
    dfs)
      dir=$(mktemp -d "$CACHE_DIR/tmp/dfs-XXXXXX")
      cp "$(dfs_binary)" "$dir/dfs"
      build_image dfs "$key" "$HERE/dfs.Dockerfile" "$dir" --build-arg "BASE_IMAGE=$(image_of debian)"
      ;;
  esac
  [[ -z ${dir:-} ]] || rm -rf "$dir"
  log "built $name in $(($(date +%s) - start)) s"
}

with_lock() {
  [[ $(id -u) == 0 ]] || die "needs root (debootstrap, chroot, buildah)"
  command -v buildah >/dev/null || die "buildah not found (apt-get install buildah)"
  mkdir -p "$CACHE_DIR/tmp" "$ARCHIVES"
  exec 9>"$CACHE_DIR/lock"
  flock 9
  "$@"
}

cmd_build() {
  local what=${1:-all} start
  start=$(date +%s)
  case $what in
    all) with_lock ensure operator; with_lock ensure dfs ;;
    operator | dfs | base | debian) with_lock ensure "$what" ;;
    *) die "unknown image '$what' (operator, dfs, base, all)" ;;
  esac
  log "build $what: $(($(date +%s) - start)) s"
}

cmd_archive() {
  [[ $# == 1 ]] || die "usage: images.sh archive NAME"
  image_of "$1" >/dev/null
  with_lock ensure "$1"
  archive_of "$1" "$(key_of "$1")"
}

cmd_list() {
  local name key state
  for name in operator dfs base debian; do
    if key=$(key_of "$name" 2>/dev/null); then
      state=missing
      [[ -f $(archive_of "$name" "$key") ]] && state=built
      echo "$name $(image_of "$name") $key $(archive_of "$name" "$key") $state"
    else
      echo "$name $(image_of "$name" 2>/dev/null || echo -) - - no-inputs"
    fi
  done
}

case ${1:-} in
  build) shift; cmd_build "$@" ;;
  archive) shift; cmd_archive "$@" ;;
  list) cmd_list ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64 ;;
esac
