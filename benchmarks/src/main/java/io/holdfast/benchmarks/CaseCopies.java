package io.holdfast.benchmarks;

/**
 * Copies template case histories in the event store under new case and account ids (the case id
 * with {@code -c<n>}, its account {@code ACC-<case id>-c<n>}), in global-index order within each
 * copy: a large store of real events without writing each through Holdfast.
 */
final class CaseCopies {

    private CaseCopies() {}

    /** Copies {@code first} to {@code last} of the events matched by {@code templates} (an SQL condition on {@code e}). */
    static String sql(Store store, String templates, long first, long last) {
        return store == Store.H2 ? """
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            payload_type, payload_revision, payload, meta_data, time_stamp)
                        select e.aggregate_identifier || '-c' || g.x, e.sequence_number, e.type,
                            e.event_identifier || '-c' || g.x, e.payload_type, e.payload_revision,
                            stringtoutf8(replace(replace(utf8tostring(cast(e.payload as varbinary)),
                                '"ACC-' || e.aggregate_identifier || '"', '"ACC-' || e.aggregate_identifier || '-c' || g.x || '"'),
                                '"' || e.aggregate_identifier || '"', '"' || e.aggregate_identifier || '-c' || g.x || '"')),
                            e.meta_data, e.time_stamp
                        from (select * from domain_event_entry e where %s) e
                        cross join system_range(%d, %d) g
                        order by g.x, e.global_index""".formatted(templates, first, last) : """
                        insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                            payload_type, payload_revision, payload, meta_data, time_stamp)
                        select nextval('domain_event_entry_seq'), e.aggregate_identifier || '-c' || g, e.sequence_number, e.type,
                            e.event_identifier || '-c' || g, e.payload_type, e.payload_revision,
                            convert_to(replace(replace(convert_from(e.payload, 'UTF8'),
                                '"ACC-' || e.aggregate_identifier || '"', '"ACC-' || e.aggregate_identifier || '-c' || g || '"'),
                                '"' || e.aggregate_identifier || '"', '"' || e.aggregate_identifier || '-c' || g || '"'), 'UTF8'),
                            e.meta_data, e.time_stamp
                        from (select * from domain_event_entry e where %s) e
                        cross join generate_series(%d, %d) g
                        order by g, e.global_index""".formatted(templates, first, last);
    }
}
