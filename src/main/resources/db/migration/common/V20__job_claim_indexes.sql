-- Claims read runnable jobs oldest first and count the jobs each owner and type is running: both by index,
-- so a claim costs the same with ten thousand jobs queued as with ten.
CREATE INDEX jobs_runnable_in_order ON jobs (run_after, created_at)
    WHERE status IN ('queued', 'processing', 'script_ready', 'continuity_checked', 'preview_ready');
CREATE INDEX jobs_leased_by_owner ON jobs (owner_id, lease_until);
CREATE INDEX jobs_leased_by_type ON jobs (type, lease_until);
