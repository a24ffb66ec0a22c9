#!/usr/bin/env bash
# Finishes the committed OLM bundle for a release image (used by .github/workflows/release.yml).
#
#   hack/release-bundle.sh <out-dir> <createdAt> <image:tag>=<image@sha256:digest>...
#
# Copies bundle/ to <out-dir>, then replaces every reference to each image:tag by its digest in the manifests: in the
# ClusterServiceVersion (the Deployment, containerImage and relatedImages: OLM and disconnected mirrors need images
# pinned by digest) and in the CRD (the default of spec.image, the dfs image new DittoServers run). Sets
# metadata.annotations.createdAt, and features.operators.openshift.io/disconnected to "true" once nothing is left
# unpinned. The committed bundle/ stays free of all three, so a fresh build reproduces it.
# Fails when an image is not in the CSV, when a tag reference of a given image remains anywhere in the bundle, or when
# relatedImages still has an image without a digest.
set -euo pipefail

[[ $# -ge 3 ]] || { sed -n '2,12s/^# \{0,1\}//p' "$0" >&2; exit 2; }
out=$1 created=$2; shift 2
src=$(cd "$(dirname "$0")/.." && pwd)/bundle
rm -rf "$out" && mkdir -p "$out" && cp -R "$src/." "$out/"
csv=$(ls "$out"/manifests/*.clusterserviceversion.yaml)

for pair in "$@"; do
  from=${pair%%=*} to=${pair#*=}
  [[ $to == *@sha256:* ]] || { echo "release-bundle: $to is not a digest reference" >&2; exit 1; }
  grep -qF -- "$from" "$csv" || { echo "release-bundle: $from is not in $csv" >&2; exit 1; }
  # an image reference is a whole YAML value: after ": ", a space or a quote, up to a quote or the end of the line
  # shellcheck disable=SC2001 # escaping the regex metacharacters of an image reference needs sed
  sed -i "s|\([: \"]\)$(sed 's/[.[\*^$|]/\\&/g' <<<"$from")\(\"\{0,1\}\)\$|\1$to\2|" "$out"/manifests/*
  left=$(grep -rnF -- "$from" "$out" || true)
  [[ -z $left ]] || { echo "release-bundle: $from is still referenced by tag:" >&2; echo "$left" >&2; exit 1; }
done

# every relatedImage pinned
unpinned=$(awk '/^  relatedImages:/ { on = 1; next } on && /^  [a-z]/ { on = 0 } on && /image:/ && !/@sha256:/' "$csv")
[[ -z $unpinned ]] || { echo "release-bundle: relatedImages not pinned by digest:" >&2; echo "$unpinned" >&2; exit 1; }

# createdAt first under metadata.annotations (the generator's layout: "metadata:", its keys indented by two); every
# image is now pinned and listed, so the bundle can be mirrored for a disconnected cluster
awk -v created="$created" '
  /^[a-z]/ { inMetadata = ($0 == "metadata:") }
  inMetadata && $1 == "features.operators.openshift.io/disconnected:" { sub(/"false"/, "\"true\""); disconnected = 1 }
  { print }
  !done && inMetadata && $0 == "  annotations:" { print "    createdAt: \"" created "\""; done = 1 }
  END {
    if (!done) { print "release-bundle: no metadata.annotations in the CSV" > "/dev/stderr"; exit 1 }
    if (!disconnected) { print "release-bundle: no features.operators.openshift.io/disconnected in the CSV" > "/dev/stderr"; exit 1 }
  }
' "$csv" >"$out/csv.tmp"
mv "$out/csv.tmp" "$csv"
echo "release-bundle: $out ($(basename "$csv"), createdAt $created)"
