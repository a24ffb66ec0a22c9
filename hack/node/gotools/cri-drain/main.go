// Command cri-drain stops and removes every pod sandbox (and so every container) of a CRI runtime,
// the way `crictl rmp -af` does: the runtime tears down each pod's network (CNI DEL: veth, IP, host-port
// rules) and network namespace. The real test node's `down` runs it before stopping containerd.
//
//	cri-drain unix:///path/to/containerd.sock
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	runtime "k8s.io/cri-api/pkg/apis/runtime/v1"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: cri-drain unix:///path/to/cri.sock")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := grpc.NewClient(os.Args[1], grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		fail(err)
	}
	defer conn.Close()
	rt := runtime.NewRuntimeServiceClient(conn)
	pods, err := rt.ListPodSandbox(ctx, &runtime.ListPodSandboxRequest{})
	if err != nil {
		fail(err)
	}
	rc := 0
	for _, p := range pods.Items {
		name := p.Metadata.Namespace + "/" + p.Metadata.Name
		if _, err := rt.StopPodSandbox(ctx, &runtime.StopPodSandboxRequest{PodSandboxId: p.Id}); err != nil {
			fmt.Fprintf(os.Stderr, "cri-drain: stop %s: %v\n", name, err)
			rc = 1
		}
		if _, err := rt.RemovePodSandbox(ctx, &runtime.RemovePodSandboxRequest{PodSandboxId: p.Id}); err != nil {
			fmt.Fprintf(os.Stderr, "cri-drain: remove %s: %v\n", name, err)
			rc = 1
			continue
		}
		fmt.Printf("removed pod %s\n", name)
	}
	os.Exit(rc)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "cri-drain:", err)
	os.Exit(1)
}
