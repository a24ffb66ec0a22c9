# A local stand-in for registry.access.redhat.com/ubi9/openjdk-25-runtime (hack/images.sh): what
# src/main/docker/Dockerfile.jvm relies on. java 25 on PATH (a jlink'ed runtime of the host's JDK 25 in jre/),
# sh and timeout, the user jboss (UID 185, primary group root, home /home/jboss) and /deployments owned by
# 185:0 and group-writable, as in UBI.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
COPY jre/ /usr/lib/jvm/jre-25/
RUN ["/bin/sh", "-ec", "ln -s jre-25 /usr/lib/jvm/jre; ln -s /usr/lib/jvm/jre/bin/java /usr/bin/java; \
    groupadd -r -g 185 jboss; \
    useradd -r -u 185 -g 0 -G jboss -m -d /home/jboss -c 'JBoss user' -s /usr/sbin/nologin jboss; \
    mkdir -p /deployments; chown 185:0 /deployments; chmod 775 /deployments; java -version"]
ENV JAVA_HOME=/usr/lib/jvm/jre \
    JAVA_VERSION=25
USER 185
WORKDIR /home/jboss
