-- TrunkOps routes (docs/adr/0009): every save is a new row in trunkops_route_version; trunkops_route holds the
-- latest version number per name, which a save locks and compares (optimistic locking).
-- InnoDB explicitly: ViciDial's own tables are MyISAM and many installs set default-storage-engine=MyISAM, but a
-- save must be one transaction with a row lock.
-- Names compare case-insensitively, as ViciDial's carrier_id does: routes US and us would be one carrier.

CREATE TABLE trunkops_route (
    name           VARCHAR(15)  NOT NULL,
    latest_version INT UNSIGNED NOT NULL,
    updated_at     DATETIME(3)  NOT NULL COMMENT 'UTC',
    updated_by     VARCHAR(100) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci
  COMMENT = 'TrunkOps: the latest version of each route';

CREATE TABLE trunkops_route_version (
    name       VARCHAR(15)  NOT NULL,
    version    INT UNSIGNED NOT NULL,
    route_text TEXT         NOT NULL COMMENT 'the route file format (docs/routes.md)',
    author     VARCHAR(100) NOT NULL,
    saved_at   DATETIME(3)  NOT NULL COMMENT 'UTC',
    comment    TEXT         NOT NULL,
    PRIMARY KEY (name, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci
  COMMENT = 'TrunkOps: every saved version of every route, never changed after the insert';
