package io.holdfast.query.sanctions;

import io.holdfast.kernel.sanctions.AddressKeys;
import io.holdfast.kernel.sanctions.FindEntriesByAddress;
import io.holdfast.kernel.sanctions.FindHeldListVersion;
import io.holdfast.kernel.sanctions.FindListVersion;
import io.holdfast.kernel.sanctions.HeldListVersion;
import io.holdfast.kernel.sanctions.ListSanctionsLists;
import io.holdfast.kernel.sanctions.ListVersionDifference;
import io.holdfast.kernel.sanctions.ListVersionSummary;
import io.holdfast.kernel.sanctions.ListedEntries;
import io.holdfast.kernel.sanctions.ListedEntry;
import io.holdfast.kernel.sanctions.SanctionsListView;
import io.holdfast.kernel.sanctions.SanctionsListsView;
import io.holdfast.query.readmodel.ReadModelJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers the sanctions-list reads from the "sanctions-lists" projection's tables. */
@Component
class SanctionsListQueries {

    private final JdbcTemplate jdbc;

    SanctionsListQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    SanctionsListsView handle(ListSanctionsLists query) {
        Map<String, List<ListVersionSummary>> byList = new LinkedHashMap<>();
        jdbc.query("select list_id, summary from sanctions_list_version order by list_id, version desc", row -> {
            byList.computeIfAbsent(row.getString(1), list -> new ArrayList<>())
                    .add(ReadModelJson.read(row.getString(2), ListVersionSummary.class));
        });
        Map<String, HeldListVersion> held = new LinkedHashMap<>();
        jdbc.query("select list_id, held from sanctions_list_held", row -> {
            held.put(row.getString(1), ReadModelJson.read(row.getString(2), HeldListVersion.class));
        });
        List<SanctionsListView> lists = new ArrayList<>();
        byList.forEach((list, versions) ->
                lists.add(new SanctionsListView(list, versions.get(0).version(), versions, held.get(list))));
        return new SanctionsListsView(lists);
    }

    @QueryHandler
    HeldListVersion handle(FindHeldListVersion query) {
        return jdbc
                .queryForList("select held from sanctions_list_held where list_id = ?", String.class, query.list())
                .stream()
                .map(json -> ReadModelJson.read(json, HeldListVersion.class))
                .findFirst()
                .orElse(null);
    }

    @QueryHandler
    ListVersionDifference handle(FindListVersion query) {
        return jdbc
                .queryForList(
                        "select difference from sanctions_list_version where list_id = ? and version = ?",
                        String.class,
                        query.list(),
                        query.version())
                .stream()
                .map(json -> ReadModelJson.read(json, ListVersionDifference.class))
                .findFirst()
                .orElse(null);
    }

    @QueryHandler
    ListedEntries handle(FindEntriesByAddress query) {
        String key = AddressKeys.keyOf(query.address());
        List<ListedEntry> entries = jdbc
                .queryForList(
                        "select e.document from sanctions_entry_address a "
                                + "join sanctions_entry e on e.list_id = a.list_id and e.entry_uid = a.entry_uid "
                                + "where a.address_key = ? order by a.list_id, a.entry_uid",
                        String.class,
                        key)
                .stream()
                .map(json -> ReadModelJson.read(json, ListedEntry.class))
                .toList();
        return new ListedEntries(query.address(), key, entries);
    }
}
