package com.dittofs.operator.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A contract test against a real PostgreSQL, one per test class, and a real dfs, one per test. */
abstract class WithPostgres {

    static Postgres postgres;
    DfsProcess dfs;

    @BeforeAll
    static void startPostgres() {
        postgres = Postgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    @AfterEach
    void stopDfs() {
        if (dfs != null) {
            dfs.stop();
        }
    }
}
