-- ViciDial's levers and pushes are journaled too (REROUTE_RESTORE, CARRIER_INACTIVE, ROUTE_PUSH): V2's 12
-- characters held only the ASTDB verbs, and a longer one failed the table write (the entry stayed local).
ALTER TABLE trunkops_audit
    MODIFY verb VARCHAR(32) NOT NULL COMMENT 'a trunkops.control.ControlVerb name';
