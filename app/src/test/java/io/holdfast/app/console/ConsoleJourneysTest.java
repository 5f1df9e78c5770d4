package io.holdfast.app.console;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.app.http.Api;
import io.holdfast.ledger.BundleVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's journeys in a real headless Chromium, each as the person who does it: a case run
 * from flag to release through the pages, the four-eyes rule and a stale page refused on the page,
 * the history read and moved back in time, the bundle proved in the browser as verify-bundle proves it.
 */
class ConsoleJourneysTest extends InTheBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCaseIsRunFromFlagToReleaseAndProvedToAnAuditorWithoutATerminal() throws Exception {
        String caseId = newCaseId();
        try (Browser officer = new Browser(port, downloads.resolve("officer"))) {
            officer.signIn("officer");
            officer.visible(By.id("flag-form"));
            officer.type(By.cssSelector("#flag-form [name=caseId]"), caseId);
            officer.type(By.cssSelector("#flag-form [name=accountId]"), "ACC-88123");
            officer.type(By.cssSelector("#flag-form [name=holderName]"), "Kim Sang Man");
            officer.type(By.cssSelector("#flag-form [name=walletAddresses]"), "bc1qexample");
            officer.type(By.cssSelector("#flag-form [name=list]"), "OFAC-SDN");
            officer.type(By.cssSelector("#flag-form [name=listEntryId]"), "SDN-12345");
            officer.type(By.cssSelector("#flag-form [name=details]"), "wallet match on the 2023-05-23 designation");
            officer.type(By.cssSelector("#flag-form [name=evidenceDescription]"), "screening hit report");
            officer.type(By.cssSelector("#flag-form [name=evidenceSha256]"), Api.HASH_A);
            officer.driver()
                    .findElement(By.cssSelector("#flag-form button[type=submit]"))
                    .click();
            officer.textOnceItHas(By.cssSelector("main h1"), "Case " + caseId);
            officer.textOnceItHas(By.id("case"), "FLAGGED");

            officer.type(By.cssSelector("#warrant-form [name=warrantId]"), "W-1");
            officer.type(
                    By.cssSelector("#warrant-form [name=issuingAuthority]"),
                    "U.S. District Court for the District of Columbia");
            officer.type(By.cssSelector("#warrant-form [name=requestingAgency]"), "FBI");
            officer.type(By.cssSelector("#warrant-form [name=jurisdiction]"), "US-DC");
            officer.type(By.cssSelector("#warrant-form [name=referenceNumber]"), "23-SW-0412");
            officer.setValue(By.cssSelector("#warrant-form [name=issuedAt]"), "2026-01-01T09:00");
            officer.setValue(By.cssSelector("#warrant-form [name=expiresAt]"), "2030-01-01T09:00");
            officer.type(By.cssSelector("#warrant-form [name=scope]"), "USDT 3100000\nBTC");
            officer.type(By.cssSelector("#warrant-form [name=documentSha256]"), Api.HASH_B);
            officer.driver()
                    .findElement(By.cssSelector("#warrant-form button[type=submit]"))
                    .click();
            officer.textOnceItHas(By.id("notice"), "The warrant was recorded.");
            officer.textOnceItHas(By.id("warrants-title"), "Warrants");
            officer.textOnceItHas(By.id("case"), "23-SW-0412");
            assertThat(officer.driver().findElements(By.cssSelector("[id^=approve-]")))
                    .as("an officer is offered no approval")
                    .isEmpty();
        }

        try (Browser requester = new Browser(port, downloads.resolve("supervisor2"))) {
            requester.signIn("supervisor2").open("/console/case.html?id=" + caseId);
            requester.type(By.cssSelector("#freeze-form [name=requestId]"), "R-1");
            requester.type(By.cssSelector("#freeze-form [name=holdings]"), "USDT 3050000.00\nBTC 49.5");
            requester
                    .driver()
                    .findElement(By.cssSelector("#freeze-form button[type=submit]"))
                    .click();
            requester.textOnceItHas(By.id("notice"), "The freeze was requested");

            requester.type(By.cssSelector("#approve-R-1-form [name=comment]"), "my own request");
            requester
                    .driver()
                    .findElement(By.cssSelector("#approve-R-1-form button[type=submit]"))
                    .click();
            String refusal =
                    requester.textOnceItHas(By.cssSelector("#approve-R-1-form .refusal"), "approverMustNotBeRequester");
            assertThat(refusal).as("the policy's sentence beside the form").contains("request");
            assertThat(requester
                            .driver()
                            .findElement(By.cssSelector("#approve-R-1-form [name=comment]"))
                            .getAttribute("value"))
                    .as("what was typed is kept")
                    .isEqualTo("my own request");
        }

        try (Browser supervisor = new Browser(port, downloads.resolve("supervisor"))) {
            supervisor.signIn("supervisor").open("/console/approvals.html");
            String queue = supervisor.textOnceItHas(By.id("queue"), caseId);
            assertThat(queue).contains("R-1", "supervisor2", "Yours to decide.");
            supervisor.driver().findElement(By.linkText(caseId)).click();
            supervisor.type(By.cssSelector("#approve-R-1-form [name=comment]"), "checked against the warrant");
            supervisor
                    .driver()
                    .findElement(By.cssSelector("#approve-R-1-form button[type=submit]"))
                    .click();
            supervisor.textOnceItHas(By.id("case"), "FROZEN");

            // the supervisor starts a partial release while someone else changes the case
            supervisor.visible(By.id("release-form"));
            supervisor.type(By.cssSelector("#release-form [name=holdings]"), "BTC 10");
            supervisor.type(By.cssSelector("#release-form [name=authorityReference]"), "23-SW-0412-A");
            expect(api.as("officer").post("/api/cases/" + caseId + "/notes", Api.noteBody("called the exchange")), 201);
            supervisor.textOnceItHas(By.id("live"), "Behind");
            supervisor
                    .driver()
                    .findElement(By.cssSelector("#release-form button[type=submit]"))
                    .click();
            supervisor.textOnceItHas(By.cssSelector("#release-form .refusal"), "Someone changed the case");
            assertThat(api.as("auditor").get("/api/cases/" + caseId).json().path("released"))
                    .as("the stale page released nothing")
                    .isEmpty();
            supervisor
                    .driver()
                    .findElement(By.cssSelector("#release-form .refusal button"))
                    .click();
            supervisor.textOnceItHas(By.id("case"), "called the exchange");
            assertThat(supervisor
                            .visible(By.cssSelector("#release-form [name=holdings]"))
                            .getAttribute("value"))
                    .as("what was typed survives showing the current state")
                    .isEqualTo("BTC 10");
            supervisor
                    .driver()
                    .findElement(By.cssSelector("#release-form button[type=submit]"))
                    .click();
            supervisor.textOnceItHas(By.id("notice"), "Released.");
            supervisor.textOnceItHas(By.id("case"), "10 BTC");

            supervisor.type(By.cssSelector("#release-form [name=authorityReference]"), "23-SW-0412-B");
            supervisor
                    .driver()
                    .findElement(By.cssSelector("#release-form button[type=submit]"))
                    .click();
            supervisor.textOnceItHas(By.cssSelector("main .status"), "RELEASED");
        }

        JsonNode history = expect(api.as("auditor").get("/api/cases/" + caseId + "/history"), 200)
                .json();
        int events = history.path("entries").size();
        try (Browser auditor = new Browser(port, downloads.resolve("auditor"))) {
            auditor.signIn("auditor").open("/console/case.html?id=" + caseId);
            auditor.textOnceItHas(By.cssSelector("main .status"), "RELEASED");
            assertThat(auditor.driver().findElements(By.cssSelector("table.timeline tbody tr")))
                    .as("every event on the timeline")
                    .hasSize(events);
            assertThat(auditor.driver().findElements(By.cssSelector("#actions form")))
                    .as("an auditor reads only")
                    .isEmpty();

            // back in time: to the event that froze the assets
            int frozenAt = 0;
            for (JsonNode entry : history.path("entries")) {
                if (entry.path("type").asText().endsWith("AssetsFrozen")) {
                    frozenAt = entry.path("sequence").asInt();
                }
            }
            WebElement slider = auditor.visible(By.id("moment"));
            slider.click();
            slider.sendKeys(Keys.END);
            for (int i = events - 1; i > frozenAt; i--) {
                slider.sendKeys(Keys.ARROW_LEFT);
            }
            assertThat(auditor.driver().findElement(By.id("moment-label")).getText())
                    .contains("AssetsFrozen");
            auditor.driver()
                    .findElement(By.cssSelector("#as-of-form button[type=submit]"))
                    .click();
            auditor.textOnceItHas(By.id("asof"), "as it stood at");
            auditor.textOnceItHas(By.cssSelector("main .status"), "FROZEN");
            auditor.driver().findElement(By.cssSelector("#asof button")).click();
            auditor.textOnceItHas(By.cssSelector("main .status"), "RELEASED");

            api.signCheckpointCovering(leavesOnceSettled(caseId));
            auditor.open("/console/case.html?id=" + caseId);
            auditor.visible(By.id("bundle-link")).click();
            Path bundle = auditor.downloaded(caseId + "-evidence-bundle.json");
            Path key = ledgerKeyFile();

            assertThat(inBrowser(auditor, bundle, key))
                    .as("the browser's verdict")
                    .isEqualTo(List.of());
            assertThat(auditor.driver().findElement(By.id("result")).getText())
                    .isEqualTo(verifyBundle(bundle, key).lines().findFirst().orElseThrow());

            ObjectNode tampered = (ObjectNode) JSON.readTree(bundle.toFile());
            ((ObjectNode) tampered.path("entries").get(1).path("payload")).put("referenceNumber", "23-SW-9999");
            Path changed = downloads.resolve("tampered.json");
            Files.writeString(changed, JSON.writeValueAsString(tampered));
            List<String> found = inBrowser(auditor, changed, key);
            assertThat(found).as("a tampered entry is named").anyMatch(failure -> failure.startsWith("entry 1:"));
            assertThat(found).isEqualTo(failuresOf(changed, key));
        }

        ConsoleTrafficContract.Findings traffic = ConsoleTrafficContract.takeFindings();
        assertThat(traffic.checked()).as("the pages' API calls were checked").isGreaterThan(20);
        assertThat(traffic.breaches())
                .as("API calls of the console that break docs/openapi.json")
                .isEmpty();
    }

    @Test
    void theBrowserAndVerifyBundleAgreeOnGoodAndTamperedBundles() throws Exception {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        expect(
                api.as("officer")
                        .post(
                                "/api/cases/" + caseId + "/notes",
                                Api.noteBody("amount 49.50 BTC, \\\"quoted\\\"\\ttab")),
                201);
        api.signCheckpointCovering(leavesOnceSettled(caseId));
        String kept = api.as("auditor")
                .get("/api/audit/ledger/checkpoints/latest")
                .json()
                .path("note")
                .asText();
        expect(api.as("officer").post("/api/cases/" + caseId + "/notes", Api.noteBody("later")), 201);
        api.signCheckpointCovering(leavesOnceSettled(caseId));

        Path key = ledgerKeyFile();
        long keptSize = Long.parseLong(kept.split("\n")[1]);
        Path earlier = downloads.resolve("kept.note");
        Files.writeString(earlier, kept);
        String good = api.as("auditor")
                .get("/api/cases/" + caseId + "/evidence-bundle?since=" + keptSize)
                .body();

        try (Browser auditor = new Browser(port, downloads.resolve("auditor"))) {
            auditor.signIn("auditor");
            for (var variant : variants(good).entrySet()) {
                Path file = downloads.resolve(variant.getKey() + ".json");
                Files.writeString(file, variant.getValue());
                List<String> java = failuresOf(file, key, earlier);
                assertThat(inBrowser(auditor, file, key, earlier))
                        .as("the browser and verify-bundle on the bundle %s", variant.getKey())
                        .isEqualTo(java);
                assertThat(java.isEmpty())
                        .as("only the untouched bundle verifies: " + variant.getKey())
                        .isEqualTo(variant.getKey().equals("good"));
            }
        }
    }

    /** Waits until every entry of the case is a leaf of the ledger, and answers the leaves up to its last. */
    private long leavesOnceSettled(String caseId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode entries = api.as("auditor")
                    .get("/api/cases/" + caseId + "/history")
                    .json()
                    .path("entries");
            long highest = -1;
            boolean settled = !entries.isEmpty();
            for (JsonNode entry : entries) {
                settled &= entry.hasNonNull("ledgerIndex");
                highest = Math.max(highest, entry.path("ledgerIndex").asLong(-1));
            }
            if (settled) {
                return highest + 1;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the entries of " + caseId + " did not become leaves within 60 s");
    }

    /** The good bundle and ways a hand could have changed it. */
    private static java.util.Map<String, String> variants(String good) throws Exception {
        java.util.Map<String, String> variants = new java.util.LinkedHashMap<>();
        variants.put("good", good);
        ObjectNode bundle = (ObjectNode) JSON.readTree(good);

        ObjectNode payload = bundle.deepCopy();
        ((ObjectNode) payload.path("entries")
                        .get(2)
                        .path("payload")
                        .path("holdings")
                        .get(0))
                .put("amount", "3050001.00");
        variants.put("amount-changed", JSON.writeValueAsString(payload));

        ObjectNode removed = bundle.deepCopy();
        ((ArrayNode) removed.path("entries")).remove(1);
        variants.put("entry-removed", JSON.writeValueAsString(removed));

        ObjectNode proof = bundle.deepCopy();
        ArrayNode path = (ArrayNode) proof.path("inclusionProofs").get(0).path("auditPath");
        if (!path.isEmpty()) {
            path.set(0, JSON.getNodeFactory().textNode("0".repeat(64)));
        }
        variants.put("proof-changed", JSON.writeValueAsString(proof));

        ObjectNode note = bundle.deepCopy();
        String signed = note.path("checkpoint").path("note").asText();
        ((ObjectNode) note.path("checkpoint")).put("note", signed.replaceFirst("\n\\d+\n", "\n999\n"));
        variants.put("checkpoint-changed", JSON.writeValueAsString(note));

        ObjectNode consistency = bundle.deepCopy();
        if (consistency.path("consistencyProof").path("proof").isArray()
                && !consistency.path("consistencyProof").path("proof").isEmpty()) {
            ((ArrayNode) consistency.path("consistencyProof").path("proof"))
                    .set(0, JSON.getNodeFactory().textNode("1".repeat(64)));
        }
        variants.put("consistency-changed", JSON.writeValueAsString(consistency));

        // the same bundle written with its numbers as typed differently stays valid only where the canonical form
        // agrees
        variants.put("reformatted", good.replace(",", ", ").replace(":", ": "));
        return variants;
    }

    private static List<String> inBrowser(Browser browser, Path bundle, Path key, Path... earlier) {
        browser.open("/console/verify.html");
        browser.visible(By.id("bundle")).sendKeys(bundle.toAbsolutePath().toString());
        browser.driver().findElement(By.id("key")).sendKeys(key.toAbsolutePath().toString());
        if (earlier.length > 0) {
            browser.driver()
                    .findElement(By.id("earlier"))
                    .sendKeys(earlier[0].toAbsolutePath().toString());
        }
        browser.driver()
                .findElement(By.cssSelector("#verify-form button[type=submit]"))
                .click();
        browser.waitUntil(
                d -> d.findElement(By.id("result")).getText().matches("(?s)(VERIFIED|NOT VERIFIED|cannot read).*"));
        return browser.driver().findElements(By.cssSelector("#failures li")).stream()
                .map(item -> item.getText().replaceFirst("^FAILED: ", ""))
                .toList();
    }

    private static List<String> failuresOf(Path bundle, Path key, Path... earlier) throws Exception {
        return verifyBundle(bundle, key, earlier)
                .lines()
                .filter(line -> line.startsWith("FAILED: "))
                .map(line -> line.substring("FAILED: ".length()))
                .toList();
    }

    private static String verifyBundle(Path bundle, Path key, Path... earlier) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> arguments =
                new java.util.ArrayList<>(List.of("verify-bundle", bundle.toString(), "--key", key.toString()));
        if (earlier.length > 0) {
            arguments.addAll(List.of("--checkpoint", earlier[0].toString()));
        }
        new BundleVerifier(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(arguments.toArray(String[]::new));
        return printed.toString(StandardCharsets.UTF_8);
    }
}
