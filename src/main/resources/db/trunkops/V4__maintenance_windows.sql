-- Maintenance windows (issue 10 item 4): a trunk offline from/to, once or weekly, with reason and ticket, kept here
-- so they survive console restarts. applied_until / restored_until are the scheduler's marks (what it sent and read
-- back, what it cleaned up), so a restarted console re-sends nothing already applied. A removed window stays, with
-- who removed it and why. Times are UTC; weekly_at is local time in zone. InnoDB explicitly (ViciDial's are MyISAM).

CREATE TABLE trunkops_maintenance (
    maintenance_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    tech           VARCHAR(8)    NOT NULL COMMENT 'SIP, PJSIP or IAX2',
    peer           VARCHAR(80)   NOT NULL,
    server_ids     VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'comma-separated server_id; empty = every dialer with the trunk',
    starts_at      DATETIME(3)   NOT NULL COMMENT 'UTC; one-off: the start; weekly: the first possible start',
    ends_at        DATETIME(3)   NOT NULL COMMENT 'UTC; one-off: the end; weekly: no occurrence runs past it',
    weekly_days    VARCHAR(27)   NULL COMMENT 'MON,TUE,...; NULL = one-off',
    weekly_at      TIME          NULL COMMENT 'local start time in zone',
    weekly_minutes INT UNSIGNED  NULL COMMENT 'length of each occurrence',
    zone           VARCHAR(64)   NULL COMMENT 'time zone id of weekly_at',
    reason         VARCHAR(500)  NOT NULL,
    ticket         VARCHAR(64)   NOT NULL DEFAULT '',
    created_by     VARCHAR(100)  NOT NULL,
    created_at     DATETIME(3)   NOT NULL COMMENT 'UTC',
    applied_until  DATETIME(3)   NULL COMMENT 'UTC; the until last applied and read back on every target',
    restored_until DATETIME(3)   NULL COMMENT 'UTC; the until whose expired flags were cleaned up',
    removed_at     DATETIME(3)   NULL COMMENT 'UTC; NULL while the window stands',
    removed_by     VARCHAR(100)  NULL,
    removed_reason VARCHAR(500)  NULL,
    PRIMARY KEY (maintenance_id),
    KEY standing (removed_at, ends_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci
  COMMENT = 'TrunkOps: maintenance windows (planned offline of a trunk)';
