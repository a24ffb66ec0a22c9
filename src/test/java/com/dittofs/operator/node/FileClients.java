package com.dittofs.operator.node;

import com.dittofs.operator.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Real NFS and SMB clients on this machine (Debian libnfs-utils and smbclient) against the standard ports of a -file
 * Service (NFS 2049, SMB 445), which kube-proxy forwards to the pod's 12049 and 1445. NFS goes as a given UID
 * (AUTH_SYS); SMB logs in as a dfs user, the password in the PASSWD variable, not on the command line.
 */
record FileClients(String address) {

    static final int NFS_PORT = 2049;
    static final int SMB_PORT = 445;
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);

    String nfsUrl(String file, int uid) {
        return "nfs://" + address + "/export/" + file + "?version=3&nfsport=" + NFS_PORT + "&mountport=" + NFS_PORT
                + "&uid=" + uid + "&gid=" + uid;
    }

    void nfsWrite(Path local, String file, int uid) {
        Proc.run(List.of("nfs-cp", local.toString(), nfsUrl(file, uid)), CLIENT_TIMEOUT).orFail();
    }

    String nfsRead(String file, int uid) {
        return Proc.run(List.of("nfs-cat", nfsUrl(file, uid)), CLIENT_TIMEOUT).orFail();
    }

    /** Downloads a file from the /export share over SMB3; returns its content. */
    String smbRead(String user, String password, String file) {
        try {
            Path dir = Files.createTempDirectory("smb-");
            Proc.Result result = Proc.run(List.of("smbclient", "//" + address + "/export", "-p",
                    String.valueOf(SMB_PORT), "-U", user, "-m", "SMB3", "-c", "get " + file + " downloaded"), dir,
                    Map.of("PASSWD", password), null, CLIENT_TIMEOUT);
            if (!result.ok() || result.output().contains("NT_STATUS_")) {
                throw new AssertionError(result.describe());
            }
            return Files.readString(dir.resolve("downloaded"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
