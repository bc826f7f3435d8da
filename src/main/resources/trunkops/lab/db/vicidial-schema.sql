-- ViciDial tables the TrunkOps console and lab read and write, with ViciDial's own names, types, defaults,
-- engines and indexes, checked against extras/MySQL_AST_CREATE_tables.sql of BezaluLLC/ViciDial @ f1430484
-- (schema 1728, "create.sql" below; line numbers refer to that file). Written for the lab; not a copy of that file.
--
-- Database: CREATE DATABASE asterisk DEFAULT CHARACTER SET utf8 COLLATE utf8_unicode_ci (docs/BASE_INSTALL.txt
-- ~251, docs/SCRATCH_INSTALL.txt ~1602); on MariaDB 10.11 utf8 means utf8mb3. LabDatabase creates it that way.
-- create.sql names no table charset except on vicidial_peer_event_log, so tables inherit the database default.
--
-- Executed statement by statement over JDBC (ViciDialSchema): statements end with ';' at the end of a line;
-- lines starting with '--' are comments.
--
-- Complete tables: servers (58 columns), live_channels, call_log, vicidial_lists (45 columns), vicidial_admin_log,
-- vicidial_conf_templates, vicidial_server_carriers, vicidial_log, vicidial_carrier_log, vicidial_dial_log,
-- vicidial_peer_event_log.
-- Partial tables (see the comment above each): vicidial_campaigns, system_settings.

-- create.sql 115-176
CREATE TABLE servers (
server_id VARCHAR(10) NOT NULL,
server_description VARCHAR(255),
server_ip VARCHAR(15) NOT NULL,
active ENUM('Y','N'),
asterisk_version VARCHAR(20) default '1.4.21.2',
max_vicidial_trunks SMALLINT(4) default '23',
telnet_host VARCHAR(20) NOT NULL default 'localhost',
telnet_port INT(5) NOT NULL default '5038',
ASTmgrUSERNAME VARCHAR(20) NOT NULL default 'cron',
ASTmgrSECRET VARCHAR(20) NOT NULL default '1234',
ASTmgrUSERNAMEupdate VARCHAR(20) NOT NULL default 'updatecron',
ASTmgrUSERNAMElisten VARCHAR(20) NOT NULL default 'listencron',
ASTmgrUSERNAMEsend VARCHAR(20) NOT NULL default 'sendcron',
local_gmt VARCHAR(6) default '-5.00',
voicemail_dump_exten VARCHAR(20) NOT NULL default '85026666666666',
answer_transfer_agent VARCHAR(20) NOT NULL default '8365',
ext_context VARCHAR(20) NOT NULL default 'default',
sys_perf_log ENUM('Y','N') default 'N',
vd_server_logs ENUM('Y','N') default 'Y',
agi_output ENUM('NONE','STDERR','FILE','BOTH') default 'FILE',
vicidial_balance_active ENUM('Y','N') default 'N',
balance_trunks_offlimits SMALLINT(5) UNSIGNED default '0',
recording_web_link ENUM('SERVER_IP','ALT_IP','EXTERNAL_IP') default 'SERVER_IP',
alt_server_ip VARCHAR(100) default '',
active_asterisk_server ENUM('Y','N') default 'Y',
generate_vicidial_conf ENUM('Y','N') default 'Y',
rebuild_conf_files ENUM('Y','N') default 'Y',
outbound_calls_per_second SMALLINT(3) UNSIGNED default '5',
sysload INT(6) NOT NULL default '0',
channels_total SMALLINT(4) UNSIGNED NOT NULL default '0',
cpu_idle_percent SMALLINT(3) UNSIGNED NOT NULL default '0',
disk_usage VARCHAR(255) default '1',
sounds_update ENUM('Y','N') default 'N',
vicidial_recording_limit MEDIUMINT(8) default '60',
carrier_logging_active ENUM('Y','N') default 'Y',
vicidial_balance_rank TINYINT(3) UNSIGNED default '0',
rebuild_music_on_hold ENUM('Y','N') default 'Y',
active_agent_login_server ENUM('Y','N') default 'Y',
conf_secret VARCHAR(100) default 'test',
external_server_ip VARCHAR(100) default '',
custom_dialplan_entry TEXT,
active_twin_server_ip VARCHAR(15) default '',
user_group VARCHAR(20) default '---ALL---',
audio_store_purge TEXT,
svn_revision INT(9) default '0',
svn_info TEXT,
system_uptime VARCHAR(255) default '',
auto_restart_asterisk ENUM('Y','N') default 'N',
asterisk_temp_no_restart ENUM('Y','N') default 'N',
voicemail_dump_exten_no_inst VARCHAR(20) default '85026666666667',
gather_asterisk_output ENUM('Y','N') default 'N',
web_socket_url VARCHAR(255) default '',
conf_qualify ENUM('Y','N') default 'Y',
routing_prefix VARCHAR(10) default '13',
external_web_socket_url VARCHAR(255) default '',
conf_engine ENUM('MEETME','CONFBRIDGE') COLLATE utf8_unicode_ci DEFAULT 'MEETME',
conf_update_interval SMALLINT(6) NOT NULL DEFAULT '60',
ara_url TEXT
) ENGINE=MyISAM;

CREATE UNIQUE INDEX server_id on servers (server_id);

-- create.sql 178-184; switched to MEMORY at the end of create.sql (~5350): empty after a restart, hash indexes.
CREATE TABLE live_channels (
channel VARCHAR(100) NOT NULL,
server_ip VARCHAR(15) NOT NULL,
channel_group VARCHAR(30),
extension VARCHAR(100),
channel_data VARCHAR(100)
) ENGINE=MEMORY;

-- create.sql 264-282, plus the three indexes added at ~5486-5488.
CREATE TABLE call_log (
uniqueid VARCHAR(20) PRIMARY KEY NOT NULL,
channel VARCHAR(100),
channel_group VARCHAR(30),
type VARCHAR(10),
server_ip VARCHAR(15),
extension VARCHAR(100),
number_dialed VARCHAR(15),
caller_code VARCHAR(20),
start_time DATETIME,
start_epoch INT(10),
end_time DATETIME,
end_epoch INT(10),
length_in_sec INT(10),
length_in_min DOUBLE(8,2),
index (caller_code),
index (server_ip),
index (channel)
) ENGINE=MyISAM;

CREATE INDEX start_time on call_log (start_time);
CREATE INDEX end_time on call_log (end_time);
CREATE INDEX time on call_log (start_time,end_time);

-- create.sql 780-1139 has 358 columns. Kept, in create.sql order and with its types and defaults: identity and state,
-- everything that decides the dial string and its timing (dial_prefix, manual_dial_prefix, three_way_dial_prefix,
-- omit_phone_code, dial_timeout, manual_dial_timeout, dial_timeout_lead_container, campaign_vdad_exten), caller ID
-- (campaign_cid, use_custom_cid, cid_group_id, cid_group_id_two), pacing (dial_method, auto_dial_level, hopper_level,
-- adaptive_maximum_level, available_only_ratio_tally, drop_call_seconds, queue_priority), auto_alt_dial, dial
-- statuses, local_call_time, dates, user_group and sip_event_logging (32 columns). Left out: the other 326 columns (agent screen,
-- scripts, web forms, recording, transfer presets, surveys, QC, callbacks, AMD/CPD, vtiger/QueueMetrics, quotas,
-- custom_one..five and similar); none of them bears on carriers or routing.
CREATE TABLE vicidial_campaigns (
campaign_id VARCHAR(8) PRIMARY KEY NOT NULL,
campaign_name VARCHAR(40),
active ENUM('Y','N'),
lead_order VARCHAR(30),
hopper_level INT(8) UNSIGNED default '1',
auto_dial_level VARCHAR(6) default '0',
local_call_time VARCHAR(10) DEFAULT '9am-9pm',
dial_timeout TINYINT UNSIGNED default '60',
dial_prefix VARCHAR(20) default '9',
campaign_cid VARCHAR(20) default '0000000000',
campaign_vdad_exten VARCHAR(20) default '8368',
drop_call_seconds TINYINT(3) default '5',
omit_phone_code ENUM('Y','N') default 'N',
dial_method ENUM('MANUAL','RATIO','ADAPT_HARD_LIMIT','ADAPT_TAPERED','ADAPT_AVERAGE','INBOUND_MAN','SHARED_RATIO','SHARED_ADAPT_HARD_LIMIT','SHARED_ADAPT_TAPERED','SHARED_ADAPT_AVERAGE') default 'MANUAL',
available_only_ratio_tally ENUM('Y','N') default 'N',
adaptive_maximum_level VARCHAR(6) default '3.0',
auto_alt_dial ENUM('NONE','ALT_ONLY','ADDR3_ONLY','ALT_AND_ADDR3','ALT_AND_EXTENDED','ALT_AND_ADDR3_AND_EXTENDED','EXTENDED_ONLY','MULTI_LEAD') default 'NONE',
campaign_description VARCHAR(255),
campaign_changedate DATETIME,
campaign_logindate DATETIME,
dial_statuses VARCHAR(255) default ' NEW -',
queue_priority TINYINT(2) default '50',
three_way_dial_prefix VARCHAR(20) default '',
campaign_calldate DATETIME,
use_custom_cid ENUM('Y','N','AREACODE','USER_CUSTOM_1','USER_CUSTOM_2','USER_CUSTOM_3','USER_CUSTOM_4','USER_CUSTOM_5') default 'N',
manual_dial_prefix VARCHAR(20) default '',
user_group VARCHAR(20) default '---ALL---',
manual_dial_timeout VARCHAR(3) default '',
cid_group_id VARCHAR(20) default '---DISABLED---',
sip_event_logging VARCHAR(40) default 'DISABLED',
dial_timeout_lead_container VARCHAR(40) default 'DISABLED',
cid_group_id_two VARCHAR(20) default '---DISABLED---'
) ENGINE=MyISAM;

-- create.sql 1141-1187 (dial_prefix added in 2.14, upgrade_2.14.sql ~1938)
CREATE TABLE vicidial_lists (
list_id BIGINT(14) UNSIGNED PRIMARY KEY NOT NULL,
list_name VARCHAR(30),
campaign_id VARCHAR(8),
active ENUM('Y','N'),
list_description VARCHAR(255),
list_changedate DATETIME,
list_lastcalldate DATETIME,
reset_time VARCHAR(100) default '',
agent_script_override VARCHAR(20) default '',
campaign_cid_override VARCHAR(20) default '',
am_message_exten_override VARCHAR(100) default '',
drop_inbound_group_override VARCHAR(20) default '',
xferconf_a_number VARCHAR(50) default '',
xferconf_b_number VARCHAR(50) default '',
xferconf_c_number VARCHAR(50) default '',
xferconf_d_number VARCHAR(50) default '',
xferconf_e_number VARCHAR(50) default '',
web_form_address TEXT,
web_form_address_two TEXT,
time_zone_setting ENUM('COUNTRY_AND_AREA_CODE','POSTAL_CODE','NANPA_PREFIX','OWNER_TIME_ZONE_CODE') default 'COUNTRY_AND_AREA_CODE',
inventory_report ENUM('Y','N') default 'Y',
expiration_date DATE default '2099-12-31',
na_call_url TEXT,
local_call_time VARCHAR(10) NOT NULL DEFAULT 'campaign',
web_form_address_three TEXT,
status_group_id VARCHAR(20) default '',
user_new_lead_limit SMALLINT(5) default '-1',
inbound_list_script_override VARCHAR(20),
default_xfer_group VARCHAR(20) default '---NONE---',
daily_reset_limit SMALLINT(5) default '-1',
resets_today SMALLINT(5) UNSIGNED default '0',
auto_active_list_rank SMALLINT(5) default '0',
cache_count INT(9) UNSIGNED default '0',
cache_count_new INT(9) UNSIGNED default '0',
cache_count_dialable_new INT(9) UNSIGNED default '0',
cache_date DATETIME,
inbound_drop_voicemail VARCHAR(20),
inbound_after_hours_voicemail VARCHAR(20),
qc_scorecard_id VARCHAR(20) DEFAULT '',
qc_statuses_id VARCHAR(20) DEFAULT '',
qc_web_form_address VARCHAR(255) DEFAULT '',
auto_alt_threshold TINYINT(3) default '-1',
cid_group_id VARCHAR(20) default '---DISABLED---',
dial_prefix VARCHAR(20) default '',
weekday_resets_container VARCHAR(40) default 'DISABLED'
) ENGINE=MyISAM;

-- create.sql 1804-2060 has 255 columns and no key (one row). Kept, in create.sql order: version and install data,
-- db_schema_version/db_schema_update_date (feature detection), auto-dial switches and CPS caps, custom dialplan,
-- replica settings (slave_db_server, reports_use_slave_db, custom_reports_use_slave_db), cross-server extens,
-- default_local_gmt, svn data, enhanced_disconnect_logging, reload_timestamp, frozen_server_call_clear,
-- call_menu_qualify_enabled, cache_carrier_stats_realtime, sip_event_logging, opensips_cid_name (read by
-- FastAGI_log), allowed_sip_stacks and highest_lead_id (read by FastAGI_log). Left out: the other 225 columns (agent
-- screen, web/report options, QueueMetrics/vtiger, voicemail, email/chat, QC, label and phone-defaults settings).
CREATE TABLE system_settings (
version VARCHAR(50),
install_date VARCHAR(50),
use_non_latin ENUM('0','1') default '0',
db_schema_version INT(8) UNSIGNED default '0',
vdc_agent_api_active ENUM('0','1') default '0',
outbound_autodial_active ENUM('1','0') default '1',
outbound_calls_per_second SMALLINT(3) UNSIGNED default '10',
active_voicemail_server VARCHAR(15) default '',
auto_dial_limit VARCHAR(5) default '4',
allow_custom_dialplan ENUM('0','1') default '1',
db_schema_update_date DATETIME,
custom_dialplan_entry TEXT,
slave_db_server VARCHAR(50) default '',
reports_use_slave_db VARCHAR(4000) default '',
first_login_trigger ENUM('Y','N') default 'N',
generate_cross_server_exten ENUM('0','1') default '0',
default_local_gmt VARCHAR(6) default '-5.00',
svn_version VARCHAR(100) default '',
call_menu_qualify_enabled ENUM('0','1') default '0',
svn_revision INT(9) default '0',
enhanced_disconnect_logging ENUM('0','1','2','3','4','5','6') default '0',
disable_auto_dial ENUM('0','1') default '0',
reload_timestamp DATETIME,
frozen_server_call_clear ENUM('0','1') default '0',
custom_reports_use_slave_db VARCHAR(2000) default '',
cache_carrier_stats_realtime ENUM('0','1') default '0',
sip_event_logging ENUM('0','1','2','3','4','5','6','7') default '0',
opensips_cid_name ENUM('0','1') default '0',
allowed_sip_stacks ENUM('SIP','PJSIP','SIP_and_PJSIP') default 'SIP',
highest_lead_id VARCHAR(20) default '0'
) ENGINE=MyISAM;

-- create.sql 2285-2300
CREATE TABLE vicidial_admin_log (
admin_log_id INT(9) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
event_date DATETIME NOT NULL,
user VARCHAR(20) NOT NULL,
ip_address VARCHAR(15) NOT NULL,
event_section VARCHAR(30) NOT NULL,
event_type ENUM('ADD','COPY','LOAD','RESET','MODIFY','DELETE','SEARCH','LOGIN','LOGOUT','CLEAR','OVERRIDE','EXPORT','OTHER') default 'OTHER',
record_id VARCHAR(50) NOT NULL,
event_code VARCHAR(255) NOT NULL,
event_sql MEDIUMTEXT,
event_notes MEDIUMTEXT,
user_group VARCHAR(20) default '---ALL---',
index (user),
index (event_section),
index (record_id)
) ENGINE=MyISAM;

-- create.sql 2456-2462
CREATE TABLE vicidial_conf_templates (
template_id VARCHAR(15) NOT NULL,
template_name VARCHAR(50) NOT NULL,
template_contents TEXT,
user_group VARCHAR(20) default '---ALL---',
unique index (template_id)
) ENGINE=MyISAM;

-- create.sql 2464-2479
CREATE TABLE vicidial_server_carriers (
carrier_id VARCHAR(15) NOT NULL,
carrier_name VARCHAR(50) NOT NULL,
registration_string VARCHAR(255),
template_id VARCHAR(15) NOT NULL,
account_entry TEXT,
protocol ENUM('SIP','PJSIP','PJSIP_WIZ','Zap','IAX2','EXTERNAL') default 'SIP',
globals_string VARCHAR(255),
dialplan_entry TEXT,
server_ip VARCHAR(15) NOT NULL,
active ENUM('Y','N') default 'Y',
carrier_description VARCHAR(255),
user_group VARCHAR(20) default '---ALL---',
unique index(carrier_id),
index (server_ip)
) ENGINE=MyISAM;

-- The outbound call log (AST_VDauto_dial.pl / agi-VDAD_ALL_outbound.agi / FastAGI_log.pl): one row per auto-dial
-- call with its campaign and list. PRIMARY(uniqueid), index(lead_id), index(call_date) only. For answered calls the
-- uniqueid is the other half of the Local channel pair (vicidial.md Correction 12), so the carrier log joins it on
-- lead_id plus the uniqueid's 10-digit epoch, as ViciDial's own carrier export does.
CREATE TABLE vicidial_log (
uniqueid VARCHAR(20) PRIMARY KEY NOT NULL,
lead_id INT(9) UNSIGNED NOT NULL,
list_id BIGINT(14) UNSIGNED,
campaign_id VARCHAR(8),
call_date DATETIME,
start_epoch INT(10) UNSIGNED,
end_epoch INT(10) UNSIGNED,
length_in_sec INT(10),
status VARCHAR(6),
phone_code VARCHAR(10),
phone_number VARCHAR(18),
user VARCHAR(20),
comments VARCHAR(255),
processed ENUM('Y','N'),
user_group VARCHAR(20),
term_reason ENUM('CALLER','AGENT','QUEUETIMEOUT','ABANDON','AFTERHOURS','NONE','SYSTEM') default 'NONE',
alt_dial VARCHAR(6) default 'NONE',
called_count SMALLINT(5) UNSIGNED default '0',
index (lead_id),
index (call_date)
) ENGINE=MyISAM;

-- create.sql 2575-2589: no carrier column; PRIMARY(uniqueid), index(call_date), index(lead_id) only.
CREATE TABLE vicidial_carrier_log (
uniqueid VARCHAR(20) PRIMARY KEY NOT NULL,
call_date DATETIME,
server_ip VARCHAR(15) NOT NULL,
lead_id INT(9) UNSIGNED,
hangup_cause TINYINT(1) UNSIGNED default '0',
dialstatus VARCHAR(16),
channel VARCHAR(100),
dial_time SMALLINT(3) UNSIGNED default '0',
answered_time SMALLINT(4) UNSIGNED default '0',
sip_hangup_cause SMALLINT(4) UNSIGNED default '0',
sip_hangup_reason VARCHAR(50) default '',
caller_code VARCHAR(30) default '',
index (call_date),
index (lead_id)
) ENGINE=MyISAM;

-- create.sql 3315-3330
CREATE TABLE vicidial_dial_log (
caller_code VARCHAR(30) NOT NULL,
lead_id INT(9) UNSIGNED default '0',
server_ip VARCHAR(15),
call_date DATETIME,
extension VARCHAR(100) default '',
channel VARCHAR(100) default '',
context VARCHAR(100) default '',
timeout MEDIUMINT(7) UNSIGNED default '0',
outbound_cid VARCHAR(100) default '',
sip_hangup_cause SMALLINT(4) UNSIGNED default '0',
sip_hangup_reason VARCHAR(50) default '',
uniqueid VARCHAR(20) default '',
index (caller_code),
index (lead_id),
index (call_date)
) ENGINE=MyISAM;

-- create.sql 4736-4751: the only table in this set with its own charset; a fresh install starts the key at 630320.
CREATE TABLE vicidial_peer_event_log (
`peer_event_id` INT(9) UNSIGNED NOT NULL AUTO_INCREMENT,
`event_type` ENUM('UNKNOWN','REGISTERED','UNREGISTERED','REACHABLE','LAGGED','UNREACHABLE','RTPDISCONNECT','CRITICALTIMEOUT') COLLATE utf8_unicode_ci DEFAULT 'UNKNOWN',
`event_date` DATETIME(6) NOT NULL,
`channel` VARCHAR(100) COLLATE utf8_unicode_ci DEFAULT '',
`server_ip` VARCHAR(15) COLLATE utf8_unicode_ci NOT NULL,
`host_ip` VARCHAR(15) COLLATE utf8_unicode_ci DEFAULT '',
`port` SMALLINT(6) DEFAULT NULL,
`channel_type` ENUM('IAX2','SIP','PJSIP') COLLATE utf8_unicode_ci DEFAULT NULL,
`peer` VARCHAR(100) COLLATE utf8_unicode_ci DEFAULT '',
`data` VARCHAR(255) COLLATE utf8_unicode_ci DEFAULT '',
PRIMARY KEY (`peer_event_id`),
KEY `event_date` (`event_date`),
KEY `peer` (`peer`),
KEY `channel` (`channel`)
) ENGINE=MyISAM AUTO_INCREMENT=630320 DEFAULT CHARSET=utf8
COLLATE=utf8_unicode_ci;
