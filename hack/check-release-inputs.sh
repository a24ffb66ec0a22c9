#!/usr/bin/env bash
# Refuses a release that still carries a placeholder where a maintainer must give a real value (used by
# .github/workflows/release.yml before anything is pushed).
#
#   hack/check-release-inputs.sh [base-dir]
#
# The release-time inputs (docs/DEVELOPMENT.md, "Release-time inputs"), each committed as a value containing the word
# "placeholder" until a maintainer knows the real one:
#   the maintainers' e-mail   src/main/csv/dittofs-operator.csv.yaml (-> bundle/), helm/dittofs-operator/Chart.yaml,
#                             helm/artifacthub-repo.yml (owners)
#   the OperatorHub reviewers src/main/csv/ci.yaml (-> bundle/ci.yaml): GitHub users who approve a new version
#   the Artifact Hub ID       helm/artifacthub-repo.yml repositoryID: absent until Artifact Hub shows it, then a UUID
# Prints one line per placeholder (file:line and the value) and exits 1 if there is any. Comments are not values.
set -euo pipefail

base=${1:-$(cd "$(dirname "$0")/.." && pwd)}
files=(src/main/csv/dittofs-operator.csv.yaml src/main/csv/ci.yaml bundle/ci.yaml
  bundle/manifests/dittofs-operator.clusterserviceversion.yaml helm/dittofs-operator/Chart.yaml helm/artifacthub-repo.yml)
problems=()

for file in "${files[@]}"; do
  [[ -f $base/$file ]] || { problems+=("$file is missing"); continue; }
  # every line whose value (the part before a " #" comment) says placeholder
  while IFS= read -r hit; do
    problems+=("$file:${hit%%:*}: placeholder value '$(sed -E 's/^[[:space:]-]*//' <<<"${hit#*:}")'")
  done < <(sed -E 's/(^|[[:space:]])#.*$//' "$base/$file" | grep -n -i 'placeholder' || true)
done

# Artifact Hub's repositoryID: optional, but when present the UUID Artifact Hub assigned (never the zero UUID)
id=$(awk '$1 == "repositoryID:" { print $2; exit }' "$base/helm/artifacthub-repo.yml" 2>/dev/null || true)
uuid='^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
if [[ -n $id ]] && { ! [[ $id =~ $uuid ]] || [[ $id == 00000000-0000-0000-0000-000000000000 ]]; }; then
  problems+=("helm/artifacthub-repo.yml: repositoryID '$id' is not the ID Artifact Hub assigned")
fi

if [[ ${#problems[@]} -gt 0 ]]; then
  printf 'check-release-inputs: %s\n' "${problems[@]}" >&2
  echo "check-release-inputs: set the release-time inputs (docs/DEVELOPMENT.md#release-time-inputs) and regenerate" >&2
  exit 1
fi
echo "check-release-inputs: no placeholder in the release-time inputs"
