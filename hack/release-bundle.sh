#!/usr/bin/env bash
# Finishes the committed OLM bundle for a release image (used by .github/workflows/release.yml).
#
#   hack/release-bundle.sh <out-dir> <createdAt> <image:tag>=<image@sha256:digest>...
#
# Copies bundle/ to <out-dir>, then in the ClusterServiceVersion replaces every reference to each image:tag by its
# digest (the Deployment, containerImage and relatedImages: OLM and disconnected mirrors need images pinned by digest)
# and sets metadata.annotations.createdAt. The committed bundle/ stays free of both, so a fresh build reproduces it.
# Fails when an image is not in the CSV, or when relatedImages still has an image without a digest.
set -euo pipefail

[[ $# -ge 3 ]] || { sed -n '2,9s/^# \{0,1\}//p' "$0" >&2; exit 2; }
out=$1 created=$2; shift 2
src=$(cd "$(dirname "$0")/.." && pwd)/bundle
rm -rf "$out" && mkdir -p "$out" && cp -R "$src/." "$out/"
csv=$(ls "$out"/manifests/*.clusterserviceversion.yaml)

for pair in "$@"; do
  from=${pair%%=*} to=${pair#*=}
  [[ $to == *@sha256:* ]] || { echo "release-bundle: $to is not a digest reference" >&2; exit 1; }
  grep -qF -- "$from" "$csv" || { echo "release-bundle: $from is not in $csv" >&2; exit 1; }
  # image references end at the end of the line in the generated CSV
  # shellcheck disable=SC2001 # escaping the regex metacharacters of an image reference needs sed
  sed -i "s|\([: ]\)$(sed 's/[.[\*^$|]/\\&/g' <<<"$from")\$|\1$to|" "$csv"
done

# createdAt first under metadata.annotations (the generator's layout: "metadata:", its keys indented by two)
awk -v created="$created" '
  /^[a-z]/ { inMetadata = ($0 == "metadata:") }
  { print }
  !done && inMetadata && $0 == "  annotations:" { print "    createdAt: \"" created "\""; done = 1 }
  END { if (!done) { print "release-bundle: no metadata.annotations in the CSV" > "/dev/stderr"; exit 1 } }
' "$csv" >"$out/csv.tmp"
mv "$out/csv.tmp" "$csv"

# every relatedImage pinned
unpinned=$(awk '/^  relatedImages:/ { on = 1; next } on && /^  [a-z]/ { on = 0 } on && /image:/ && !/@sha256:/' "$csv")
[[ -z $unpinned ]] || { echo "release-bundle: relatedImages not pinned by digest:" >&2; echo "$unpinned" >&2; exit 1; }
echo "release-bundle: $out ($(basename "$csv"), createdAt $created)"
