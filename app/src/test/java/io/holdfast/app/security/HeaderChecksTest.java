package io.holdfast.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The header checks written as loops must judge every header exactly as Spring Security's own patterns do. */
class HeaderChecksTest {

    // Spring Security's StrictHttpFirewall defaults, the oracle
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
    private static final int[] AWKWARD = {
        '\t', '\n', '\r', 0, 0x7F, 0x85, 0x9F, 0xA0, 0x378, 0x0E01, 0xD800, 0xDC00, 0xFFFF, 0xFFFE, 0x1F600, 0x10FFFF,
        0xE0001, 'é', 'ß', 'K', 0x212A, '=', ' ', '/', '+', '~'
    };

    @Test
    void headerNamesAndValuesAreJudgedAsTheFirewallsPatternsJudgeThem() {
        Random random = new Random(29);
        for (String text : samples(random, 20_000)) {
            assertThat(HeaderChecks.isAllowedHeaderName(text))
                    .as("name %s", escaped(text))
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderChecks.isAllowedHeaderValue(text))
                    .as("value %s", escaped(text))
                    .isEqualTo(VALUE.matcher(text).matches());
        }
        assertThat(HeaderChecks.isAllowedHeaderValue("Bearer abc\tdef")).isTrue();
        assertThat(HeaderChecks.isAllowedHeaderName("X-Name\t")).isFalse();
        assertThat(HeaderChecks.isAllowedHeaderValue("abc\u0000")).isFalse();
        assertThat(HeaderChecks.isAllowedHeaderValue("unassigned \u0378")).isFalse();
    }

    @Test
    void bearerTokensAreTakenOrRefusedAsSpringSecurityDoes() {
        BearerTokenResolver ours = HeaderChecks.bearerTokens();
        BearerTokenResolver springs = new DefaultBearerTokenResolver();
        Random random = new Random(11);
        List<String> headers = new ArrayList<>(List.of(
                "Bearer abc.DEF-ghi_jkl~mno+pqr/stu==",
                "bearer abc",
                "BEARER abc",
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer ab=c",
                "Bearer ===",
                "Bearerabc",
                "Basic b2ZmaWNlcjpkZW1v",
                "Bearer abc\t",
                "Bearer é",
                "bear",
                "Bearer a=",
                "Bearer \u212Aelvin"));
        for (String text : samples(random, 5_000)) {
            headers.add((random.nextBoolean() ? "Bearer " : "bEaReR ") + text);
        }
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases/C-1");
            request.addHeader("Authorization", header);
            request.setParameter("access_token", "ignored");
            assertThat(outcome(ours, request)).as(escaped(header)).isEqualTo(outcome(springs, request));
        }
        assertThat(outcome(ours, new MockHttpServletRequest("GET", "/api/cases")))
                .isEqualTo("no token");
    }

    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            String token = resolver.resolve(request);
            return token == null ? "no token" : "token " + token;
        } catch (OAuth2AuthenticationException refused) {
            return "refused: " + refused.getError().getErrorCode() + " "
                    + refused.getError().getDescription();
        }
    }

    private static List<String> samples(Random random, int count) {
        List<String> samples = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(4);
                if (kind == 0) {
                    text.appendCodePoint(AWKWARD[random.nextInt(AWKWARD.length)]);
                } else if (kind == 1) {
                    text.appendCodePoint(random.nextInt(0x110000));
                } else {
                    text.append((char) (0x20 + random.nextInt(0x5F)));
                }
            }
            samples.add(text.toString());
        }
        return samples;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%x}", c)));
        return out.toString();
    }
}
