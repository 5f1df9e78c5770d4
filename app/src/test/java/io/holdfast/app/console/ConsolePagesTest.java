package io.holdfast.app.console;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page of the console, as the role that uses it: no WCAG 2.1 A/AA violation axe-core finds,
 * and a screenshot at 1366×768 under target/console-screenshots for a reviewer. The page that
 * verifies bundles works saved to disk and opened without a server.
 */
class ConsolePagesTest extends InTheBrowser {

    @Test
    void everyPageIsAccessibleAndPhotographed() throws Exception {
        String caseId = newCaseId();
        api.fbiCaseFrozenWithAPendingRequest(caseId);
        expect(api.as("auditor").get("/api/cases/" + caseId + "?minVersion=4"), 200);
        expect(api.as("officer").post("/api/cases/" + caseId + "/notes", Api.noteBody("called the exchange")), 201);

        try (Browser browser = new Browser(port, downloads)) {
            browser.open("/");
            check(browser, "home", By.linkText("Open the console"));
            browser.open("/console/sign-in.html");
            check(browser, "sign-in", By.id("username"));

            browser.signIn("supervisor");
            check(browser, "cases", By.cssSelector("#list table"));
            browser.open("/console/case.html?id=" + caseId);
            browser.textOnceItHas(By.id("case"), "R-2");
            check(browser, "case", By.cssSelector("table.timeline"));
            browser.open("/console/approvals.html");
            browser.textOnceItHas(By.id("queue"), caseId);
            check(browser, "approvals", By.cssSelector("#queue table"));
            browser.open("/console/sanctions.html");
            check(browser, "sanctions", By.id("lists-title"));
            browser.open("/console/verify.html");
            check(browser, "verify", By.id("verify-form"));
        }
        try (Browser browser = new Browser(port, downloads)) {
            browser.signIn("supervisor").resize(683, 768);
            for (String page : new String[] {"cases.html", "case.html?id=" + caseId, "approvals.html"}) {
                browser.open("/console/" + page);
                browser.visible(By.cssSelector("main table"));
                assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("%s at 200 %% zoom reflows without scrolling sideways", page)
                        .isEqualTo(true);
            }
            browser.screenshot("case-at-200-percent");
        }
        try (Browser browser = new Browser(port, downloads)) {
            browser.signIn("auditor").open("/console/audit.html");
            browser.textOnceItHas(By.id("audit"), "entries; page");
            check(browser, "audit", By.id("verify-ledger"));
        }
        try (Browser browser = new Browser(port, downloads)) {
            browser.signIn("admin").open("/console/operations.html");
            browser.textOnceItHas(By.id("operations"), "LIVE");
            check(browser, "operations", By.id("backups-title"));
        }
        try (Browser browser = new Browser(port, downloads)) {
            browser.signIn("liaison-fbi").open("/console/case.html?id=" + caseId);
            browser.textOnceItHas(By.id("case"), "FROZEN");
            check(browser, "case-as-liaison", By.id("warrant-form"));
        }
        try (Stream<Path> shots = Files.list(Browser.SCREENSHOTS)) {
            assertThat(shots.map(path -> path.getFileName().toString()))
                    .contains("cases.png", "case.png", "approvals.png", "audit.png", "verify.png", "operations.png");
        }
    }

    @Test
    void theVerificationPageWorksSavedToDiskWithoutAServer() throws Exception {
        Path saved = downloads.resolve("saved");
        copy(Path.of("src/main/resources/static/console"), saved);
        try (Browser browser = new Browser(port, downloads)) {
            browser.open(saved.resolve("verify.html").toUri().toString());
            browser.visible(By.id("bundle")).sendKeys(writeBundleWithoutProof().toString());
            browser.driver().findElement(By.id("key")).sendKeys(ledgerKeyFile().toString());
            browser.driver()
                    .findElement(By.cssSelector("#verify-form button[type=submit]"))
                    .click();
            String verdict = browser.textOnceItHas(By.id("result"), "FAILED");
            assertThat(verdict)
                    .as("the page ran its checks from the file system, with the browser's cryptography")
                    .contains("the checkpoint: no signature of holdfast over the note's body verifies");
        }
    }

    /** A bundle whose checkpoint was signed by nobody: the page must check the signature to say so. */
    private Path writeBundleWithoutProof() throws IOException {
        Path bundle = downloads.resolve("unsigned.json");
        Files.writeString(bundle, """
                {"case": {"caseId": "CASE-X"}, "entries": [], "entriesNotYetInLedger": [], "inclusionProofs": [],
                 "checkpoint": {"treeSize": 1, "rootHash": "%s",
                   "note": "holdfast\\n1\\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\\n\\n\\u2014 holdfast AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\\n"},
                 "publicKey": {"keyName": "holdfast", "keys": []}}
                """.formatted("0".repeat(64)));
        return bundle;
    }

    private static void check(Browser browser, String name, By shown) {
        browser.visible(shown);
        browser.assertAccessible(name);
        browser.screenshot(name);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
