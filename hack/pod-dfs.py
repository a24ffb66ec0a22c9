#!/usr/bin/env python3
"""Plays the kubelet for the dfs container of a simulated (kwok) pod, as the end-to-end tests do.

    hack/pod-dfs.py KUBECTL NAMESPACE POD RUN_DIR DFS_BINARY

Reads the pod's ConfigMap (config.yaml) and environment (Secret references resolved with kubectl), then runs the
real dfs with /data bind-mounted from RUN_DIR/data in a private mount namespace, as the pod's volumes would be. NFS
and SMB listen on fixed ports, so it first takes the lock the tests take (/tmp/dittofs-contract-dfs.lock, a POSIX
lock) and keeps it for dfs's life. Replaces itself with dfs: signal this process to stop dfs.
"""
import base64
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time

kubectl, namespace, pod_name, run_dir, dfs = sys.argv[1:6]


def get(kind, name):
    out = subprocess.run([kubectl, "-n", namespace, "get", kind, name, "-o", "json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


pod = get("pod", pod_name)
container = pod["spec"]["containers"][0]
config_map = next(v["configMap"]["name"] for v in pod["spec"]["volumes"] if "configMap" in v)
config = get("configmap", config_map)["data"]["config.yaml"]
env = {"PATH": "/usr/bin:/bin", "HOME": os.path.join(run_dir, "home"), "TMPDIR": os.path.join(run_dir, "tmp")}
for var in container.get("env", []):
    ref = var.get("valueFrom", {}).get("secretKeyRef")
    if ref:
        data = get("secret", ref["name"])["data"][ref["key"]]
        env[var["name"]] = base64.b64decode(data).decode()
    else:
        env[var["name"]] = var.get("value", "")

for d in ("data", "home", "tmp", "config"):
    os.makedirs(os.path.join(run_dir, d), exist_ok=True)

# Secret volumes (the REST API's certificate): their files under RUN_DIR, and the config pointed at them.
secret_volumes = {v["name"]: v["secret"]["secretName"] for v in pod["spec"]["volumes"] if "secret" in v}
for mount in container.get("volumeMounts", []):
    if mount["name"] not in secret_volumes:
        continue
    local = os.path.join(run_dir, "volumes", mount["name"])
    os.makedirs(local, exist_ok=True)
    for key, value in get("secret", secret_volumes[mount["name"]]).get("data", {}).items():
        with open(os.path.join(local, key), "wb") as f:
            f.write(base64.b64decode(value))
    config = config.replace(mount["mountPath"].rstrip("/") + "/", local + "/")
config_file = os.path.join(run_dir, "config", "config.yaml")
with open(config_file, "w") as f:
    f.write(config)

lock = open(os.path.join(tempfile.gettempdir(), "dittofs-contract-dfs.lock"), "w")
deadline = time.time() + 600
while True:
    try:
        fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        break
    except OSError:
        if time.time() > deadline:
            sys.exit("pod-dfs: another dfs (a test run) holds the NFS/SMB ports; gave up after 10 minutes")
        time.sleep(0.5)
os.set_inheritable(lock.fileno(), True)  # the lock lives as long as dfs, which inherits the descriptor

unshare = ["unshare", "--mount", "--propagation", "private"]  # needs root, as bind mounts do
os.makedirs("/data", exist_ok=True)  # the mount point only: nothing is written there
script = 'mount --bind "$1" /data && exec "$2" start --foreground --config "$3"'
os.execvpe(unshare[0], unshare + ["/bin/sh", "-c", script, "sh", os.path.join(run_dir, "data"), dfs, config_file],
           env)
