-- Projection "case-summaries": the case list's order is flag time, newest first, then case id; with the
-- case id in the index, cases flagged at the same instant (a screening run opens many) are read in
-- order too instead of all fetched and sorted.
drop index ix_case_summary_flagged_at;
drop index ix_case_summary_status_flagged_at;
create index ix_case_summary_list_order on case_summary (flagged_at desc, case_id);
create index ix_case_summary_status_list_order on case_summary (status, flagged_at desc, case_id);
