-- Stored events are facts: the database refuses to change or remove them.
create function holdfast_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: its rows cannot be updated or deleted', tg_table_name
        using errcode = 'HF001';
end
$$;

create trigger domain_event_entry_append_only before update or delete on domain_event_entry
    for each row execute function holdfast_refuse_change();
