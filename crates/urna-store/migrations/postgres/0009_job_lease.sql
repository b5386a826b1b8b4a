-- Job leases: the process running a job renews lease_until (Unix microseconds) while it works;
-- a running job whose lease has run out was left by a process that died, and another start
-- may take it over, raising attempt. Jobs from before this migration have no lease: they were
-- left by an older server, so they count as expired.
ALTER TABLE jobs ADD COLUMN lease_until BIGINT;
ALTER TABLE jobs ADD COLUMN attempt BIGINT NOT NULL DEFAULT 1 CHECK (attempt >= 1);
-- At most one running job of a kind per election: two counts of one election never run at
-- once. Older servers could leave several; all but the newest are failed first.
UPDATE jobs SET state = 'failed', message = 'interrupted by a restart'
 WHERE state = 'running'
   AND id NOT IN (SELECT MAX(id) FROM jobs WHERE state = 'running' GROUP BY election_id, kind);
CREATE UNIQUE INDEX jobs_one_running ON jobs (election_id, kind) WHERE state = 'running';
