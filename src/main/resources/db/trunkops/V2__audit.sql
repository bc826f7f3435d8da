-- TrunkOps audit journal (docs/audit.md, issue 10): one row per operator action, written by the console after its
-- local journal (the local file is written first and forced to disk before the action is sent; this table is the
-- shared copy every console of the cluster reads). A row is inserted at begin and its completion filled in once;
-- a copy sent twice (a sync retried after the database was down) changes nothing: the id is the primary key.
-- InnoDB explicitly (ViciDial installs often default to MyISAM). The console's account needs SELECT, INSERT, UPDATE
-- here, never DELETE.

CREATE TABLE trunkops_audit (
    id           VARCHAR(40)   NOT NULL COMMENT 'yyyyMMddTHHmmss.SSSZ-<random hex>, made by the console',
    started_at   DATETIME(3)   NOT NULL COMMENT 'UTC: journaled, before the action was sent',
    completed_at DATETIME(3)   NULL     COMMENT 'UTC; NULL: begun and never completed (console stopped)',
    took_ms      INT UNSIGNED  NULL     COMMENT 'from send to the last read-back',
    outcome      VARCHAR(12)   NOT NULL COMMENT 'UNFINISHED, APPLIED (every dialer), PARTIAL, FAILED',
    actor        VARCHAR(100)  NOT NULL COMMENT 'who the console says acts',
    os_user      VARCHAR(100)  NOT NULL,
    console_host VARCHAR(255)  NOT NULL,
    role         VARCHAR(12)   NOT NULL COMMENT 'viewer, operator, engineer (the role policy)',
    verb         VARCHAR(12)   NOT NULL COMMENT 'OFFLINE, ONLINE, DRAIN, WEIGHT, MAX_CALLS',
    trunk        VARCHAR(100)  NOT NULL COMMENT 'TECH/peer',
    route        VARCHAR(15)   NULL,
    value        INT           NULL     COMMENT 'weight or max calls',
    until_at     DATETIME(3)   NULL     COMMENT 'UTC: when an offline or drain ends by itself',
    servers      TEXT          NOT NULL COMMENT 'dialers asked for, one per line; empty = every dialer with the trunk',
    before_text  TEXT          NOT NULL COMMENT 'the journal line format (docs/audit.md): value per dialer before',
    dialers_text TEXT          NOT NULL COMMENT 'the journal line format: outcome, detail and value after per dialer',
    reason       TEXT          NOT NULL,
    ticket       VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY trunkops_audit_started (started_at),
    KEY trunkops_audit_trunk (trunk, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci
  COMMENT = 'TrunkOps: the operator actions journal (issue 10)';
