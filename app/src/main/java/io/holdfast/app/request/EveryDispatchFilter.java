package io.holdfast.app.request;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that also runs on the dispatch that completes an answer given later (a read waiting for
 * a version, a live update stream), so the correlation id, the actor and the access line follow
 * the request to its end.
 */
abstract class EveryDispatchFilter extends OncePerRequestFilter {

    @Override
    protected final boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
