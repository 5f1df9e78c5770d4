package io.holdfast.app.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.kernel.Subject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The collections 0.1.0 stored with Jackson's type ids read as their values; no stored class name is looked up. */
class ReleaseZeroOneCollectionsTest {

    private final ObjectMapper storage = SerializationConfiguration.storageMapper();

    @Test
    void aListStoredWithItsJdkClassNameReadsAsTheList() throws Exception {
        Subject subject = storage.readValue("""
                {"holderName":"Kim Sang Man","walletAddresses":["java.util.ImmutableCollections$List12",["bc1qexample"]]}""", Subject.class);

        assertThat(subject.walletAddresses()).containsExactly("bc1qexample");
    }

    @Test
    void aPlainListReadsAsItAlwaysDid() throws Exception {
        assertThat(storage.readValue("{\"holderName\":\"K\",\"walletAddresses\":[\"a\",\"b\"]}", Subject.class)
                        .walletAddresses())
                .containsExactly("a", "b");
    }

    @Test
    void aMapStoredWithItsClassNameReadsAsTheMap() throws Exception {
        Map<String, Object> map = storage.readValue(
                "[\"java.util.LinkedHashMap\",{\"W-1\":\"x\"}]",
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});

        assertThat(map).containsEntry("W-1", "x");
    }

    @Test
    void aClassNameOutsideTheJdkCollectionsIsNeverTakenForOne() {
        assertThatThrownBy(() -> storage.readValue(
                        "{\"holderName\":\"K\",\"walletAddresses\":[\"com.example.Gadget\",[\"x\"]]}", Subject.class))
                .hasMessageContaining("walletAddresses");
    }

    @Test
    void whatIsWrittenNamesNoClass() throws Exception {
        String written = storage.writeValueAsString(new Subject("K", List.of("bc1qexample")));

        assertThat(written).isEqualTo("{\"holderName\":\"K\",\"walletAddresses\":[\"bc1qexample\"]}");
    }
}
