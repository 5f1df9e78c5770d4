-- Stored events are facts: the database refuses to change or remove them.
create trigger domain_event_entry_append_only before update, delete on domain_event_entry
    for each row call "io.holdfast.app.storage.EventStoreAppendOnly";
