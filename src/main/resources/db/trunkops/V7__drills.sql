-- Failover drills (issue 12): one row per drill, written by the console beside its local drill journal, so every
-- console of the cluster sees the drill history and a drill running on a route from another console (preflight
-- refuses a second one). The local journal stays the source of truth for crash recovery (it is written before each
-- step; this table may lag or miss rows while the database is away). Times are UTC. InnoDB explicitly.

CREATE TABLE trunkops_drills (
    drill_id      VARCHAR(40)   NOT NULL COMMENT 'D<UTC start>-<32 random bits>',
    route         VARCHAR(15)   NOT NULL,
    trunk         VARCHAR(90)   NOT NULL COMMENT 'trunk A, TECH/peer',
    server_id     VARCHAR(64)   NOT NULL COMMENT 'the dialer the drill ran on',
    started_at    DATETIME(3)   NOT NULL,
    finished_at   DATETIME(3)   NULL COMMENT 'NULL while the drill runs (or was cut short and not yet recovered)',
    outcome       VARCHAR(20)   NULL COMMENT 'PASSED, FAILED, PREFLIGHT_FAILED, ABORTED',
    summary       VARCHAR(1000) NOT NULL DEFAULT '',
    PRIMARY KEY (drill_id),
    KEY open_by_route (route, finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci
  COMMENT = 'TrunkOps: failover drills (history; running drills per route)';
