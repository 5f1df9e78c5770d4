package io.holdfast.app.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.app.problem.PayloadTooLarge;
import io.holdfast.app.problem.ProblemWriter;
import jakarta.servlet.ServletRequest;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTest {

    private static final int BODY_LIMIT = 16;
    private static final int UPLOAD_LIMIT = 64;

    private final RequestBodyLimitFilter filter =
            new RequestBodyLimitFilter(new ProblemWriter(new ObjectMapper()), BODY_LIMIT, UPLOAD_LIMIT);

    private static MockHttpServletRequest post(String path, byte[] body, boolean announceLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return announceLength ? body.length : -1;
            }
        };
        request.setContent(body);
        return request;
    }

    @Test
    void anUploadIsPassedOnAsAStreamNotHeldInMemory() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(post("/api/sanctions/lists", new byte[40], true), new MockHttpServletResponse(), chain);

        ServletRequest passedOn = chain.getRequest();
        assertThat(passedOn).isInstanceOf(LimitedBodyRequest.class).isNotInstanceOf(CachedBodyRequest.class);
        assertThat(passedOn.getInputStream().readAllBytes()).hasSize(40);
    }

    @Test
    void anUploadAnnouncedAsTooLargeIsRefusedBeforeItIsRead() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post("/api/accounts/addresses", new byte[UPLOAD_LIMIT + 1], true), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString())
                .contains("/problems/payload-too-large")
                .contains(String.valueOf(UPLOAD_LIMIT));
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void anUploadThatGrowsPastTheLimitWhileReadIsRefused() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(
                post("/api/sanctions/lists", new byte[UPLOAD_LIMIT * 2], false), new MockHttpServletResponse(), chain);

        InputStream body = chain.getRequest().getInputStream();
        assertThatThrownBy(body::readAllBytes)
                .isInstanceOf(PayloadTooLarge.class)
                .hasMessage("the request body is larger than the limit of " + UPLOAD_LIMIT + " bytes");
    }

    @Test
    void otherWritesKeepTheSmallLimit() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post("/api/cases", new byte[40], true), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }
}
