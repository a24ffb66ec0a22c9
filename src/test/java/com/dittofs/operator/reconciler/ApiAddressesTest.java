package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.Test;

/** Cached dfs clients are dropped when their server is deleted or moves, and only then. */
class ApiAddressesTest {

    private final List<URI> evicted = new ArrayList<>();
    private final ApiAddresses addresses = new ApiAddresses(evicted::add);
    private final ResourceID server = new ResourceID("a", "files");
    private final URI first = URI.create("http://127.16.0.5:8080");
    private final URI second = URI.create("http://127.16.0.9:8080");

    @Test
    void theSameAddressAgainKeepsTheClient() {
        addresses.use(server, first);
        addresses.use(server, first);
        assertThat(evicted).isEmpty();
    }

    @Test
    void aNewAddressDropsTheClientOfTheOldOne() {
        addresses.use(server, first);
        addresses.use(server, second);
        assertThat(evicted).containsExactly(first);
    }

    @Test
    void aDeletedServerDropsItsClientOnce() {
        addresses.use(server, first);
        addresses.forget(server);
        addresses.forget(server);
        assertThat(evicted).containsExactly(first);
    }

    @Test
    void aServerNeverSyncedHasNothingToDrop() {
        addresses.forget(new ResourceID("never", "files"));
        assertThat(evicted).isEmpty();
    }
}
