package io.holdfast.app.console;

import io.holdfast.app.http.Contract;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Checks every API call the console's pages make in the browser tests against docs/openapi.json,
 * as {@code Api} checks the tests' own calls: the answer (status, type, body) and, when accepted,
 * the body sent. Only calls made with the console's session are looked at; live update streams,
 * which never end, are not. An answer given later (a {@code ?minVersion=} wait) is checked when it
 * is written, as Spring's ShallowEtagHeaderFilter does.
 */
@Component
public class ConsoleTrafficContract extends OncePerRequestFilter implements Ordered {

    private static final List<String> BREACHES = new CopyOnWriteArrayList<>();
    private static final AtomicInteger CHECKED = new AtomicInteger();

    /** What was found since last asked, and how many calls were checked. */
    static Findings takeFindings() {
        List<String> found = new ArrayList<>(BREACHES);
        BREACHES.clear();
        return new Findings(found, CHECKED.getAndSet(0));
    }

    record Findings(List<String> breaches, int checked) {}

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/")
                || path.endsWith("/updates")
                || request.getHeader("Authorization") != null
                || !withConsoleSession(request);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest requestToUse =
                request instanceof ContentCachingRequestWrapper ? request : new ContentCachingRequestWrapper(request);
        ContentCachingResponseWrapper existing =
                WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        ContentCachingResponseWrapper responseToUse =
                existing != null ? existing : new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(requestToUse, responseToUse);
        } finally {
            if (!isAsyncStarted(requestToUse)) {
                check(requestToUse, responseToUse);
                responseToUse.copyBodyToResponse();
            }
        }
    }

    private static void check(HttpServletRequest request, ContentCachingResponseWrapper response) {
        String path =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>(Contract.breaches(
                request.getMethod(), request.getRequestURI(), response.getStatus(), response.getContentType(), body));
        if (response.getStatus() / 100 == 2 && request instanceof ContentCachingRequestWrapper sent) {
            byte[] sentBody = sent.getContentAsByteArray();
            if (sentBody.length > 0
                    && request.getContentType() != null
                    && request.getContentType().contains("json")) {
                found.addAll(Contract.requestBreaches(
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getContentType(),
                        new String(sentBody, StandardCharsets.UTF_8)));
            }
        }
        CHECKED.incrementAndGet();
        found.forEach(breach ->
                BREACHES.add(request.getMethod() + " " + path + " → " + response.getStatus() + ": " + breach));
    }

    private static boolean withConsoleSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null
                && Arrays.stream(cookies).anyMatch(cookie -> "HOLDFAST_SESSION".equals(cookie.getName()));
    }
}
