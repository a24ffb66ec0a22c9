#!/usr/bin/env bash
# Starts a throwaway MIT KDC (Debian krb5-kdc, krb5-admin-server for kadmin.local) as the calling user on
# 127.0.0.1:PORT under DIR, realm TEST: the user principal alice (password ALICEPW) and the service principals
# cifs/HOST and nfs/HOST (and cifs/ALTHOST, if given) in DIR/dfs.keytab. Writes DIR/krb5.conf for clients and for
# dfs. Prints the KDC's PID. kdc-rekey.sh gives principals new keys later.
# Usage: kdc-up.sh DIR PORT HOST ALICEPW [ALTHOST]
set -euo pipefail
dir=$1 port=$2 host=$3 alicepw=$4 althost=${5:-}
mkdir -p "$dir"
cat >"$dir/krb5.conf" <<CONF
[libdefaults]
  default_realm = TEST
  dns_lookup_kdc = false
  dns_lookup_realm = false
  rdns = false
  dns_canonicalize_hostname = false
  udp_preference_limit = 1
[realms]
  TEST = {
    kdc = 127.0.0.1:$port
  }
[domain_realm]
  $host = TEST
${althost:+  $althost = TEST}
CONF
cat >"$dir/kdc.conf" <<CONF
[kdcdefaults]
  kdc_ports = $port
  kdc_tcp_ports = $port
  kdc_listen = 127.0.0.1:$port
  kdc_tcp_listen = 127.0.0.1:$port
[realms]
  TEST = {
    database_name = $dir/principal
    key_stash_file = $dir/stash
    acl_file = $dir/kadm5.acl
    supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
  }
[logging]
  kdc = FILE:$dir/kdc.log
CONF
touch "$dir/kadm5.acl"
export KRB5_CONFIG=$dir/krb5.conf KRB5_KDC_PROFILE=$dir/kdc.conf
kdb5_util create -s -r TEST -P master-pw >/dev/null
kadmin.local -q "addprinc -pw $alicepw alice" >/dev/null
kadmin.local -q "addprinc -randkey cifs/$host" >/dev/null
kadmin.local -q "addprinc -randkey nfs/$host" >/dev/null
services=("cifs/$host" "nfs/$host")
if [ -n "$althost" ]; then
  kadmin.local -q "addprinc -randkey cifs/$althost" >/dev/null
  services+=("cifs/$althost")
fi
kadmin.local -q "ktadd -k $dir/dfs.keytab ${services[*]}" >/dev/null
krb5kdc -P "$dir/kdc.pid"
for _ in $(seq 1 100); do
  [ -s "$dir/kdc.pid" ] && echo "$alicepw" | KRB5CCNAME="FILE:$dir/probe.cc" kinit alice >/dev/null 2>&1 \
    && { cat "$dir/kdc.pid"; exit 0; }
  sleep 0.1
done
echo "the KDC did not answer on 127.0.0.1:$port" >&2; cat "$dir/kdc.log" >&2 || true; exit 1
