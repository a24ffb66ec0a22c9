/**
 * Schemas of the Kubernetes types the spec embeds (tolerations, affinity, resources, sysctls, pull secrets, network
 * policy peers): the same fields as fabric8's classes, plus the syntax, bounds and rules the apiserver enforces on
 * the StatefulSet, Service and NetworkPolicy the operator derives from them. The spec keeps fabric8's types in Java;
 * {@code @SchemaFrom}/{@code @SchemaSwap} put these schemas into the CRD, so a bad value is refused when the
 * DittoServer is created instead of failing every reconcile. Every list and string is bounded so that the CEL rules
 * fit the apiserver's cost budget. {@code KubeSchemasTest} checks that each one still has every field of its
 * fabric8 type (a field missing here would be pruned by the apiserver).
 */
package com.dittofs.operator.api.v1alpha1.kube;
