package io.holdfast.command.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads what screening compares against, as kept by {@link DesignationsProjection}. */
@Repository
class Designations {

    /** A designated address with what a flag must say about it. */
    record Designation(
            String list,
            long listVersion,
            String entryUid,
            String entryName,
            List<String> programs,
            String currency,
            String address) {}

    /** A list's current version, with the file it came from. */
    record ListVersion(String list, long version, LocalDate publicationDate, String digest, String fileName) {}

    /** A listed name (primary or alias) by its name key. */
    record ListedName(String list, String entryUid, String name, String key) {}

    private final JdbcTemplate jdbc;

    Designations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, ListVersion> currentVersions() {
        Map<String, ListVersion> versions = new HashMap<>();
        jdbc.query("select list_id, list_version, publication_date, digest, file_name from screening_list", row -> {
            versions.put(
                    row.getString(1),
                    new ListVersion(
                            row.getString(1),
                            row.getLong(2),
                            row.getObject(3, LocalDate.class),
                            row.getString(4),
                            row.getString(5)));
        });
        return versions;
    }

    /** Every designated address of every list, by address key: one hash lookup per screened address. */
    Map<String, List<Designation>> byAddressKey(Map<String, ListVersion> versions) {
        Map<String, List<Designation>> index = new HashMap<>();
        jdbc.query(
                "select d.list_id, d.address_key, d.entry_uid, d.currency, d.address, e.name, e.programs "
                        + "from screening_designation d join screening_entry e on e.list_id = d.list_id and e.entry_uid = d.entry_uid",
                row -> {
                    String list = row.getString(1);
                    ListVersion version = versions.get(list);
                    index.computeIfAbsent(row.getString(2), key -> new ArrayList<>(1))
                            .add(new Designation(
                                    list,
                                    version == null ? 0 : version.version(),
                                    row.getString(3),
                                    row.getString(6),
                                    programs(row.getString(7)),
                                    row.getString(4),
                                    row.getString(5)));
                });
        return index;
    }

    List<ListedName> listedNames() {
        return jdbc.query(
                "select list_id, entry_uid, name, name_key from screening_entry_name",
                (row, n) -> new ListedName(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    }

    private static List<String> programs(String text) {
        List<String> programs = new ArrayList<>();
        for (String program : text.split(";")) {
            if (!program.isBlank()) {
                programs.add(program.strip());
            }
        }
        return programs;
    }
}
