# The Debian layer the local images share (hack/images.sh): a debootstrap'ed bookworm minbase root filesystem
# (glibc, dash, coreutils, CA certificates, tzdata, en_US.UTF-8), built in rootfs.tar by hack/images.sh.
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
CMD ["/bin/sh"]
