#!/usr/bin/env bash
# Benchmark of this operator (and optionally a baseline operator); see docs/PERFORMANCE.md.
#
#   bench/run.sh                         this operator's figures for N = 10, 100, 500, 3 runs each
#   bench/run.sh --smoke                 N = 5, 1 run, 20 s steady state: does the benchmark still work?
#   bench/run.sh --n 10,100 --baseline-cmd '/path/manager --leader-elect=false --enable-webhooks=false
#       --metrics-bind-address=0 --health-probe-bind-address=127.0.0.1:{port}' --baseline-crd CRD.yaml
#   bench/run.sh --report --out DIR      print the table of earlier results again
#
# Builds the packaged operator first if target/quarkus-app is missing; `bench/bench.py --help` lists every option.
# Not part of ./mvnw verify: the default series takes 1.5-2 hours per operator on two cores.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
if [[ ! -f target/quarkus-app/quarkus-run.jar && " $* " != *" --report "* && " $* " != *" --cmd "* ]]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
hack/tools.sh ensure etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok >&2
exec python3 bench/bench.py "$@"
