package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The field list of docs/CRD_REFERENCE.md is the one generated from the CRD this build made. */
class CrdReferenceDocTest {

    static Path crd;

    @BeforeAll
    static void crd() {
        Build.assumePackagePhase();
        crd = Build.generatedCrd();
    }

    @Test
    void theFieldListIsTheGeneratedOne() throws IOException {
        String doc = Files.readString(Build.BASE.resolve(PackagingArtifacts.CRD_REFERENCE));
        assertThat(CrdReferenceDoc.currentSection(doc, OwnedKind.SERVER)).as("the generated field list of "
                + PackagingArtifacts.CRD_REFERENCE + "; " + Build.SYNC_HINT)
                .isEqualTo(CrdReferenceDoc.section(crd, OwnedKind.SERVER));
    }

    @Test
    void theDittoSnapshotFieldListIsTheGeneratedOne() throws IOException {
        String doc = Files.readString(Build.BASE.resolve(PackagingArtifacts.CRD_REFERENCE));
        Path snapshots = crd.resolveSibling(OwnedKind.SNAPSHOT.generatedFile());
        String section = CrdReferenceDoc.section(snapshots, OwnedKind.SNAPSHOT);
        assertThat(CrdReferenceDoc.currentSection(doc, OwnedKind.SNAPSHOT)).as("the generated field"
                + " list of DittoSnapshot in " + PackagingArtifacts.CRD_REFERENCE + "; " + Build.SYNC_HINT)
                .isEqualTo(section);
        assertThat(section).contains("| `spec.deletionPolicy` |", "| `status.snapshotId` |");
    }

    @Test
    void theRestoreFieldListIsTheGeneratedOne() throws IOException {
        String doc = Files.readString(Build.BASE.resolve(PackagingArtifacts.CRD_REFERENCE));
        Path restores = crd.resolveSibling(OwnedKind.RESTORE.generatedFile());
        String section = CrdReferenceDoc.section(restores, OwnedKind.RESTORE);
        assertThat(CrdReferenceDoc.currentSection(doc, OwnedKind.RESTORE)).as("the generated field"
                + " list of DittoSnapshotRestore in " + PackagingArtifacts.CRD_REFERENCE + "; " + Build.SYNC_HINT)
                .isEqualTo(section);
        assertThat(section).contains("| `spec.snapshot.dittoSnapshotName` |", "| `status.safetySnapshotId` |");
    }

    @Test
    void everyFieldOfTheSpecIsListedWithItsValidation() {
        String section = CrdReferenceDoc.section(crd, OwnedKind.SERVER);
        assertThat(section).contains("| `spec.storage.metadataSize` |", "| `spec.shares[].name` |",
                "| `spec.users[].passwordSecretRef.key` |", "| `status.conditions[].reason` |");
        assertThat(section).as("an enum is listed with its values").contains("one of Always, IfNotPresent, Never");
        assertThat(section).as("integer bounds without a fraction").contains("| ≥ 1024; ≤ 65535 |")
                .doesNotContainPattern("[≥≤] \\d+\\.0\\b");
        assertThat(section).as("an embedded Kubernetes type is not spelled out")
                .doesNotContain("spec.affinity.nodeAffinity");
    }
}
