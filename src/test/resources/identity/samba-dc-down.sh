#!/usr/bin/env bash
# Stops what samba-dc-up.sh DIR NETNS started: samba and its children, the network namespace (and with it the veth
# pair) and its /etc/netns files. Usage: samba-dc-down.sh NETNS DIR
set -uo pipefail
netns=$1 dir=$2
# every process in the namespace is the DC's (samba, smbd, winbindd, samba-dcerpcd and their workers)
for pid in $(ip netns pids "$netns" 2>/dev/null); do
  kill "$pid" 2>/dev/null
done
for _ in $(seq 1 50); do
  [ -z "$(ip netns pids "$netns" 2>/dev/null)" ] && break
  sleep 0.2
done
for pid in $(ip netns pids "$netns" 2>/dev/null); do
  kill -9 "$pid" 2>/dev/null
done
ip netns del "$netns" 2>/dev/null
rm -rf "/etc/netns/$netns" "$dir"
exit 0
