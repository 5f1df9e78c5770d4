package io.holdfast.command.screening;

import io.holdfast.command.screening.KnownAddress.AddressKind;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The exchange's accounts as screening knows them: holder name and known addresses. */
@Repository
class KnownAddresses {

    /** One account's registration: who holds it and the addresses it is known by. */
    record Registration(AccountId accountId, String holderName, List<KnownAddress> addresses) {}

    private final JdbcTemplate jdbc;

    KnownAddresses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes these the account's addresses, replacing those registered before. The account's row is
     * written first: its lock makes a second replacement of the same account wait for this one to
     * commit (or, for an account new to both, fail on the key and be done again), so two
     * replacements never mix.
     */
    void replace(Registration registration, Actor actor, Instant at) {
        String account = registration.accountId().value();
        int updated = jdbc.update(
                "update screened_account set holder_name = ?, name_key = ?, registered_at = ?, registered_by = ? "
                        + "where account_id = ?",
                registration.holderName(),
                NameKeys.keyOf(registration.holderName()),
                Times.toColumn(at),
                actor.userId(),
                account);
        if (updated == 0) {
            jdbc.update(
                    "insert into screened_account (account_id, holder_name, name_key, registered_at, registered_by) "
                            + "values (?, ?, ?, ?, ?)",
                    account,
                    registration.holderName(),
                    NameKeys.keyOf(registration.holderName()),
                    Times.toColumn(at),
                    actor.userId());
        }
        jdbc.update("delete from known_address where account_id = ?", account);
        jdbc.batchUpdate(insertAddress(), rows(registration, actor, at));
    }

    /** Adds these registrations' addresses (and holder names) to what is registered. */
    void add(List<Registration> registrations, Actor actor, Instant at) {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Registration registration : registrations) {
            for (KnownAddress known : registration.addresses()) {
                keys.add(new Object[] {
                    registration.accountId().value(), known.address().key()
                });
            }
            rows.addAll(rows(registration, actor, at));
        }
        holder(registrations, actor, at);
        jdbc.batchUpdate("delete from known_address where account_id = ? and address_key = ?", keys);
        jdbc.batchUpdate(insertAddress(), rows);
    }

    private void holder(List<Registration> registrations, Actor actor, Instant at) {
        List<Object[]> accounts = registrations.stream()
                .map(each -> new Object[] {each.accountId().value()})
                .toList();
        jdbc.batchUpdate("delete from screened_account where account_id = ?", accounts);
        jdbc.batchUpdate(
                "insert into screened_account (account_id, holder_name, name_key, registered_at, registered_by) "
                        + "values (?, ?, ?, ?, ?)",
                registrations.stream()
                        .map(each -> new Object[] {
                            each.accountId().value(),
                            each.holderName(),
                            NameKeys.keyOf(each.holderName()),
                            Times.toColumn(at),
                            actor.userId()
                        })
                        .toList());
    }

    private static String insertAddress() {
        return "insert into known_address (account_id, address_key, currency, address, kind, registered_at, registered_by) "
                + "values (?, ?, ?, ?, ?, ?, ?)";
    }

    private static List<Object[]> rows(Registration registration, Actor actor, Instant at) {
        return registration.addresses().stream()
                .map(known -> new Object[] {
                    registration.accountId().value(),
                    known.address().key(),
                    known.address().currency(),
                    known.address().address(),
                    known.kind() == null ? null : known.kind().name(),
                    Times.toColumn(at),
                    actor.userId()
                })
                .toList();
    }

    Optional<Registration> find(AccountId accountId) {
        List<String> holder = jdbc.queryForList(
                "select holder_name from screened_account where account_id = ?", String.class, accountId.value());
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        List<KnownAddress> addresses = jdbc.query(
                "select currency, address, kind from known_address where account_id = ? order by registered_at, address_key",
                (row, n) -> new KnownAddress(
                        new WalletAddress(row.getString(1), row.getString(2)),
                        row.getString(3) == null ? null : AddressKind.valueOf(row.getString(3))),
                accountId.value());
        return Optional.of(new Registration(accountId, holder.get(0), addresses));
    }

    /** A known address as screening reads it. */
    record Row(String accountId, String key, String currency, String address) {}

    interface RowVisitor {
        void visit(Row row);
    }

    /** Streams the known addresses, of one account or (account null) of all, without holding them. */
    void forEach(String accountId, RowVisitor visitor) {
        stream(
                "select account_id, address_key, currency, address from known_address",
                accountId,
                row -> visitor.visit(new Row(row.getString(1), row.getString(2), row.getString(3), row.getString(4))));
    }

    /** Holder names, of one account or (account null) of all, as (account, name, name key). */
    void forEachHolder(String accountId, HolderVisitor visitor) {
        stream(
                "select account_id, holder_name, name_key from screened_account",
                accountId,
                row -> visitor.visit(row.getString(1), row.getString(2), row.getString(3)));
    }

    /** Rows read a few thousand at a time (PostgreSQL streams only so, inside a transaction). */
    private void stream(String select, String accountId, RowCallbackHandler handler) {
        if (accountId == null) {
            jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement(select);
                        statement.setFetchSize(10_000);
                        return statement;
                    },
                    handler);
        } else {
            jdbc.query(select + " where account_id = ?", handler, accountId);
        }
    }

    interface HolderVisitor {
        void visit(String accountId, String holderName, String nameKey);
    }

    Optional<String> holderName(String accountId) {
        return jdbc
                .queryForList("select holder_name from screened_account where account_id = ?", String.class, accountId)
                .stream()
                .findFirst();
    }
}
