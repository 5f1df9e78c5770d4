-- Projection "obligations": the obligations of one status (the open ones, above all) are read and
-- counted in due order from this index instead of walking every obligation ever filed.
create index ix_blocking_obligation_status_due on blocking_obligation (status, due_at, case_id, obligation_id);
