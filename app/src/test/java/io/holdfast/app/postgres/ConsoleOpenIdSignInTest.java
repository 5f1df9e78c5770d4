package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.app.console.Browser;
import io.holdfast.app.http.TestLedgerKey;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * People sign in to the console of Holdfast on PostgreSQL through OpenID Connect, at a real
 * provider that requires PKCE, and hold the role and agency its token names, read by the same
 * mapping as the API's JWTs; a token without a Holdfast role signs nobody in.
 */
class ConsoleOpenIdSignInTest {

    private static IdentityProvider provider;
    private static ConfigurableApplicationContext holdfast;
    private static int port;

    @TempDir
    Path downloads;

    @BeforeAll
    static void start() {
        assumeTrue(
                Browser.installed(),
                "Debian's chromium and chromium-driver are not installed, so signing in through OpenID Connect was not"
                        + " tried in a browser (.ci/run installs them)");
        provider = IdentityProvider.start();
        String issuer = provider.issuer();
        holdfast = new SpringApplicationBuilder(io.holdfast.app.HoldfastApplication.class)
                .profiles("postgres")
                .run(
                        "--spring.datasource.url=" + PostgresSupport.newDatabase(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                        "--spring.security.oauth2.client.provider.holdfast.issuer-uri=" + issuer,
                        "--spring.security.oauth2.client.registration.holdfast.client-id=" + IdentityProvider.CLIENT_ID,
                        "--spring.security.oauth2.client.registration.holdfast.client-secret="
                                + IdentityProvider.CLIENT_SECRET,
                        "--spring.security.oauth2.client.registration.holdfast.scope=openid",
                        "--spring.security.oauth2.client.registration.holdfast.client-name=Compliance SSO",
                        TestLedgerKey.argument());
        port = ((WebServerApplicationContext) holdfast).getWebServer().getPort();
        provider.redirectTo(port);
    }

    @AfterAll
    static void stop() {
        if (holdfast != null) {
            holdfast.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aSupervisorAndALiaisonSignInAtTheProviderWithTheirRoleAndAgency() {
        try (Browser browser = new Browser(port, downloads)) {
            signInAtTheProvider(browser, "ada");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/console/cases.html"));
            assertThat(browser.textOnceItHas(By.cssSelector("header.site .who"), "ada"))
                    .contains("ada · SUPERVISOR");
            browser.textOnceItHas(By.id("list"), "0 cases");
            assertThat(browser.driver().findElements(By.linkText("Approvals"))).hasSize(1);
        }
        try (Browser browser = new Browser(port, downloads)) {
            signInAtTheProvider(browser, "lia");
            assertThat(browser.textOnceItHas(By.cssSelector("header.site .who"), "lia"))
                    .contains("lia · LIAISON · HSI");
        }
    }

    @Test
    void aPersonWhoseTokenNamesNoHoldfastRoleIsNotSignedIn() {
        try (Browser browser = new Browser(port, downloads)) {
            signInAtTheProvider(browser, "nobody");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/console/sign-in.html?refused"));
            browser.textOnceItHas(By.id("message"), "refused");
            browser.open("/console/cases.html");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/console/sign-in.html"));
        }
    }

    private static void signInAtTheProvider(Browser browser, String person) {
        browser.open("/console/sign-in.html");
        browser.visible(By.linkText("Sign in with Compliance SSO")).click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(provider.issuer() + "/login"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("error");
        browser.type(By.id("username"), person);
        browser.type(By.id("password"), person + "-password");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }
}
