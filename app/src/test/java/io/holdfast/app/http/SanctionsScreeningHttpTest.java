package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.command.sanctions.ofac.OfacFiles.CSV_ADD;
import static io.holdfast.command.sanctions.ofac.OfacFiles.CSV_ALT;
import static io.holdfast.command.sanctions.ofac.OfacFiles.CSV_SDN;
import static io.holdfast.command.sanctions.ofac.OfacFiles.XML_V1;
import static io.holdfast.command.sanctions.ofac.OfacFiles.XML_V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.http.Api.Response;
import io.holdfast.command.sanctions.ofac.OfacFiles;
import io.holdfast.command.screening.ScreeningCaseIds;
import io.holdfast.kernel.AccountId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * From designation to flagged case over HTTP: accounts register addresses, OFAC's list is imported
 * (XML, then a later version, then the CSV set), each import is screened, matching accounts are
 * flagged once per account and entry by {@code system:screening}, names are only listed for review,
 * and files that cannot be read change nothing. One story, in order: the list is global.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SanctionsScreeningHttpTest extends HttpApiSupport {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Holds Lazarus Group's ETH address, written in lower case (the list writes it EIP-55 mixed case). */
    private static final String ETH_HOLDER = "ACC-ETH-" + RUN;
    /** Holds Lazarus Group's bech32 address, written in upper case. */
    private static final String XBT_HOLDER = "ACC-XBT-" + RUN;
    /** Named like a designated person, with no designated address. */
    private static final String NAMESAKE = "ACC-NAME-" + RUN;
    /** Holds Sinbad's taproot address before it is designated. */
    private static final String TAPROOT_HOLDER = "ACC-TAP-" + RUN;
    /** Holds the genesis address in lower case: base58 is compared exactly, so no match. */
    private static final String BASE58_LOOKALIKE = "ACC-B58-" + RUN;

    private static final String LAZARUS_ETH = "0x52908400098527886E0F7030069857D2E4169EE7";
    private static final String LAZARUS_XBT = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
    private static final String SINBAD_XBT = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0";

    @Test
    @Order(1)
    void accountsRegisterTheirAddressesAndAreScreenedAgainstNoListYet() {
        register(ETH_HOLDER, "Han Min-ji", "ETH", LAZARUS_ETH.toLowerCase());
        register(XBT_HOLDER, "Lee Jae-won", "XBT", LAZARUS_XBT.toUpperCase());
        register(NAMESAKE, "Jin Hyok Park", "XBT", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT");
        register(TAPROOT_HOLDER, "Choi Soo-ah", "XBT", SINBAD_XBT);
        String runId =
                register(BASE58_LOOKALIKE, "Kang Dae-ho", "XBT", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa".toLowerCase());

        JsonNode run = finished(runId);
        assertThat(run.path("trigger").asText()).isEqualTo("ADDRESSES_REGISTERED");
        assertThat(run.path("addressesScreened").asLong()).isEqualTo(1);
        assertThat(run.path("flagsRaised").asInt()).isZero();

        JsonNode registered = expect(api.as("auditor").get("/api/accounts/" + ETH_HOLDER + "/addresses"), 200)
                .json();
        assertThat(registered.path("holderName").asText()).isEqualTo("Han Min-ji");
        assertThat(registered.path("addresses").get(0).path("key").asText()).isEqualTo(LAZARUS_ETH.toLowerCase());
    }

    @Test
    @Order(2)
    void importingTheXmlListFlagsEveryAccountHoldingADesignatedAddressOnItsChainsTerms() {
        Response imported = expect(importXml(XML_V1, "officer"), 201);
        assertThat(imported.json().path("version").asLong()).isEqualTo(1);
        assertThat(imported.json().path("entries").asInt()).isEqualTo(4);
        assertThat(imported.json().path("addresses").asInt()).isEqualTo(7);

        JsonNode run = finished("list-OFAC-SDN-v1");
        assertThat(run.path("trigger").asText()).isEqualTo("LIST_IMPORTED");
        assertThat(run.path("listVersion").asLong()).isEqualTo(1);
        assertThat(run.path("flagsRaised").asInt())
                .as("the ETH and the bech32 holder")
                .isEqualTo(2);
        assertThat(run.path("alreadyFlagged").asInt()).isZero();
        assertThat(run.path("addressesScreened").asLong()).isGreaterThanOrEqualTo(5);

        JsonNode flagged = caseOf(ETH_HOLDER, "36216");
        assertThat(flagged.path("status").asText()).isEqualTo("FLAGGED");
        assertThat(flagged.path("reason").path("type").asText()).isEqualTo("SANCTIONS_MATCH");
        assertThat(flagged.path("reason").path("list").asText()).isEqualTo("OFAC-SDN");
        assertThat(flagged.path("reason").path("listEntryId").asText()).isEqualTo("36216");
        JsonNode match = flagged.path("sanctionsMatch");
        assertThat(match.path("listVersion").asLong()).isEqualTo(1);
        assertThat(match.path("programs").toString()).isEqualTo("[\"DPRK3\",\"CYBER2\"]");
        assertThat(match.path("accountAddress").path("address").asText()).isEqualTo(LAZARUS_ETH.toLowerCase());
        assertThat(match.path("listedAddress").path("address").asText()).isEqualTo(LAZARUS_ETH);
        assertThat(match.path("screeningRun").asText()).isEqualTo("list-OFAC-SDN-v1");

        JsonNode history = expect(
                        api.as("auditor").get("/api/cases/" + caseIdOf(ETH_HOLDER, "36216") + "/history?minVersion=1"),
                        200)
                .json();
        assertThat(history.path("entries")).hasSize(2);
        for (JsonNode entry : history.path("entries")) {
            assertThat(entry.path("actor").asText()).isEqualTo("system:screening");
            assertThat(entry.path("role").asText()).isEqualTo("SYSTEM");
            assertThat(entry.path("correlationId").asText()).isEqualTo("list-OFAC-SDN-v1");
        }
        assertThat(history.path("entries").get(1).path("type").asText()).isEqualTo("SanctionsMatchRecorded");

        assertThat(caseOf(XBT_HOLDER, "36216")
                        .path("sanctionsMatch")
                        .path("listedAddress")
                        .path("address")
                        .asText())
                .isEqualTo(LAZARUS_XBT);
        assertThat(caseStatus(BASE58_LOOKALIKE, "36217"))
                .as("base58 differs in case: another address")
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void aNameLikeADesignatedPersonsIsListedForReviewAndNeverFlagged() {
        JsonNode matches = expect(api.as("officer").get("/api/screening/name-matches?size=200"), 200)
                .json();
        List<String> forNamesake = new ArrayList<>();
        matches.path("items").forEach(item -> {
            if (item.path("accountId").asText().equals(NAMESAKE)) {
                forNamesake.add(item.path("entryUid").asText() + " "
                        + item.path("listedName").asText());
                assertThat(item.path("score").asDouble()).isGreaterThanOrEqualTo(0.92);
            }
        });
        assertThat(forNamesake).containsExactly("36217 PARK, Jin Hyok");
        assertThat(matches.path("total").asLong())
                .isEqualTo(matches.path("items").size());
        assertThat(api.as("officer").get("/api/screening/name-matches?size=201").status())
                .isEqualTo(400);
        assertThat(caseStatus(NAMESAKE, "36217"))
                .as("a name match opens no case")
                .isEqualTo(404);
    }

    @Test
    @Order(4)
    void importingTheSameFileAgainChangesNothing() {
        Response again = expect(importXml(XML_V1, "supervisor"), 200);
        assertThat(again.json().path("recorded").asBoolean()).isFalse();
        assertThat(again.json().path("version").asLong()).isEqualTo(1);

        JsonNode lists =
                expect(api.as("auditor").get("/api/sanctions/lists"), 200).json();
        assertThat(lists.path("lists").get(0).path("versions")).hasSize(1);
        assertThat(api.as("auditor").get("/api/screening/runs/list-OFAC-SDN-v2").status())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void aLaterVersionFlagsNewDesignationsOnceAndRecordsItsDifference() {
        // version 2 delists one of four entries, more than one person may remove: a second person confirms it
        Response held = expect(importXml(XML_V2, "admin"), 202);
        assertThat(held.json().path("held").asBoolean()).isTrue();
        assertThat(held.json().path("recorded").asBoolean()).isFalse();
        assertThat(held.json().path("version").asLong()).isEqualTo(1);
        assertThat(held.header("Location")).isEqualTo("/api/sanctions/lists/OFAC-SDN/held");
        String sha256 = sha256(OfacFiles.bytes(XML_V2));
        JsonNode waiting = heldFile();
        assertThat(waiting.path("sha256").asText()).isEqualTo(sha256);
        assertThat(waiting.path("entriesRemoved").toString()).isEqualTo("[\"36218\"]");
        assertThat(waiting.path("importedBy").asText()).isEqualTo("admin");
        assertThat(expect(api.as("auditor").get("/api/sanctions/lists"), 200)
                        .json()
                        .path("lists")
                        .get(0)
                        .path("held")
                        .path("sha256")
                        .asText())
                .isEqualTo(sha256);
        assertThat(expect(api.as("officer").get("/api/sanctions/entries?address=" + LAZARUS_XBT), 200)
                        .json()
                        .path("entries"))
                .as("screening keeps the current version while the file is held")
                .hasSize(1);
        assertThat(api.as("auditor").get("/api/screening/runs/list-OFAC-SDN-v2").status())
                .isEqualTo(404);

        String confirmation = "{\"sha256\": \"" + sha256 + "\"}";
        Response byImporter = api.as("admin")
                .header("Content-Type", "application/json")
                .post("/api/sanctions/lists/OFAC-SDN/held/confirmation", confirmation);
        assertProblem(byImporter, 403, "the person who imported a list file may not confirm it");
        assertThat(byImporter.json().path("policy").asText()).isEqualTo("confirmerMustNotBeImporter");
        Response byOfficer = api.as("officer")
                .header("Content-Type", "application/json")
                .post("/api/sanctions/lists/OFAC-SDN/held/confirmation", confirmation);
        assertThat(byOfficer.status())
                .as("an officer does not decide on a held file")
                .isEqualTo(403);
        Response otherFile = api.as("supervisor")
                .header("Content-Type", "application/json")
                .post("/api/sanctions/lists/OFAC-SDN/held/confirmation", "{\"sha256\": \"" + "0".repeat(64) + "\"}");
        assertProblem(otherFile, 409, "review the held file before deciding on it");
        Response byAuditor = api.as("auditor")
                .header("Content-Type", "application/json")
                .post("/api/sanctions/lists/OFAC-SDN/held/confirmation", confirmation);
        assertThat(byAuditor.status()).isEqualTo(403);

        Response confirmed = expect(
                api.as("supervisor")
                        .header("Content-Type", "application/json")
                        .post("/api/sanctions/lists/OFAC-SDN/held/confirmation", confirmation),
                201);
        assertThat(confirmed.json().path("version").asLong()).isEqualTo(2);
        assertThat(confirmed.header("Location")).isEqualTo("/api/sanctions/lists/OFAC-SDN/versions/2");

        JsonNode run = finished("list-OFAC-SDN-v2");
        assertThat(run.path("flagsRaised").asInt())
                .as("the taproot holder, newly designated")
                .isEqualTo(1);
        assertThat(run.path("alreadyFlagged").asInt())
                .as("the ETH holder, flagged under version 1")
                .isEqualTo(1);
        assertThat(caseOf(TAPROOT_HOLDER, "40002")
                        .path("sanctionsMatch")
                        .path("listVersion")
                        .asLong())
                .isEqualTo(2);

        JsonNode lists =
                expect(api.as("auditor").get("/api/sanctions/lists"), 200).json();
        JsonNode sdn = lists.path("lists").get(0);
        assertThat(sdn.path("currentVersion").asLong()).isEqualTo(2);
        assertThat(sdn.path("versions").get(0).path("publicationDate").asText()).isEqualTo("2026-11-20");
        assertThat(sdn.path("versions").get(0).path("sha256").asText()).isEqualTo(sha256(OfacFiles.bytes(XML_V2)));

        JsonNode difference = expect(api.as("auditor").get("/api/sanctions/lists/OFAC-SDN/versions/2"), 200)
                .json();
        assertThat(difference.path("entriesAdded").toString()).isEqualTo("[\"40002\"]");
        assertThat(difference.path("entriesChanged").toString()).isEqualTo("[\"36216\"]");
        assertThat(difference.path("entriesRemoved").toString()).isEqualTo("[\"36218\"]");
        assertThat(difference
                        .path("addressesRemoved")
                        .get(0)
                        .path("address")
                        .path("address")
                        .asText())
                .isEqualTo(LAZARUS_XBT);

        JsonNode byAddress = expect(
                        api.as("officer").get("/api/sanctions/entries?address=" + LAZARUS_ETH.toLowerCase()), 200)
                .json();
        assertThat(byAddress.path("entries")).hasSize(1);
        assertThat(byAddress.path("entries").get(0).path("uid").asText()).isEqualTo("36216");
        assertThat(byAddress.path("entries").get(0).path("listedInVersion").asLong())
                .isEqualTo(1);
        assertThat(byAddress.path("entries").get(0).path("changedInVersion").asLong())
                .isEqualTo(2);
        assertThat(expect(api.as("officer").get("/api/sanctions/entries?address=" + LAZARUS_XBT), 200)
                        .json()
                        .path("entries"))
                .as("delisted address")
                .isEmpty();
    }

    @Test
    @Order(6)
    void registeringAFlaggedAccountAgainDoesNotFlagItAgain() {
        String runId = register(ETH_HOLDER, "Han Min-ji", "ETH", LAZARUS_ETH);

        JsonNode run = finished(runId);
        assertThat(run.path("addressMatches").asInt()).isEqualTo(1);
        assertThat(run.path("flagsRaised").asInt()).isZero();
        assertThat(run.path("alreadyFlagged").asInt()).isEqualTo(1);
        assertThat(caseOf(ETH_HOLDER, "36216").path("version").asLong())
                .as("the case was not touched")
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void filesThatCannotBeReadAreRefusedNamingTheLineAndTheCurrentVersionStays() {
        String xml = OfacFiles.text(XML_V2).replace("11/20/2026", "11/22/2026");
        Response truncated = importBytes(
                xml.substring(0, xml.indexOf("<uid>40002</uid>")).getBytes(StandardCharsets.UTF_8),
                "application/xml",
                "officer");
        assertProblem(truncated, 400, "sdn.xml line ");
        assertThat(truncated.json().path("detail").asText()).contains("truncated");

        String sdnWithMissingColumns = OfacFiles.text(CSV_SDN).replace("\"-0- \",\"DPRK3\",", "");
        Response csv = importBytes(
                sdnWithMissingColumns.getBytes(StandardCharsets.UTF_8),
                "text/csv",
                "officer",
                "&publicationDate=2026-11-22");
        assertProblem(csv, 400, "sdn.csv line 3");

        Response neither = importBytes(
                "{\"entries\": []}".getBytes(StandardCharsets.UTF_8), "application/octet-stream", "officer");
        assertProblem(neither, 400, "is neither one of OFAC's XML lists");

        Response backdated = importBytes(
                OfacFiles.text(XML_V2).replace("11/20/2026", "11/19/2026").getBytes(StandardCharsets.UTF_8),
                "application/xml",
                "officer");
        assertProblem(backdated, 409, "before the current version");
        assertThat(backdated.json().path("policy").asText()).isEqualTo("publicationMustNotPrecedeCurrentVersion");

        // one rule, one answer, whichever form breaks it
        String sdnCsv = OfacFiles.text(CSV_SDN);
        String firstRecord = sdnCsv.substring(0, sdnCsv.indexOf("\r\n") + 2);
        String xmlV2 = OfacFiles.text(XML_V2)
                .replace("11/20/2026", "11/22/2026")
                .replaceAll("<Record_Count>\\d+</Record_Count>", "");
        String firstEntry =
                xmlV2.substring(xmlV2.indexOf("<sdnEntry>"), xmlV2.indexOf("</sdnEntry>") + "</sdnEntry>".length());
        String repeatedXml = xmlV2.replace(firstEntry, firstEntry + firstEntry);
        Response repeatedInXml =
                importBytes(repeatedXml.getBytes(StandardCharsets.UTF_8), "application/xml", "officer");
        Response repeatedInCsv = importBytes(
                (firstRecord + firstRecord).getBytes(StandardCharsets.UTF_8),
                "text/csv",
                "officer",
                "&publicationDate=2026-11-22");
        assertThat(repeatedInXml.json().path("policy").asText())
                .isEqualTo("eachEntryIsListedOnce")
                .isEqualTo(repeatedInCsv.json().path("policy").asText());
        assertThat(repeatedInXml.status()).isEqualTo(repeatedInCsv.status()).isEqualTo(409);
        Response emptyXml = importBytes(
                ("<sdnList><publshInformation><Publish_Date>11/22/2026</Publish_Date>"
                                + "</publshInformation></sdnList>")
                        .getBytes(StandardCharsets.UTF_8),
                "application/xml",
                "officer");
        Response emptyCsv = importBytes(
                "\u001a\r\n".getBytes(StandardCharsets.UTF_8), "text/csv", "officer", "&publicationDate=2026-11-22");
        assertThat(emptyXml.json().path("policy").asText())
                .isEqualTo("aVersionNamesAtLeastOneEntry")
                .isEqualTo(emptyCsv.json().path("policy").asText());
        assertThat(emptyXml.status()).isEqualTo(emptyCsv.status()).isEqualTo(409);

        Response auditor = importXml(XML_V2, "auditor");
        assertThat(auditor.status()).isEqualTo(403);

        JsonNode lists =
                expect(api.as("auditor").get("/api/sanctions/lists"), 200).json();
        assertThat(lists.path("lists").get(0).path("currentVersion").asLong()).isEqualTo(2);
        assertThat(lists.path("lists").get(0).path("versions")).hasSize(2);
    }

    @Test
    @Order(8)
    void theCsvSetImportsAsMultipartWithItsPublicationDate() {
        Response missingDate = multipart("");
        assertProblem(missingDate, 400, "publicationDate is required for the CSV files");

        // the CSV set drops one of version 2's four entries: held, then confirmed by a second person
        Response held = expect(multipart("?publicationDate=2026-11-21"), 202);
        assertThat(held.json().path("format").asText()).isEqualTo("SDN_CSV");
        Response confirmed = expect(
                api.as("supervisor")
                        .header("Content-Type", "application/json")
                        .post(
                                "/api/sanctions/lists/OFAC-SDN/held/confirmation",
                                "{\"sha256\": \"" + held.json().path("sha256").asText() + "\"}"),
                201);
        assertThat(confirmed.json().path("version").asLong()).isEqualTo(3);

        JsonNode run = finished("list-OFAC-SDN-v3");
        assertThat(run.path("flagsRaised").asInt())
                .as("the bech32 holder's pair was flagged under version 1")
                .isZero();
        assertThat(run.path("alreadyFlagged").asInt()).isEqualTo(2);
    }

    @Test
    @Order(9)
    void aBulkRegistrationIsAllOrNothingAndScreenedAfterwards() {
        String good = "A-" + RUN;
        String badLine = "account_id,holder_name,currency,address,kind\n"
                + good + ",Yoon Ha-neul,XBT,1BoatSLRHtKNngkdXEeobR76b53LETtpyT,DEPOSIT\n"
                + "B-" + RUN + ",Seo Ji-ho,XBT,two words,DEPOSIT\n";
        Response refused = api.as("admin").header("Content-Type", "text/csv").post("/api/accounts/addresses", badLine);
        assertProblem(refused, 400, "addresses.csv line 3, column address");
        assertThat(api.as("officer").get("/api/accounts/" + good + "/addresses").status())
                .isEqualTo(404);

        String csv = "account_id,holder_name,currency,address,kind\n"
                + good + ",Yoon Ha-neul,XBT,1BoatSLRHtKNngkdXEeobR76b53LETtpyT,DEPOSIT\n"
                + good + ",Yoon Ha-neul,ETH," + LAZARUS_ETH + ",WITHDRAWAL\n"
                + "B-" + RUN + ",Seo Ji-ho,USDT,0x7F367cC41522cE07553e823bf3be79A889DEbe1B,\n";
        JsonNode answer = expect(
                        api.as("admin").header("Content-Type", "text/csv").post("/api/accounts/addresses", csv), 200)
                .json();
        assertThat(answer.path("accounts").asInt()).isEqualTo(2);
        assertThat(answer.path("addresses").asInt()).isEqualTo(3);

        JsonNode run = finished(answer.path("screeningRun").asText());
        assertThat(run.path("trigger").asText()).isEqualTo("BULK_REGISTRATION");
        assertThat(caseOf(good, "36216").path("status").asText()).isEqualTo("FLAGGED");
        assertThat(caseOf("B-" + RUN, "40001")
                        .path("sanctionsMatch")
                        .path("programs")
                        .toString())
                .contains("RUSSIA-EO14024");
    }

    @Test
    @Order(10)
    void registrationsNameTheFieldTheyGotWrong() {
        assertProblem(
                api.as("officer")
                        .put(
                                "/api/accounts/ACC-X/addresses",
                                "{\"holderName\": \"X\", \"addresses\": [{\"currency\": \"XBT\", \"address\": \""
                                        + LAZARUS_XBT + "\"}," + " {\"currency\": \"XBT\", \"address\": \""
                                        + LAZARUS_XBT.toUpperCase() + "\"}]}"),
                400,
                "addresses[1].address is the same address as addresses[0]");
        assertProblem(
                api.as("officer").put("/api/accounts/ACC-X/addresses", "{\"holderName\": \" \", \"addresses\": []}"),
                400,
                "holderName must not be blank");
        assertProblem(
                api.as("officer")
                        .put(
                                "/api/accounts/ACC-X/addresses",
                                "{\"holderName\": \"X\", \"addresses\": [{\"currency\": \"XBT\", \"address\": \"a\", \"kind\": \"SAVINGS\"}]}"),
                400,
                "addresses[0].kind must be DEPOSIT or WITHDRAWAL");
    }

    @Test
    @Order(11)
    void replacementsOfOneAccountAtTheSameMomentLeaveOneOfThemWhole() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String account = "ACC-RACE-" + round + "-" + RUN;
                List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String body = "{\"holderName\": \"Racer " + i + "\", \"addresses\": ["
                            + "{\"currency\": \"XBT\", \"address\": \"1Race" + i + "a\"},"
                            + "{\"currency\": \"XBT\", \"address\": \"1Race" + i + "b\"}]}";
                    answers.add(
                            pool.submit(() -> api.as("officer").put("/api/accounts/" + account + "/addresses", body)));
                }
                for (java.util.concurrent.Future<Response> answer : answers) {
                    assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
                }
                JsonNode registered = expect(api.as("officer").get("/api/accounts/" + account + "/addresses"), 200)
                        .json();
                String racer = registered.path("holderName").asText().substring("Racer ".length());
                assertThat(registered.path("addresses"))
                        .as("one replacement whole, none mixed: %s", registered)
                        .hasSize(2);
                registered
                        .path("addresses")
                        .forEach(address ->
                                assertThat(address.path("address").asText()).startsWith("1Race" + racer));
            }
        } finally {
            pool.shutdown();
        }
    }

    private String register(String account, String holder, String currency, String address) {
        Response response = expect(
                api.as("officer")
                        .put(
                                "/api/accounts/" + account + "/addresses",
                                "{\"holderName\": \"" + holder + "\", \"addresses\": [{\"currency\": \"" + currency
                                        + "\", \"address\": \"" + address + "\", \"kind\": \"DEPOSIT\"}]}"),
                200);
        return response.json().path("screeningRun").asText();
    }

    private Response importXml(String file, String user) {
        return importBytes(OfacFiles.bytes(file), "application/xml", user);
    }

    private Response importBytes(byte[] body, String contentType, String user) {
        return importBytes(body, contentType, user, "");
    }

    private Response importBytes(byte[] body, String contentType, String user, String parameters) {
        return api.as(user)
                .header("Content-Type", contentType)
                .post("/api/sanctions/lists?list=OFAC-SDN" + parameters, body);
    }

    private Response multipart(String query) {
        String boundary = "holdfast-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String[] part : new String[][] {{"file", CSV_SDN}, {"alt", CSV_ALT}, {"add", CSV_ADD}}) {
            body.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(part[0])
                    .append("\"; filename=\"")
                    .append(part[1])
                    .append("\"\r\n")
                    .append("Content-Type: text/csv\r\n\r\n")
                    .append(OfacFiles.text(part[1]))
                    .append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return api.as("officer")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .post("/api/sanctions/lists" + query, body.toString());
    }

    /** The held file once the projection has it. */
    private JsonNode heldFile() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Response response = api.as("auditor").get("/api/sanctions/lists/OFAC-SDN/held");
            if (response.status() == 200) {
                return response.json();
            }
            sleep();
        }
        throw new AssertionError("the held file was not shown within 30 s");
    }

    private JsonNode finished(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Response response = api.as("auditor").get("/api/screening/runs/" + runId);
            if (response.status() == 200) {
                String status = response.json().path("status").asText();
                if (status.equals("DONE")) {
                    return response.json();
                }
                assertThat(status)
                        .as("screening run %s: %s", runId, response.body())
                        .isNotEqualTo("FAILED");
            }
            sleep();
        }
        throw new AssertionError("screening run " + runId + " did not finish within 30 s");
    }

    private static String caseIdOf(String account, String entry) {
        return ScreeningCaseIds.caseIdFor("OFAC-SDN", entry, AccountId.of(account))
                .value();
    }

    private JsonNode caseOf(String account, String entry) {
        return expect(api.as("officer").get("/api/cases/" + caseIdOf(account, entry) + "?minVersion=1"), 200)
                .json();
    }

    private int caseStatus(String account, String entry) {
        return api.as("officer").get("/api/cases/" + caseIdOf(account, entry)).status();
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).contains(detail);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
