#!/usr/bin/env bash
# Gives service principals of the KDC that kdc-up.sh started under DIR new random keys (the key version number goes
# up, as a keytab rotation does) and writes them, and only them, to OUT. Tickets the KDC issues from now on are
# encrypted with the new keys; tickets issued before keep the old key version.
# Usage: kdc-rekey.sh DIR OUT PRINCIPAL...
set -euo pipefail
dir=$1 out=$2
shift 2
export KRB5_CONFIG=$dir/krb5.conf KRB5_KDC_PROFILE=$dir/kdc.conf
rm -f "$out"
kadmin.local -q "ktadd -k $out $*" >/dev/null
klist -k "$out" >/dev/null
