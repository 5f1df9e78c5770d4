package io.holdfast.app.request;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.RequestPath;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, asking each mapping about the request's path before anything else.
 * Holdfast's paths carry case ids, so every request is held against every mapping, and Spring MVC
 * checks a mapping's method, parameters, headers and media types before its path: each through the
 * request wrappers of the filters (security, body limits), for mappings whose path could never match.
 * That was 8 % of Holdfast's CPU under load (BENCHMARKS.md, session 12). A mapping whose path does
 * not match is skipped as Spring MVC would skip it; the others are matched by Spring MVC as before,
 * and a request no mapping takes is still told why (405, 406, 415) by Spring MVC's own diagnosis.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && ServletRequestPathUtils.hasParsedRequestPath(request)
                && !anyMatches(paths, ServletRequestPathUtils.getParsedRequestPath(request))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean anyMatches(PathPatternsRequestCondition paths, RequestPath path) {
        for (PathPattern pattern : paths.getPatterns()) {
            if (pattern.matches(path.pathWithinApplication())) {
                return true;
            }
        }
        return paths.getPatterns().isEmpty();
    }
}
