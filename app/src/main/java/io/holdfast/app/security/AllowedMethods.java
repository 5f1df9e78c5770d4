package io.holdfast.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The methods Holdfast answers on a path, read once from Spring MVC's mappings. Authorization
 * denies every method it has no rule for; a method no handler answers on a path that exists is
 * then told apart as a 405 naming the methods that are answered, as HTTP asks.
 */
final class AllowedMethods {

    private record Route(Set<PathPattern> patterns, Set<RequestMethod> methods) {}

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<Route> routes;

    AllowedMethods(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The methods answered on the request's path; empty when no handler answers there or every method is. */
    Set<String> on(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.patterns().stream().anyMatch(pattern -> pattern.matches(path))) {
                if (route.methods().isEmpty()) {
                    return Set.of();
                }
                route.methods().forEach(method -> allowed.add(method.name()));
            }
        }
        return allowed;
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            known = mapping == null
                    ? List.of()
                    : mapping.getHandlerMethods().keySet().stream()
                            .filter(info -> info.getPathPatternsCondition() != null)
                            .map(AllowedMethods::route)
                            .toList();
            routes = known;
        }
        return known;
    }

    private static Route route(RequestMappingInfo info) {
        return new Route(
                info.getPathPatternsCondition().getPatterns(),
                info.getMethodsCondition().getMethods());
    }
}
