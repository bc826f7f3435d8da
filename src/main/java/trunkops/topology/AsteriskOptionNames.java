package trunkops.topology;

import java.util.Map;
import java.util.Set;

/**
 * The option names Asterisk actually parses in a trunk's section, taken from the Asterisk 20 sources (the same
 * names are parsed by 11, 13, 16 and 18): chan_sip {@code build_peer}, {@code handle_common_options},
 * {@code handle_t38_options}, the DTLS and call-completion parameters; chan_iax2 {@code build_peer} and
 * {@code build_user}; the res_pjsip sorcery fields of endpoint, aor, identify, auth and registration objects and
 * the pjsip_wizard keys. Anything else is flagged: chan_sip and chan_iax2 ignore unknown keys silently, res_pjsip
 * refuses to create the whole object.
 */
public final class AsteriskOptionNames {

    private AsteriskOptionNames() {
    }

    public static final Set<String> CHAN_SIP = words("""
            accountcode acl allow allowoverlap allowsubscribe allowtransfer amaflags auth autoframing avpf
            buggymwi busylevel call-limit callbackextension callcounter callerid callgroup callingpres
            canreinvite cid_number cid_tag contactacl contactdeny contactpermit context defaultip defaultuser
            deny description directmedia directmediaacl directmediadeny directmediapermit disallow
            disallowed_methods discard_remote_hold_retrieval dtmfmode encryption encryption_taglen faxdetect
            force_avp fromdomain fromuser fullcontact fullname g726nonstandard hasvoicemail header host
            icesupport ignore_requested_pref ignoresdpversion insecure ipaddr keepalive language lastms mailbox
            maxcallbitrate maxforwards md5secret mohinterpret mohsuggest mwi_from name namedcallgroup
            namedpickupgroup nat outboundproxy outofcall_message_context parkinglot permit pickupgroup port
            preferred_codec_only progressinband promiscredir qualify qualifyfreq recordofffeature
            recordonfeature regexten regseconds remotesecret rfc2833compensate rpid_immediate rpid_update
            rtcp_mux rtp_engine rtpholdtimeout rtpkeepalive rtptimeout secret sendrpid session-expires
            session-minse session-refresher session-timers setvar snom_aoc_enabled subscribecontext
            subscribemwi supportpath t38pt_udptl t38pt_usertpsource textsupport timerb timert1 tonezone
            transport trunkname trust_id_outbound trustrpid type unsolicited_mailbox use_q850_reason
            useclientcode useragent usereqphone username videosupport vmexten
            dtlsautogeneratecert dtlscadir dtlscafile dtlscapath dtlscertfile dtlscipher dtlsenable
            dtlsfingerprint dtlsprivatekey dtlsrekey dtlssetup dtlsverify
            cc_agent_dialstring cc_agent_policy cc_callback_macro cc_callback_sub cc_max_agents cc_max_monitors
            cc_monitor_policy cc_offer_timer cc_recall_timer ccbs_available_timer ccnr_available_timer
            """);

    /**
     * Why some names people put in chan_sip peers do nothing there (reference asterisk-ami.md 1.2): each maps to
     * the explanation shown with the warning.
     */
    public static final Map<String, String> CHAN_SIP_HINTS = Map.of(
            "qualifysmoothing", "it is a chan_iax2 option; chan_sip has no smoothing",
            "maxretries", "chan_sip has no retry count: one missed qualify reply marks the peer UNREACHABLE",
            "retryinterval", "chan_sip re-probes an unreachable peer every 10 s, fixed",
            "fromhost", "the chan_sip option is fromdomain",
            "qualifygap", "it is valid only in sip.conf [general] and paces the first probes after a reload",
            "qualifypeers", "it is valid only in sip.conf [general] and paces the first probes after a reload",
            "registertimeout", "it is valid only in sip.conf [general]",
            "registerattempts", "it is valid only in sip.conf [general]");

    public static final Set<String> CHAN_IAX2 = words("""
            accountcode acl adsi allow amaflags auth callerid cid_number codecpriority connectedline context
            dbsecret defaultip deny description disallow encryption forceencryption fullname hasvoicemail host
            immediate inkeys jitterbuffer language mailbox mask maxauthreq maxcallnumbers mohinterpret mohsuggest
            outkey parkinglot peercontext permit port qualify qualifyfreqnotok qualifyfreqok qualifysmoothing
            regexten requirecalltoken secret sendani setvar sourceaddress timezone transfer trunk username type
            """);

    public static final Set<String> PJSIP_ENDPOINT = words("""
            100rel accept_multiple_sdp_answers accountcode acl aggregate_mwi allow allow_overlap
            allow_subscribe allow_transfer allow_unauthenticated_options aors asymmetric_rtp_codec auth
            bind_rtp_to_media_address bundle call_group callerid callerid_privacy callerid_tag
            codec_prefs_incoming_answer codec_prefs_incoming_offer codec_prefs_outgoing_answer
            codec_prefs_outgoing_offer connected_line_method contact_acl contact_deny contact_permit contact_user
            context cos_audio cos_video deny device_state_busy_at direct_media direct_media_glare_mitigation
            direct_media_method disable_direct_media_on_nat disallow dtls_auto_generate_cert dtls_ca_file
            dtls_ca_path dtls_cert_file dtls_cipher dtls_fingerprint dtls_private_key dtls_rekey dtls_setup
            dtls_verify dtmf_mode fax_detect fax_detect_timeout follow_early_media_fork follow_redirect_methods
            force_avp force_rport from_domain from_user g726_non_standard geoloc_incoming_call_profile
            geoloc_outgoing_call_profile ice_support identify_by ignore_183_without_sdp inband_progress
            incoming_call_offer_pref incoming_mwi_mailbox language mailboxes max_audio_streams max_video_streams
            media_address media_encryption media_encryption_optimistic media_use_received_transport
            message_context moh_passthrough moh_suggest mwi_from_user mwi_subscribe_replaces_unsolicited
            named_call_group named_pickup_group notify_early_inuse_ringing one_touch_recording outbound_auth
            outbound_proxy outgoing_call_offer_pref overlap_context permit pickup_group preferred_codec_only
            record_off_feature record_on_feature redirect_method refer_blind_progress rewrite_contact
            rpid_immediate rtcp_mux rtp_engine rtp_ipv6 rtp_keepalive rtp_port_end rtp_port_start rtp_symmetric
            rtp_timeout rtp_timeout_hold sdp_owner sdp_session security_mechanisms security_negotiation send_aoc
            send_connected_line send_diversion send_history_info send_pai send_rpid set_var srtp_tag_32
            stir_shaken stir_shaken_profile sub_min_expiry subscribe_context suppress_moh_on_sendonly
            suppress_q850_reason_headers t38_bind_udptl_to_media_address t38_udptl t38_udptl_ec t38_udptl_ipv6
            t38_udptl_maxdatagram t38_udptl_nat tenantid timers timers_min_se timers_sess_expires tone_zone
            tos_audio tos_video transport trust_connected_line trust_id_inbound trust_id_outbound type use_avpf
            use_ptime user_eq_phone voicemail_extension webrtc
            """);

    public static final Set<String> PJSIP_AOR = words("""
            authenticate_qualify contact default_expiration mailboxes max_contacts maximum_expiration
            minimum_expiration outbound_proxy qualify_2xx_only qualify_frequency qualify_timeout remove_existing
            remove_unavailable support_path type voicemail_extension
            """);

    public static final Set<String> PJSIP_IDENTIFY = words("endpoint match match_header match_request_uri srv_lookups type");

    public static final Set<String> PJSIP_AUTH = words("""
            auth_type md5_cred nonce_lifetime oauth_clientid oauth_secret password password_digest realm
            refresh_token supported_algorithms_uac supported_algorithms_uas type username
            """);

    public static final Set<String> PJSIP_REGISTRATION = words("""
            auth_rejection_permanent client_uri contact_header_params contact_user endpoint expiration
            fatal_retry_interval forbidden_retry_interval line max_random_initial_delay max_retries outbound_auth
            outbound_proxy retry_interval security_mechanisms security_negotiation server_uri support_outbound
            support_path transport type
            """);

    /** The wizard's own keys; object options go behind a prefix such as {@code endpoint/} or {@code aor/}. */
    public static final Set<String> PJSIP_WIZARD = words("""
            type transport remote_hosts outbound_proxy sends_auth sends_registrations accepts_auth
            accepts_registrations sends_line_with_registrations server_uri_pattern client_uri_pattern
            contact_pattern has_hint hint_context hint_exten hint_application has_phoneprov
            """);

    /** The option names a PJSIP object of {@code type} accepts, or an empty set for a type not checked here. */
    public static Set<String> pjsipType(String type) {
        return switch (type) {
            case "endpoint" -> PJSIP_ENDPOINT;
            case "aor" -> PJSIP_AOR;
            case "identify" -> PJSIP_IDENTIFY;
            case "auth", "inbound_auth", "outbound_auth" -> PJSIP_AUTH;
            case "registration" -> PJSIP_REGISTRATION;
            default -> Set.of();
        };
    }

    private static Set<String> words(String text) {
        return Set.of(text.strip().split("\\s+"));
    }
}
