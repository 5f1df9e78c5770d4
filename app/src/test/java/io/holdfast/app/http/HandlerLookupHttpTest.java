package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Each request is matched to its handler once, by Spring MVC: the security rules match on path
 * patterns of their own and do not ask the handler mappings first, and reads are answered in the
 * request's own dispatch.
 */
@SpringBootTest(
        classes = {HoldfastApplication.class, HandlerLookupHttpTest.LookupsCounted.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandlerLookupHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    LookupsCounted lookups;

    @DynamicPropertySource
    static void holdfastProperties(DynamicPropertyRegistry registry) {
        try {
            registry.add("holdfast.data-dir", Files.createTempDirectory("holdfast-lookup-test")::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRequestIsMatchedToItsHandlerOnce() {
        Api api = new Api(port);
        lookups.count.set(0);

        assertThat(api.as("officer")
                        .post("/api/cases", Api.flagBody("CASE-LOOKUP"))
                        .status())
                .isEqualTo(201);
        assertThat(api.as("officer")
                        .post("/api/cases/CASE-LOOKUP/notes", Api.noteBody("bank called back"))
                        .status())
                .isEqualTo(201);

        assertThat(lookups.count).hasValue(2);
    }

    @Test
    void aReadIsAnsweredInItsOwnDispatch() {
        Api api = new Api(port);
        assertThat(api.as("officer")
                        .post("/api/cases", Api.flagBody("CASE-READ-ONCE"))
                        .status())
                .isEqualTo(201);
        // a read waiting for its version is answered asynchronously (it must not hold a server thread)
        assertThat(api.as("officer")
                        .get("/api/cases/CASE-READ-ONCE?minVersion=0")
                        .status())
                .isEqualTo(200);
        assertThat(api.as("officer")
                        .get("/api/cases/CASE-READ-ONCE/history?minVersion=0")
                        .status())
                .isEqualTo(200);
        lookups.count.set(0);

        assertThat(api.as("officer").get("/api/cases/CASE-READ-ONCE").status()).isEqualTo(200);
        assertThat(api.as("officer").get("/api/cases/CASE-READ-ONCE/history").status())
                .isEqualTo(200);
        assertThat(api.as("officer")
                        .get("/api/cases/CASE-READ-ONCE/history/verification")
                        .status())
                .isEqualTo(200);
        assertThat(api.as("officer").get("/api/cases?status=FLAGGED").status()).isEqualTo(200);
        assertThat(api.as("officer").get("/api/cases/CASE-NOT-THERE").status()).isEqualTo(404);

        // an asynchronous answer is a second dispatch, in which the handler is looked up again
        assertThat(lookups.count).hasValue(5);
    }

    @Test
    void aMethodNoMappingTakesIsA405NamingTheMethodsThatAre() {
        Api api = new Api(port);
        assertThat(api.as("officer")
                        .post("/api/cases", Api.flagBody("CASE-WRONG-METHOD"))
                        .status())
                .isEqualTo(201);

        Api.Response get = api.as("officer").get("/api/cases/CASE-WRONG-METHOD/notes");

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).contains("POST");
        assertThat(get.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Asked first of all handler mappings, finds nothing, and counts how often it was asked. */
    static class LookupsCounted implements HandlerMapping, Ordered {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) {
            if (request.getRequestURI().startsWith("/api/")) {
                count.incrementAndGet();
            }
            return null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
