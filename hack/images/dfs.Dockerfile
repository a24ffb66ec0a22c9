# The dfs image for local clusters (hack/images.sh), tagged as the operator's default spec.image. It follows
# dittofs's own release image (Dockerfile.goreleaser of github.com/marmos91/dittofs v0.29.0: alpine with
# ca-certificates and tzdata) on the local Debian layer instead of alpine: /app/dfs as the entrypoint, the user
# dittofs (65532:65532, home /app), /data/{metadata,content,cache} and /config owned by it. The operator's pod
# overrides command and args with the same values and mounts /config, /data/* and /tmp.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="DittoFS" \
      org.opencontainers.image.url="https://github.com/marmos91/dittofs" \
      org.opencontainers.image.source="https://github.com/marmos91/dittofs" \
      org.opencontainers.image.licenses="MIT"
RUN ["/bin/sh", "-ec", "groupadd -g 65532 dittofs; \
    useradd -u 65532 -g dittofs -d /app -M -s /usr/sbin/nologin dittofs; \
    mkdir -p /app /data/metadata /data/content /data/cache /config; chown -R 65532:65532 /app /data /config"]
WORKDIR /app
# (chown before the COPY: a chown after it would copy the binary into one more layer)
COPY --chown=65532:65532 dfs /app/dfs
USER 65532:65532
EXPOSE 12049/tcp 12445/tcp 8080/tcp
VOLUME ["/data/metadata", "/data/content", "/data/cache", "/config"]
ENTRYPOINT ["/app/dfs"]
CMD ["start", "--foreground", "--config", "/config/config.yaml"]
