package io.holdfast.app.axonserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.app.HoldfastApplication;
import io.holdfast.kernel.sanctions.SanctionsListId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 50 MB SDN list imports over Axon Server's wire with no message over Axon Server's default limit
 * of 4 MB once serialized: neither the commands (its entries go in parts), nor their answers, nor
 * the events the import records.
 */
@SpringBootTest(classes = HoldfastApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AxonServerWire.class)
class LargeListOverAxonServerWireTest {

    private static final long AXON_SERVER_LIMIT = 4L * 1024 * 1024;
    private static final long LIST_BYTES = 50L * 1024 * 1024;
    /** As the screening benchmark's list: 1,000 designated addresses, two on each of the first 500 entries. */
    private static final int DESIGNATED_ADDRESSES = 1_000;

    @TempDir
    static Path work;

    @LocalServerPort
    int port;

    @Autowired
    AxonServerWire.LargestMessage largest;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @DynamicPropertySource
    static void holdfastProperties(DynamicPropertyRegistry registry) {
        registry.add("holdfast.data-dir", () -> work.resolve("data").toString());
    }

    @Test
    void aFiftyMegabyteListImportsInMessagesUnderTheLimit() throws Exception {
        Path list = work.resolve("sdn-generated.xml");
        int entries = writeList(list);
        assertThat(Files.size(list)).isGreaterThanOrEqualTo(LIST_BYTES);

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sanctions/lists"))
                                .header("Content-Type", "application/xml")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "officer:demo".getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofFile(list))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = new ObjectMapper().readTree(response.body());
        assertThat(answer.get("entries").asInt()).isEqualTo(entries);
        assertThat(largest.bytes())
                .as("the largest command, query or answer sent")
                .isLessThan(AXON_SERVER_LIMIT);
        long largestEvent = 0;
        List<? extends DomainEventMessage<?>> recorded = eventStore
                .readEvents(SanctionsListId.OFAC_SDN.toString())
                .asStream()
                .toList();
        assertThat(recorded).isNotEmpty();
        for (DomainEventMessage<?> event : recorded) {
            long bytes =
                    eventSerializer.serialize(event.getPayload(), byte[].class).getData().length
                            + eventSerializer
                                    .serialize(event.getMetaData(), byte[].class)
                                    .getData()
                                    .length;
            assertThat(bytes)
                    .as(
                            "event %s, %s",
                            event.getSequenceNumber(), event.getPayloadType().getSimpleName())
                    .isLessThan(AXON_SERVER_LIMIT);
            largestEvent = Math.max(largestEvent, bytes);
        }
        System.out.printf(
                "a %.1f MB list of %,d entries: largest message %,d bytes, largest event %,d bytes, %d events%n",
                Files.size(list) / 1048576.0, entries, largest.bytes(), largestEvent, recorded.size());
    }

    /** An SDN XML in OFAC's shape, as the screening benchmark writes it, padded to 50 MB. */
    private static int writeList(Path file) throws IOException {
        Random random = new Random(7);
        int entry = 0;
        int designated = 0;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(
                    "<?xml version=\"1.0\" standalone=\"yes\"?>\n<sdnList xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML\">\n");
            out.write("  <publshInformation>\n    <Publish_Date>11/24/2026</Publish_Date>\n  </publshInformation>\n");
            while (written < LIST_BYTES) {
                entry++;
                StringBuilder xml = new StringBuilder(1600);
                xml.append("  <sdnEntry>\n    <uid>")
                        .append(100000 + entry)
                        .append("</uid>\n")
                        .append("    <firstName>")
                        .append(word(random, 7))
                        .append("</firstName>\n")
                        .append("    <lastName>")
                        .append(word(random, 9).toUpperCase())
                        .append("</lastName>\n")
                        .append("    <sdnType>")
                        .append(entry % 3 == 0 ? "Entity" : "Individual")
                        .append("</sdnType>\n")
                        .append("    <remarks>")
                        .append(words(random, 40))
                        .append("</remarks>\n")
                        .append(
                                "    <programList>\n      <program>SDGT</program>\n      <program>CYBER2</program>\n    </programList>\n")
                        .append("    <idList>\n      <id>\n        <uid>")
                        .append(500000 + entry)
                        .append("</uid>\n        <idType>Passport</idType>\n        <idNumber>")
                        .append(word(random, 9).toUpperCase())
                        .append("</idNumber>\n      </id>\n");
                for (int i = 0; i < 2 && designated < DESIGNATED_ADDRESSES; i++, designated++) {
                    xml.append("      <id>\n        <uid>")
                            .append(700000 + designated)
                            .append(
                                    "</uid>\n        <idType>Digital Currency Address - ETH</idType>\n        <idNumber>0x")
                            .append(String.format("%040x", designated))
                            .append("</idNumber>\n      </id>\n");
                }
                xml.append("    </idList>\n")
                        .append("    <akaList>\n      <aka>\n        <uid>")
                        .append(900000 + entry)
                        .append(
                                "</uid>\n        <type>a.k.a.</type>\n        <category>strong</category>\n        <lastName>")
                        .append(word(random, 8).toUpperCase())
                        .append("</lastName>\n      </aka>\n    </akaList>\n")
                        .append("    <addressList>\n      <address>\n        <uid>")
                        .append(1200000 + entry)
                        .append("</uid>\n        <address1>")
                        .append(words(random, 12))
                        .append("</address1>\n        <city>")
                        .append(word(random, 8))
                        .append("</city>\n      </address>\n    </addressList>\n  </sdnEntry>\n");
                out.write(xml.toString());
                written += xml.length();
            }
            out.write("</sdnList>\n");
        }
        return entry;
    }

    private static String words(Random random, int count) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sentence.append(i == 0 ? "" : " ").append(word(random, 3 + random.nextInt(8)));
        }
        return sentence.toString();
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
