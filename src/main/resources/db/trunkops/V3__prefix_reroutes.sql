-- ViciDial's own levers (issue 10): a campaign's or list's dial_prefix moved to another carrier's pattern, with the
-- prefix it had before, so the way back restores exactly that. One row per reroute; restored_at is set when it is
-- undone. InnoDB explicitly (ViciDial's tables are MyISAM).

CREATE TABLE trunkops_prefix_reroute (
    reroute_id   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    kind         VARCHAR(8)   NOT NULL COMMENT 'CAMPAIGN or LIST',
    record_id    VARCHAR(20)  NOT NULL COMMENT 'campaign_id or list_id',
    old_prefix   VARCHAR(20)  NOT NULL,
    new_prefix   VARCHAR(20)  NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    ticket       VARCHAR(64)  NOT NULL DEFAULT '',
    created_at   DATETIME(3)  NOT NULL COMMENT 'UTC',
    restored_at  DATETIME(3)  NULL COMMENT 'UTC; NULL while the reroute stands',
    restored_by  VARCHAR(100) NULL,
    PRIMARY KEY (reroute_id),
    KEY open_reroute (kind, record_id, restored_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci
  COMMENT = 'TrunkOps: dial prefix reroutes and the prefix to go back to';
