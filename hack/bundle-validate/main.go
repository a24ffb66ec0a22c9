// Command bundle-validate checks an OLM bundle directory the way `operator-sdk bundle validate
// --select-optional suite=operatorframework` does, with the validators of github.com/operator-framework/api,
// without building all of operator-sdk.
//
//	bundle-validate [-k8s-version 1.29] <bundle-dir>
//
// It checks metadata/annotations.yaml (registry+v1 format, package, channels), then runs the default
// bundle validators plus the optional "operatorframework" suite, and prints one line per finding:
// "ERRO <manifest>: <message>" or "WARN <manifest>: <message>". Exit code 1 on any error, 0 otherwise.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/operator-framework/api/pkg/manifests"
	"github.com/operator-framework/api/pkg/validation"
	"github.com/operator-framework/api/pkg/validation/errors"
	validator "github.com/operator-framework/api/pkg/validation/interfaces"
	"sigs.k8s.io/yaml"
)

// The annotations a registry+v1 bundle image must carry (operator-registry's bundle format).
var requiredAnnotations = []string{
	"operators.operatorframework.io.bundle.mediatype.v1",
	"operators.operatorframework.io.bundle.manifests.v1",
	"operators.operatorframework.io.bundle.metadata.v1",
	"operators.operatorframework.io.bundle.package.v1",
	"operators.operatorframework.io.bundle.channels.v1",
}

// What operator-sdk runs: the default validators plus ObjectValidator, and the "operatorframework" suite
// (OperatorHub with its standard capabilities and categories, removed APIs, good practices).
var validators = validation.DefaultBundleValidators.WithValidators(
	validation.ObjectValidator,
	validation.OperatorHubV2Validator,
	validation.StandardCapabilitiesValidator,
	validation.StandardCategoriesValidator,
	validation.AlphaDeprecatedAPIsValidator,
	validation.GoodPracticesValidator,
)

func main() {
	k8sVersion := flag.String("k8s-version", "", "Kubernetes version the removed-API checks assume (default: the CSV's minKubeVersion)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bundle-validate [-k8s-version X.Y] <bundle-dir>")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	findings := checkAnnotations(dir)
	bundle, err := manifests.GetBundleFromDir(filepath.Join(dir, "manifests"))
	if err != nil {
		findings = append(findings, fmt.Sprintf("ERRO bundle: cannot load %s/manifests: %v", dir, err))
	} else {
		findings = append(findings, run(validators, bundle, *k8sVersion)...)
	}
	errorsFound := 0
	for _, f := range findings {
		fmt.Println(f)
		if f[:4] == "ERRO" {
			errorsFound++
		}
	}
	fmt.Printf("bundle-validate: %d errors, %d warnings\n", errorsFound, len(findings)-errorsFound)
	if errorsFound > 0 {
		os.Exit(1)
	}
}

func checkAnnotations(dir string) []string {
	raw, err := os.ReadFile(filepath.Join(dir, "metadata", "annotations.yaml"))
	if err != nil {
		return []string{fmt.Sprintf("ERRO metadata/annotations.yaml: %v", err)}
	}
	var doc struct {
		Annotations map[string]string `json:"annotations"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return []string{fmt.Sprintf("ERRO metadata/annotations.yaml: %v", err)}
	}
	var out []string
	for _, key := range requiredAnnotations {
		if doc.Annotations[key] == "" {
			out = append(out, fmt.Sprintf("ERRO metadata/annotations.yaml: missing annotation %s", key))
		}
	}
	if mt := doc.Annotations[requiredAnnotations[0]]; mt != "" && mt != "registry+v1" {
		out = append(out, fmt.Sprintf("ERRO metadata/annotations.yaml: mediatype %q is not registry+v1", mt))
	}
	return out
}

func run(vals validator.Validators, bundle *manifests.Bundle, k8sVersion string) []string {
	objs := bundle.ObjectsToValidate()
	if k8sVersion != "" {
		objs = append(objs, map[string]string{"k8s-version": k8sVersion})
	}
	var out []string
	for _, result := range vals.Validate(objs...) {
		out = append(out, lines("ERRO", result.Name, result.Errors)...)
		out = append(out, lines("WARN", result.Name, result.Warnings)...)
	}
	sort.Strings(out)
	return out
}

func lines(level, name string, errs []errors.Error) []string {
	out := make([]string, 0, len(errs))
	for _, e := range errs {
		out = append(out, fmt.Sprintf("%s %s: %s", level, name, e.Error()))
	}
	return out
}
