package io.holdfast.query.performance;

import java.util.List;
import java.util.Optional;
import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/**
 * The projections' token store, telling {@link SegmentClaimsListener}s whenever this node takes a
 * segment, lets one go, or learns that another node has taken one from it. Extending a claim it
 * still holds, and failing to take a segment another node holds, change nothing here and tell no one.
 */
public final class ClaimsWatchingTokenStore implements TokenStore {

    private final TokenStore tokens;
    private final List<SegmentClaimsListener> listeners;

    public ClaimsWatchingTokenStore(TokenStore tokens, List<SegmentClaimsListener> listeners) {
        this.tokens = tokens;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void initializeTokenSegments(@Nonnull String processorName, int segmentCount) {
        changing(processorName, () -> tokens.initializeTokenSegments(processorName, segmentCount));
    }

    @Override
    public void initializeTokenSegments(
            @Nonnull String processorName, int segmentCount, @Nullable TrackingToken initialToken) {
        changing(processorName, () -> tokens.initializeTokenSegments(processorName, segmentCount, initialToken));
    }

    @Override
    public void storeToken(@Nullable TrackingToken token, @Nonnull String processorName, int segment) {
        whileHeld(processorName, () -> tokens.storeToken(token, processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(@Nonnull String processorName, int segment) {
        TrackingToken token = tokens.fetchToken(processorName, segment);
        claimsChanged(processorName);
        return token;
    }

    @Override
    public TrackingToken fetchToken(@Nonnull String processorName, @Nonnull Segment segment) {
        TrackingToken token = tokens.fetchToken(processorName, segment);
        claimsChanged(processorName);
        return token;
    }

    @Override
    public void extendClaim(@Nonnull String processorName, int segment) {
        whileHeld(processorName, () -> tokens.extendClaim(processorName, segment));
    }

    @Override
    public void releaseClaim(@Nonnull String processorName, int segment) {
        changing(processorName, () -> tokens.releaseClaim(processorName, segment));
    }

    @Override
    public void initializeSegment(@Nullable TrackingToken token, @Nonnull String processorName, int segment) {
        changing(processorName, () -> tokens.initializeSegment(token, processorName, segment));
    }

    @Override
    public void deleteToken(@Nonnull String processorName, int segment) {
        changing(processorName, () -> tokens.deleteToken(processorName, segment));
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return tokens.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(@Nonnull String processorName) {
        return tokens.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(@Nonnull String processorName) {
        return tokens.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return tokens.retrieveStorageIdentifier();
    }

    /** A change to the segments this node holds, told whether it went through or not (it may have, in part). */
    private void changing(String processorName, Runnable change) {
        try {
            change.run();
        } finally {
            claimsChanged(processorName);
        }
    }

    /** A claim this node believed it held, found taken by another node (or gone): its hold has changed. */
    private void whileHeld(String processorName, Runnable update) {
        try {
            update.run();
        } catch (UnableToClaimTokenException lost) {
            claimsChanged(processorName);
            throw lost;
        }
    }

    private void claimsChanged(String processorName) {
        listeners.forEach(listener -> listener.claimsChanged(processorName));
    }
}
