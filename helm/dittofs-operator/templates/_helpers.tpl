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

{{- define "dittofs-operator.labels" -}}
helm.sh/chart: {{ include "dittofs-operator.chart" . }}
{{ include "dittofs-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: operator
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

{{/* The operator image: image.tag, or the appVersion with "-native" for image.flavor=native. */}}
{{- define "dittofs-operator.image" -}}
{{- $tag := .Values.image.tag }}
{{- if not $tag }}
{{- $tag = printf "%s%s" .Chart.AppVersion (ternary "-native" "" (eq .Values.image.flavor "native")) }}
{{- end }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}

{{/* json or text: logging.format, unless the older logging.json (true/false) is set. */}}
{{- define "dittofs-operator.logFormat" -}}
{{- if kindIs "bool" .Values.logging.json }}
{{- ternary "json" "text" .Values.logging.json }}
{{- else }}
{{- .Values.logging.format }}
{{- end }}
{{- end }}
