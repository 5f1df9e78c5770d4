package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api.Response;
import io.holdfast.command.sanctions.ofac.OfacFiles;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random and malicious bodies, path segments and parameters thrown at every endpoint: never a 500,
 * never a stack trace or an internal name, every refusal a problem document, and nothing stored
 * by a refused request.
 */
class HostileInputTest {

    private static final String CASE_ID = "HOSTILE-1";
    private static ConfigurableApplicationContext holdfast;
    private static Api api;
    private static JdbcTemplate store;

    @BeforeContainer
    static void start() throws Exception {
        holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run(
                        "--server.port=0",
                        "--holdfast.data-dir=" + Files.createTempDirectory("holdfast-hostile-input"),
                        "--logging.level.root=warn");
        api = new Api(((WebServerApplicationContext) holdfast).getWebServer().getPort());
        store = holdfast.getBean(JdbcTemplate.class);
        api.frozenCase(CASE_ID);
        Api.expect(api.as("officer").get("/api/cases/" + CASE_ID + "?minVersion=3"), 200);
    }

    @AfterContainer
    static void stop() {
        holdfast.close();
    }

    @Property(tries = 400)
    void writesNeverFailInside(@ForAll("writePaths") String path, @ForAll("hostileBodies") String body) {
        long eventsBefore = events();

        Response response = api.as("supervisor").post(path, body);

        assertSafeAnswer(response);
        if (response.status() >= 400) {
            assertThat(events()).as("a refused request stores nothing").isEqualTo(eventsBefore);
        }
    }

    @Property(tries = 300)
    void readsNeverFailInside(@ForAll("readPaths") String path) {
        long eventsBefore = events();

        Response response = api.as("auditor").get(path);

        assertSafeAnswer(response);
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Property(tries = 150)
    void uploadsNeverFailInside(@ForAll("hostileUploads") String body, @ForAll("uploadTypes") String contentType) {
        long eventsBefore = events();

        Response list = api.as("officer").header("Content-Type", contentType).post("/api/sanctions/lists", body);
        Response addresses =
                api.as("officer").header("Content-Type", "text/csv").post("/api/accounts/addresses", body);
        Response account = api.as("officer").put("/api/accounts/ACC-HOSTILE/addresses", body);

        assertSafeAnswer(list);
        assertSafeAnswer(addresses);
        assertSafeAnswer(account);
        assertThat(list.status())
                .as("no hostile file becomes a list version: %s", list)
                .isGreaterThanOrEqualTo(400);
        assertThat(events()).as("a refused file stores nothing").isEqualTo(eventsBefore);
    }

    @Provide
    Arbitrary<String> uploadTypes() {
        return Arbitraries.of("application/xml", "text/xml", "text/csv", "application/octet-stream");
    }

    @Provide
    Arbitrary<String> hostileUploads() {
        String xml = OfacFiles.text(OfacFiles.XML_V1);
        String csv = OfacFiles.text(OfacFiles.CSV_SDN);
        int xmlEnd = xml.indexOf("</sdnList>");
        return Arbitraries.oneOf(
                hostileText(),
                Arbitraries.integers().between(0, xmlEnd - 1).map(cut -> xml.substring(0, cut)),
                Arbitraries.integers().between(0, csv.length()).map(cut -> csv.substring(0, cut)),
                hostileText()
                        .map(text -> xml.replace(
                                        "LAZARUS GROUP",
                                        text.replace("<", "&lt;").replace("&", "&amp;"))
                                .replace("<uid>36217</uid>", "<uid>36216</uid>")),
                hostileText().map(text -> csv.replace("DPRK3", text)),
                Arbitraries.of(
                        "<?xml version=\"1.0\"?><!DOCTYPE sdnList [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sdnList>&x;</sdnList>",
                        "<sdnList><sdnEntry><uid>1</uid></sdnEntry></sdnList>",
                        "<sdnList><publshInformation><Record_Count>x</Record_Count></publshInformation></sdnList>",
                        "account_id,holder_name,currency,address\n,,,\n",
                        "account_id\nA-1\n",
                        "\u001a",
                        "\ufeff",
                        "{\"holderName\": \"X\", \"addresses\": [{\"currency\": \"XBT\", \"address\": \""
                                + "a".repeat(300) + "\"}]}",
                        "{\"holderName\": \"X\", \"addresses\": [null]}",
                        "{\"holderName\": \"X\", \"addresses\": {}}"));
    }

    @Example
    void aRequestTheContainerRefusesIsStillAProblem() throws Exception {
        int port = ((WebServerApplicationContext) holdfast).getWebServer().getPort();
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write("GET /api/cases/a|b{c} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer)
                    .contains("Content-Type: application/problem+json")
                    .contains("\"type\":\"/problems/invalid-request\"")
                    .doesNotContain("<html")
                    .doesNotContain("Tomcat");
        }
    }

    @Example
    void anOversizedHeaderIsRefusedAsAProblem() {
        Response response =
                api.as("officer").header("X-Padding", "x".repeat(20_000)).get("/api/cases/" + CASE_ID);

        assertThat(response.status()).isEqualTo(400);
        assertSafeAnswer(response);
    }

    @Provide
    Arbitrary<String> writePaths() {
        Arbitrary<String> segment = hostileText().map(HostileInputTest::encodeSegment);
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "/api/cases",
                        "/api/cases/" + CASE_ID + "/warrants",
                        "/api/cases/" + CASE_ID + "/freeze-requests",
                        "/api/cases/" + CASE_ID + "/freeze-requests/R-1/approval",
                        "/api/cases/" + CASE_ID + "/releases",
                        "/api/cases/" + CASE_ID + "/turnovers",
                        "/api/cases/" + CASE_ID + "/dismissal",
                        "/api/cases/" + CASE_ID + "/warrants/W-1/extension",
                        "/api/cases/" + CASE_ID + "/obligations/O-1/report"),
                segment.map(id -> "/api/cases/" + id + "/notes"),
                segment.map(id -> "/api/cases/" + CASE_ID + "/freeze-requests/" + id + "/rejection"));
    }

    @Provide
    Arbitrary<String> readPaths() {
        Arbitrary<String> value = hostileText().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8));
        Arbitrary<String> segment = hostileText().map(HostileInputTest::encodeSegment);
        return Arbitraries.oneOf(
                segment.map(id -> "/api/cases/" + id),
                segment.map(id -> "/api/cases/" + id + "/history"),
                segment.map(id -> "/api/accounts/" + id + "/holdings"),
                value.map(v -> "/api/cases/" + CASE_ID + "?asOf=" + v),
                value.map(v -> "/api/cases/" + CASE_ID + "?minVersion=" + v),
                value.map(v -> "/api/cases?status=" + v),
                value.map(v -> "/api/cases?size=" + v),
                value.map(v -> "/api/cases?page=" + v + "&accountId=" + v),
                value.map(v -> "/api/warrants?expiringBefore=" + v + "&agency=" + v),
                value.map(v -> "/api/obligations?status=" + v),
                value.map(v -> "/api/audit/events?from=" + v + "&to=" + v + "&size=" + v));
    }

    @Provide
    Arbitrary<String> hostileBodies() {
        Arbitrary<String> field = Arbitraries.of(
                "caseId",
                "accountId",
                "warrantId",
                "requestId",
                "asset",
                "amount",
                "maxAmount",
                "expiresAt",
                "issuedAt",
                "reason",
                "text",
                "holdings",
                "scope",
                "requestingAgency",
                "jurisdiction",
                "sha256",
                "documentSha256",
                "type",
                "subject",
                "newExpiresAt",
                "filedAt");
        Arbitrary<String> jsonValue = Arbitraries.oneOf(
                hostileText().map(HostileInputTest::jsonString),
                Arbitraries.of(
                        "1e999999",
                        "-1",
                        "0",
                        "-0.00000000000000000001",
                        "1.00000000000000000001",
                        "123456789012345678901234567890123456789",
                        "NaN",
                        "true",
                        "null",
                        "[]",
                        "{}",
                        "[null]",
                        "{\"asset\": \"BTC\", \"amount\": \"1e999999\"}",
                        "[{\"asset\": \"BTC\", \"amount\": \"-5\"}]",
                        "[{\"asset\": \"BTC\", \"amount\": \"0.12345678901234567890\"}]"));
        Arbitrary<String> object = Combinators.combine(
                        field.list().ofMinSize(1).ofMaxSize(6), jsonValue.list().ofSize(6))
                .as((names, values) -> {
                    StringBuilder json = new StringBuilder("{");
                    for (int i = 0; i < names.size(); i++) {
                        json.append(i == 0 ? "" : ",")
                                .append('"')
                                .append(names.get(i))
                                .append("\":")
                                .append(values.get(i));
                    }
                    return json.append('}').toString();
                });
        return Arbitraries.oneOf(
                object,
                hostileText(),
                Arbitraries.integers().between(1, 100_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers()
                        .between(1, 100_000)
                        .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.of(
                        Api.flagBody("DUP").replace("{\"caseId\"", "{\"caseId\": \"A\", \"caseId\""),
                        "{\"text\": \"a\", \"text\": \"b\"}",
                        "",
                        "null",
                        "[]",
                        "\"a string\"",
                        "{",
                        "{\"text\": ",
                        Api.flagBody("X\u0000Y"),
                        Api.freezeRequestBody("R-9", "W-1").replace("49.5", "1e999999"),
                        Api.freezeRequestBody("R-9", "W-1").replace("\"49.5\"", "49.5"),
                        "{\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"0.000000000000000000001\"}], \"reason\": \"ORDER_LIFTED\", \"authorityReference\": \"A\"}"));
    }

    private static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(10),
                Arbitraries.of(
                        "'; drop table domain_event_entry; --",
                        "\" or 1=1 --",
                        "<script>alert(1)</script>",
                        "../../etc/passwd",
                        "%00",
                        "${jndi:ldap://x/a}",
                        "\u202e\u0000\ud800",
                        "CASE-1\r\nX-Injected: 1",
                        "9".repeat(5000),
                        "-".repeat(300),
                        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                        "",
                        " "));
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String encodeSegment(String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        return encoded.isEmpty() ? "%20" : encoded;
    }

    private static long events() {
        return store.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static void assertSafeAnswer(Response response) {
        assertThat(response.status()).as("%s", response).isLessThan(500);
        String body = response.body();
        for (String leak : List.of(
                "Exception",
                "\tat ",
                "org.hibernate",
                "org.springframework",
                "org.axonframework",
                "java.lang",
                "SQL",
                "jdbc")) {
            assertThat(body).as("the answer names no internals: %s", response).doesNotContain(leak);
        }
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as("%s", response).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("status").asInt()).isEqualTo(response.status());
            assertThat(problem.path("type").asText()).startsWith("/problems/");
            assertThat(problem.path("detail").asText()).isNotBlank();
        }
    }
}
