package io.holdfast.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class ActingTest {

    private static final MetaData AXON_READ = MetaData.from(Map.of("actor", "axon-actor", "role", "AUDITOR"));
    private static final Supplier<MetaData> AXON = () -> AXON_READ;
    private static final Supplier<MetaData> NEVER = () -> {
        throw new AssertionError("the stored text was enough");
    };

    @Test
    void theFourKeysAreReadFromTheStoredTextWhateverElseItHolds() {
        Acting acting = Acting.from(
                "{\"idempotencyKey\":\"k-1\",\"traceId\":{\"nested\":[1,2]},\"role\":\"OFFICER\","
                        + "\"actor\":\"officer\",\"agency\":\"FBI\",\"correlationId\":\"corr-1\"}",
                NEVER);

        assertThat(acting).isEqualTo(new Acting("officer", "OFFICER", "FBI", "corr-1"));
    }

    @Test
    void keysMissingOrNullAreNull() {
        assertThat(Acting.from("{\"actor\":\"officer\",\"agency\":null}", NEVER))
                .isEqualTo(new Acting("officer", null, null, null));
        assertThat(Acting.from("{}", NEVER)).isEqualTo(new Acting(null, null, null, null));
    }

    @Test
    void anyOtherShapeIsLeftToAxonsReadingOfTheMetadata() {
        Acting fromAxon = new Acting("axon-actor", "AUDITOR", null, null);
        assertThat(Acting.from("[\"org.axonframework.messaging.MetaData\",{\"actor\":\"officer\"}]", AXON))
                .isEqualTo(fromAxon);
        assertThat(Acting.from("{\"actor\":[\"java.lang.String\",\"officer\"]}", AXON))
                .isEqualTo(fromAxon);
        assertThat(Acting.from("{\"actor\":\"offi", AXON)).isEqualTo(fromAxon);
        assertThat(Acting.from(null, AXON)).isEqualTo(fromAxon);
    }
}
