package io.holdfast.app.request;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, kept for a while so a
 * retry gets the first answer again, also after a restart. Scoped per caller: two callers may use
 * the same key.
 */
public class IdempotencyStore {

    /** The first answer to a request with a given key, or only its reservation while it is in progress. */
    public record StoredAnswer(
            String requestHash, Integer status, String body, String contentType, String etag, String location) {
        boolean isComplete() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredAnswer> find(String owner, String key, Instant now) {
        List<StoredAnswer> answers = jdbc.query(
                """
                        select request_hash, response_status, response_body, response_content_type, response_etag,
                               response_location
                          from idempotency_key
                         where owner = ? and idempotency_key = ? and expires_at > ?""",
                (row, i) -> new StoredAnswer(
                        row.getString(1),
                        (Integer) row.getObject(2),
                        row.getBytes(3) == null ? null : new String(row.getBytes(3), StandardCharsets.UTF_8),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)),
                owner,
                key,
                Timestamp.from(now));
        return answers.stream().findFirst();
    }

    /** Claims the key for a request; fails with a duplicate-key error while another holds it. */
    public void reserve(String owner, String key, String requestHash, Instant now, Instant expiresAt) {
        jdbc.update(
                "delete from idempotency_key where owner = ? and idempotency_key = ? and expires_at <= ?",
                owner,
                key,
                Timestamp.from(now));
        jdbc.update("""
                        insert into idempotency_key (owner, idempotency_key, request_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?)""", owner, key, requestHash, Timestamp.from(now), Timestamp.from(expiresAt));
    }

    public void complete(
            String owner, String key, int status, byte[] body, String contentType, String etag, String location) {
        jdbc.update("""
                        update idempotency_key
                           set response_status = ?, response_body = ?, response_content_type = ?, response_etag = ?,
                               response_location = ?
                         where owner = ? and idempotency_key = ?""", status, body, contentType, etag, location, owner, key);
    }

    public int forgetExpired(Instant now) {
        return jdbc.update("delete from idempotency_key where expires_at <= ?", Timestamp.from(now));
    }
}
