#!/usr/bin/env bash
# Refuses a release whose chart does not name the version being released (used by .github/workflows/release.yml).
#
#   hack/check-release-version.sh <version> <operator-image> [chart-dir]
#
# <version> is the tag without its leading v (X.Y.Z), <operator-image> the image without tag (the repository of
# deploy/operator.yaml's image). The chart (default helm/dittofs-operator) must say that version in Chart.yaml's
# version and appVersion, list <operator-image>:<version> and <operator-image>:<version>-native (and no other tag of
# that image) in its artifacthub.io/images annotation, and run <operator-image> by default (values.yaml).
# Prints one line per mismatch, naming the field, and exits 1 if there is any.
set -euo pipefail

[[ $# -ge 2 ]] || { sed -n '2,10s/^# \{0,1\}//p' "$0" >&2; exit 2; }
version=$1 image=$2
chart=${3:-$(cd "$(dirname "$0")/.." && pwd)/helm/dittofs-operator}
problems=()

# a top-level scalar of a YAML file, quotes removed
top() { awk -v key="$2:" '$1 == key { v = $2; gsub(/^"|"$/, "", v); print v; exit }' "$1"; }

[[ $(top "$chart/Chart.yaml" version) == "$version" ]] ||
  problems+=("Chart.yaml version is '$(top "$chart/Chart.yaml" version)', not $version")
[[ $(top "$chart/Chart.yaml" appVersion) == "$version" ]] ||
  problems+=("Chart.yaml appVersion is '$(top "$chart/Chart.yaml" appVersion)', not $version")

# the images of the artifacthub.io/images annotation (a block scalar: "- name: ...", "image: ..." lines)
listed=$(awk '
  /^  artifacthub\.io\/images:/ { on = 1; next }
  on && /^  [^ ]/ { on = 0 }
  on && $1 == "image:" { print $2 }
' "$chart/Chart.yaml")
for want in "$image:$version" "$image:$version-native"; do
  grep -qxF -- "$want" <<<"$listed" || problems+=("Chart.yaml annotation artifacthub.io/images does not list $want")
done
while read -r ref; do
  if [[ $ref == "$image:"* && $ref != "$image:$version" && $ref != "$image:$version-native" ]]; then
    problems+=("Chart.yaml annotation artifacthub.io/images lists $ref, not version $version")
  fi
done <<<"$listed"

# values.yaml image.repository: the first "repository:" under the top-level "image:" block
repository=$(awk '/^[^ #]/ { on = ($1 == "image:") } on && $1 == "repository:" { print $2; exit }' "$chart/values.yaml")
[[ $repository == "$image" ]] || problems+=("values.yaml image.repository is '$repository', not $image")

if [[ ${#problems[@]} -gt 0 ]]; then
  printf 'check-release-version: %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "check-release-version: the chart names $image $version"
