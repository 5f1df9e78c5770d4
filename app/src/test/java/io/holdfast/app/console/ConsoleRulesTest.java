package io.holdfast.app.console;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The console holds no rule of its own: a liaison sees only its agency's cases, an administrator no
 * case data, a note is text whatever it holds; and a session's writes need its CSRF token, a
 * signed-out session is gone.
 */
class ConsoleRulesTest extends InTheBrowser {

    @Test
    void aLiaisonSeesOnlyItsAgencysCasesAsTheApiShowsThem() {
        String fbiCase = newCaseId();
        String hsiCase = newCaseId();
        expect(api.as("liaison-fbi").post("/api/cases", Api.lawEnforcementFlagBody(fbiCase, "FBI")), 201);
        expect(api.as("liaison-hsi").post("/api/cases", Api.lawEnforcementFlagBody(hsiCase, "HSI")), 201);
        expect(api.as("auditor").get("/api/cases/" + fbiCase + "?minVersion=0"), 200);
        expect(api.as("auditor").get("/api/cases/" + hsiCase + "?minVersion=0"), 200);
        try (Browser liaison = new Browser(port, downloads)) {
            liaison.signIn("liaison-hsi").open("/console/case.html?id=" + fbiCase);
            liaison.textOnceItHas(By.id("case"), "There is no case " + fbiCase + " that you may see.");
            liaison.open("/console/case.html?id=" + hsiCase);
            liaison.textOnceItHas(By.id("case"), "LAW_ENFORCEMENT_REQUEST");
            liaison.open("/console/cases.html");
            String list = liaison.textOnceItHas(By.id("list"), hsiCase);
            assertThat(list).doesNotContain(fbiCase);
            assertThat(liaison.driver().findElements(By.linkText("Audit")))
                    .as("the audit trail is not the liaison's")
                    .isEmpty();
        }
    }

    @Test
    void anAdministratorIsShownNoCaseData() {
        String caseId = newCaseId();
        expect(api.as("officer").post("/api/cases", Api.flagBody(caseId)), 201);
        try (Browser admin = new Browser(port, downloads)) {
            admin.signIn("admin");
            admin.textOnceItHas(By.id("main"), "An administrator reads no case data.");
            admin.open("/console/case.html?id=" + caseId);
            String page = admin.textOnceItHas(By.id("case"), "may not GET");
            assertThat(page).doesNotContain("Kim Sang Man");
            admin.open("/console/operations.html");
            admin.textOnceItHas(By.id("operations"), "case-views");
        }
    }

    @Test
    void aNoteHoldingMarkupIsShownAsTextAndRunsNothing() {
        String caseId = newCaseId();
        expect(api.as("officer").post("/api/cases", Api.flagBody(caseId)), 201);
        String markup =
                "<script>window.holdfastHacked = 1</script><img src=x onerror=\"window.holdfastHacked = 2\"><b>bold</b>";
        try (Browser officer = new Browser(port, downloads)) {
            officer.signIn("officer").open("/console/case.html?id=" + caseId + "&version=0");
            officer.type(By.cssSelector("#note-form [name=text]"), markup);
            officer.driver()
                    .findElement(By.cssSelector("#note-form button[type=submit]"))
                    .click();
            officer.textOnceItHas(By.id("notice"), "The note was added.");
            assertThat(officer.textOnceItHas(By.cssSelector(".note"), "<script>"))
                    .isEqualTo(markup);
            assertThat(officer.driver().findElements(By.cssSelector("#case b"))).isEmpty();
            assertThat(officer.script("return window.holdfastHacked === undefined"))
                    .isEqualTo(true);
        }
    }

    @Test
    void aSessionWritesOnlyWithItsTokenAndEndsWhenSignedOut() throws Exception {
        try (Browser officer = new Browser(port, downloads)) {
            officer.signIn("officer");
            Cookie session = officer.driver().manage().getCookieNamed("HOLDFAST_SESSION");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> forged = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                            .header("Cookie", "HOLDFAST_SESSION=" + session.getValue())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Api.flagBody(newCaseId())))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode())
                    .as("a write with the session but without its token")
                    .isEqualTo(403);
            assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("problem+json");

            HttpResponse<String> read = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                            .header("Cookie", "HOLDFAST_SESSION=" + session.getValue())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode())
                    .as("the session reads the API as its person")
                    .isEqualTo(200);

            officer.driver()
                    .findElement(By.cssSelector("header.site .who button"))
                    .click();
            officer.textOnceItHas(By.id("message"), "You have signed out.");
            HttpResponse<String> after = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                            .header("Cookie", "HOLDFAST_SESSION=" + session.getValue())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode())
                    .as("the session ended with signing out")
                    .isEqualTo(401);
            officer.open("/console/cases.html");
            officer.waitUntil(d -> d.getCurrentUrl().contains("/console/sign-in.html"));
        }
    }

    @Test
    void everyConsolePageForbidsInlineScriptAndFraming() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : new String[] {"/console/sign-in.html", "/console/verify.html", "/"}) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            String policy =
                    answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'");
            assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(answer.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        }
    }
}
