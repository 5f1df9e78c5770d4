-- Projection "case-summaries": the case list by status reads its page in flag order from this index
-- instead of sorting every case of the status.
create index ix_case_summary_status_flagged_at on case_summary (status, flagged_at);
