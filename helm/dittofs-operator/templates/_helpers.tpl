{{/* Name of the chart, overridable. */}}
{{- define "dittofs-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's objects: the release name when it already contains the chart name. */}}
{{- define "dittofs-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "dittofs-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "dittofs-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "dittofs-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The chart's labels, then commonLabels (never in a selector: those are immutable). The chart's own keys win. */}}
{{- define "dittofs-operator.labels" -}}
helm.sh/chart: {{ include "dittofs-operator.chart" . }}
{{ include "dittofs-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: operator
{{- include "dittofs-operator.commonLabels" . }}
{{- end }}

{{/* commonLabels less the chart's own keys, each on a line of its own after a newline; empty when none. */}}
{{- define "dittofs-operator.commonLabels" -}}
{{- with omit (default dict .Values.commonLabels) "helm.sh/chart" "app.kubernetes.io/name" "app.kubernetes.io/instance"
  "app.kubernetes.io/version" "app.kubernetes.io/managed-by" "app.kubernetes.io/component" }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* An object's metadata.annotations, after a newline and indented for metadata: its own annotations (the second
argument) over commonAnnotations; nothing when both are empty. Call as
{{- include "dittofs-operator.annotations" (list $ .Values.some.annotations) }} (or (list $ dict)). */}}
{{- define "dittofs-operator.annotations" -}}
{{- $ctx := index . 0 }}
{{- $all := merge (deepCopy (default dict (index . 1))) (deepCopy (default dict $ctx.Values.commonAnnotations)) }}
{{- with $all }}
  annotations:
    {{- toYaml . | nindent 4 }}
{{- end }}
{{- end }}

{{- define "dittofs-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "dittofs-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The namespaces the operator watches, as a list; empty for watch.mode=all. */}}
{{- define "dittofs-operator.watchedNamespaces" -}}
{{- if eq .Values.watch.mode "namespaces" }}
{{- if not .Values.watch.namespaces }}
{{- fail "watch.mode=namespaces needs at least one entry in watch.namespaces" }}
{{- end }}
{{- toJson .Values.watch.namespaces }}
{{- else if eq .Values.watch.mode "release" }}
{{- toJson (list .Release.Namespace) }}
{{- else if eq .Values.watch.mode "all" }}
{{- toJson list }}
{{- else }}
{{- fail (printf "watch.mode must be all, namespaces or release, not %q" .Values.watch.mode) }}
{{- end }}
{{- end }}

{{/* Name of the leader-election lease: fixed in the operator (LeaderElection.LEASE_NAME). */}}
{{- define "dittofs-operator.leaseName" -}}
dittofs-operator-lock
{{- end }}

{{/* The operator image: repository@image.digest when set; else image.tag, or the appVersion with "-native" for
image.flavor=native. */}}
{{- define "dittofs-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- $tag := .Values.image.tag }}
{{- if not $tag }}
{{- $tag = printf "%s%s" .Chart.AppVersion (ternary "-native" "" (eq .Values.image.flavor "native")) }}
{{- end }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{/* json or text: logging.format, unless the older logging.json (true/false) is set. */}}
{{- define "dittofs-operator.logFormat" -}}
{{- if kindIs "bool" .Values.logging.json }}
{{- ternary "json" "text" .Values.logging.json }}
{{- else }}
{{- .Values.logging.format }}
{{- end }}
{{- end }}
