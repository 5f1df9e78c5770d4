-- The JDBC storage engine (holdfast.event-store.engine=jdbc) leaves the global index to the database.
alter table domain_event_entry alter column global_index set default next value for domain_event_entry_seq;
