#!/usr/bin/env bash
# Starts a throwaway OpenLDAP slapd (Debian slapd) as the calling user on 127.0.0.1:PORT under DIR, with an
# rfc2307 directory dc=test: the bind account cn=svc,dc=test (password BINDPW) and the posix user alice
# (uidNumber 10001, gidNumber 10001) in the group eng (gidNumber 20001). dfs v0.29.0 searches with AD class names
# ((objectClass=user), sAMAccountName, (objectClass=group)), so a small test schema adds them as auxiliary classes.
# With CERT and KEY (PEM files), StartTLS is offered on PORT, and with LDAPSPORT also ldaps:// there; slapd reads the
# files when it starts: run the script again with the same DIR (after killing slapd) to serve replaced files.
# Prints slapd's PID. Usage: slapd-up.sh DIR PORT BINDPW [CERT KEY [LDAPSPORT]]
set -euo pipefail
dir=$1 port=$2 bindpw=$3 cert=${4:-} key=${5:-} ldapsport=${6:-}
urls="ldap://127.0.0.1:$port/"
[ -z "$ldapsport" ] || urls="$urls ldaps://127.0.0.1:$ldapsport/"
start_and_wait() {
  slapd -h "$urls" -F "$dir/slapd.d" -u "$(id -un)" >/dev/null 2>"$dir/slapd.log" || true
  for _ in $(seq 1 100); do
    [ -s "$dir/slapd.pid" ] && ldapsearch -x -H "ldap://127.0.0.1:$port/" -D cn=svc,dc=test -w "$bindpw" \
      -b dc=test -s base dn >/dev/null 2>&1 && { cat "$dir/slapd.pid"; exit 0; }
    sleep 0.1
  done
  echo "slapd did not answer on 127.0.0.1:$port" >&2; cat "$dir/slapd.log" >&2; exit 1
}
if [ -e "$dir/slapd.d/cn=config.ldif" ]; then
  rm -f "$dir/slapd.pid"
  start_and_wait
fi
mkdir -p "$dir/slapd.d" "$dir/db"
cat >"$dir/config.ldif" <<LDIF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $dir/slapd.pid

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/nis.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif

dn: cn=adcompat,cn=schema,cn=config
objectClass: olcSchemaConfig
cn: adcompat
olcAttributeTypes: ( 1.3.6.1.4.1.99999.1.1 NAME 'sAMAccountName' EQUALITY caseIgnoreMatch
  SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
olcObjectClasses: ( 1.3.6.1.4.1.99999.2.1 NAME 'user' AUXILIARY MAY sAMAccountName )
olcObjectClasses: ( 1.3.6.1.4.1.99999.2.2 NAME 'group' AUXILIARY MAY sAMAccountName )

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: dc=test
olcDbDirectory: $dir/db
olcRootDN: cn=root,dc=test
olcRootPW: rootpw
olcDbIndex: objectClass eq
olcAccess: {0}to attrs=userPassword by self write by anonymous auth by * none
olcAccess: {1}to * by users read by * none
LDIF
if [ -n "$cert" ]; then
  sed -i "/^olcPidFile:/a olcTLSCertificateFile: $cert\nolcTLSCertificateKeyFile: $key" "$dir/config.ldif"
fi
slapadd -n0 -F "$dir/slapd.d" -l "$dir/config.ldif" >/dev/null
cat >"$dir/data.ldif" <<LDIF
dn: dc=test
objectClass: dcObject
objectClass: organization
o: test
dc: test

dn: cn=svc,dc=test
objectClass: person
objectClass: simpleSecurityObject
cn: svc
sn: svc
userPassword: $bindpw

dn: ou=people,dc=test
objectClass: organizationalUnit
ou: people

dn: uid=alice,ou=people,dc=test
objectClass: inetOrgPerson
objectClass: posixAccount
objectClass: user
uid: alice
sAMAccountName: alice
cn: alice
sn: alice
uidNumber: 10001
gidNumber: 10001
homeDirectory: /home/alice

dn: cn=eng,ou=people,dc=test
objectClass: posixGroup
objectClass: group
cn: eng
sAMAccountName: eng
gidNumber: 20001
memberUid: alice
LDIF
slapadd -n1 -F "$dir/slapd.d" -l "$dir/data.ldif" >/dev/null 2>&1
start_and_wait
