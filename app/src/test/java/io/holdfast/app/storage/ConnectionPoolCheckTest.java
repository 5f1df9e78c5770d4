package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionPoolCheckTest {

    @Test
    void aPoolWithAConnectionForEveryProjectionThreadEveryCommandAndTheReadsIsEnough() {
        assertThat(ConnectionPoolCheck.shortfall(16, 8, 4)).isEmpty();
        assertThat(ConnectionPoolCheck.shortfall(24, 8, 4)).isEmpty();
    }

    @Test
    void aSmallerPoolIsNamedWithTheSettingsThatMendIt() {
        assertThat(ConnectionPoolCheck.shortfall(10, 8, 4))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("10 connections, fewer than the 16")
                        .contains("8 projection threads, 4 commands at once, 4 for reads")
                        .contains("spring.datasource.hikari.maximum-pool-size to 16 or more")
                        .contains("holdfast.http.max-concurrent-writes lower"));
        assertThat(ConnectionPoolCheck.shortfall(15, 8, 4)).isPresent();
    }
}
