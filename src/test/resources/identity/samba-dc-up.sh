#!/usr/bin/env bash
# Starts a throwaway Samba Active Directory domain controller (Debian samba, winbind) for the realm DITTO.TEST
# (NetBIOS DITTO, DC dc1.ditto.test) in a network namespace of its own, NETNS, reached from the host at 10.231.0.2
# over a veth pair (host side 10.231.0.1): a DC binds 53, 88, 135, 389, 445, 464, 636 and 3268, which the host's own
# services or tests may hold. Needs root. The domain has the user bob (password BOBPW, no RFC 2307 attributes), the
# computer account DITTOFS$ (password MACHINEPW) for NETLOGON pass-through, and the service principal cifs/SMBHOST on
# an account of its own, whose keys go to DIR/dfs.keytab; DIR/krb5.conf names the DC as KDC. Prints samba's PID;
# samba-dc-down.sh NETNS DIR stops it all.
# Usage: samba-dc-up.sh DIR NETNS SMBHOST BOBPW MACHINEPW
set -euo pipefail
dir=$1 netns=$2 smbhost=$3 bobpw=$4 machinepw=$5
dc=10.231.0.2
adminpw='Admin-Pass-1234'
mkdir -p "$dir/run" "/etc/netns/$netns"
# ip netns exec bind-mounts these over /etc: the DC resolves its own name and asks its own DNS
echo "nameserver $dc" >"/etc/netns/$netns/resolv.conf"
printf '127.0.0.1 localhost\n%s dc1.ditto.test dc1\n' "$dc" >"/etc/netns/$netns/hosts"
ip netns add "$netns"
ip link add "$netns-h" type veth peer name "$netns-d"
ip link set "$netns-d" netns "$netns"
ip addr add 10.231.0.1/24 dev "$netns-h"
ip link set "$netns-h" up
ip netns exec "$netns" ip addr add "$dc/24" dev "$netns-d"
ip netns exec "$netns" ip link set "$netns-d" up
ip netns exec "$netns" ip link set lo up
conf=$dir/etc/smb.conf
samba-tool domain provision --use-rfc2307 --realm=DITTO.TEST --domain=DITTO --server-role=dc \
  --dns-backend=SAMBA_INTERNAL --adminpass="$adminpw" --host-name=dc1 --host-ip="$dc" --targetdir="$dir" \
  --option="interfaces=$dc lo" --option="bind interfaces only=yes" --option="dns forwarder=none" \
  --option="pid directory=$dir/run" >"$dir/provision.log" 2>&1
ip netns exec "$netns" samba -i -M single -s "$conf" >"$dir/samba.log" 2>&1 &
echo $! >"$dir/samba.pid"
in_dc() { ip netns exec "$netns" "$@"; }
up=""
for _ in $(seq 1 240); do
  timeout 5 smbclient -L "//$dc" -U "DITTO\\Administrator%$adminpw" >/dev/null 2>&1 && { up=1; break; }
  sleep 0.5
done
[ -n "$up" ] || { echo "the DC did not answer on $dc:445" >&2; tail -20 "$dir/samba.log" >&2; exit 1; }
{
  in_dc samba-tool user create bob "$bobpw" -s "$conf"
  in_dc samba-tool computer create dittofs -s "$conf"
  in_dc samba-tool user setpassword 'dittofs$' --newpassword="$machinepw" -s "$conf"
  in_dc samba-tool user create dfs-service "Svc-$machinepw" -s "$conf"
  in_dc samba-tool spn add "cifs/$smbhost" dfs-service -s "$conf"
  in_dc samba-tool domain exportkeytab "$dir/dfs.keytab" --principal="cifs/$smbhost@DITTO.TEST" -s "$conf"
} >>"$dir/setup.log" 2>&1
cat >"$dir/krb5.conf" <<CONF
[libdefaults]
  default_realm = DITTO.TEST
  dns_lookup_kdc = false
  dns_lookup_realm = false
  rdns = false
  dns_canonicalize_hostname = false
[realms]
  DITTO.TEST = {
    kdc = $dc
  }
[domain_realm]
  $smbhost = DITTO.TEST
  dc1.ditto.test = DITTO.TEST
CONF
cat "$dir/samba.pid"
