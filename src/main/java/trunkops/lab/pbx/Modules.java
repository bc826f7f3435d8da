package trunkops.lab.pbx;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;

/**
 * The loadable modules the lab simulates and their reload semantics: pbx_config (extensions.conf; a parse error
 * in the file itself fails the reload and keeps the old dialplan; an error inside an included file only cuts
 * that file short), chan_sip (sip.conf; always answers success, rebuilds peers asynchronously, keeps the old
 * peers when sip.conf itself is invalid), and modules that exist but cannot be reloaded (app_dial).
 */
final class Modules {

    private static final Logger LOG = LoggerFactory.getLogger(Modules.class);

    /** ast_module_reload_result. */
    enum ReloadResult {
        SUCCESS(0), QUEUED(1), NOT_FOUND(2), ERROR(3), IN_PROGRESS(4), UNINITIALIZED(5), NOT_IMPLEMENTED(6);

        final int status;

        ReloadResult(int status) {
            this.status = status;
        }
    }

    private static final List<String> RELOADABLE = List.of("chan_sip", "pbx_config", "res_agi", "app_voicemail",
            "res_musiconhold", "func_db");
    private static final List<String> PJSIP_MODULES = List.of("res_pjsip", "chan_pjsip");
    private static final List<String> NOT_RELOADABLE = List.of("app_dial", "app_stack", "app_exec",
            "func_groupcount", "func_devstate", "func_rand", "func_math", "res_clioriginate", "chan_local",
            "app_playback", "app_verbose", "func_hangupcause", "func_callerid", "func_strings", "func_logic");

    private final Pbx pbx;
    private final Map<String, String> globals = new ConcurrentHashMap<>();
    private final Functions functions;
    private final Substitution substitution;
    private volatile Dialplan dialplan = new Dialplan();
    private volatile List<String> lastWarnings = List.of();
    /** res_pjsip is loaded when the dialer has a pjsip.conf at boot (otherwise it is noload'ed, as before PJSIP). */
    private boolean pjsipLoaded;

    Modules(Pbx pbx) {
        this.pbx = pbx;
        this.functions = new Functions(pbx, globals);
        this.substitution = new Substitution(functions);
    }

    Dialplan dialplan() {
        return dialplan;
    }

    Functions functions() {
        return functions;
    }

    Substitution substitution() {
        return substitution;
    }

    Map<String, String> globals() {
        return globals;
    }

    /** Warnings the last config loads produced (Asterisk's log, not the AMI wire). */
    List<String> lastWarnings() {
        return lastWarnings;
    }

    void loadAll() {
        reloadDialplan();
        reloadSip(false);
        pjsipLoaded = pbx.files().read("pjsip.conf").isPresent();
        if (pjsipLoaded) {
            reloadPjsip();
        }
    }

    boolean pjsipLoaded() {
        return pjsipLoaded;
    }

    /** Module names match case-insensitively with an optional {@code .so}. */
    static String baseName(String module) {
        String m = module.toLowerCase(Locale.ROOT);
        return m.endsWith(".so") ? m.substring(0, m.length() - 3) : m;
    }

    boolean exists(String module) {
        String b = baseName(module);
        return RELOADABLE.contains(b) || NOT_RELOADABLE.contains(b) || pjsipLoaded && PJSIP_MODULES.contains(b);
    }

    /** ast_module_reload for one module (null = all), publishing the Reload event like loader.c. */
    ReloadResult reload(String module, String eventModuleName) {
        ReloadResult r;
        if (module == null) {
            reloadDialplan();
            reloadSip(true);
            if (pjsipLoaded) {
                reloadPjsip();
            }
            r = ReloadResult.SUCCESS;
        } else {
            String b = baseName(module);
            if (module.length() != module.strip().length() || !exists(module)) {
                r = ReloadResult.NOT_FOUND;
            } else if (NOT_RELOADABLE.contains(b)) {
                r = ReloadResult.NOT_IMPLEMENTED;
            } else if (b.equals("pbx_config")) {
                r = reloadDialplan() ? ReloadResult.SUCCESS : ReloadResult.ERROR;
            } else if (b.equals("res_pjsip")) {
                reloadPjsip();
                r = ReloadResult.SUCCESS;
            } else if (b.equals("chan_sip")) {
                reloadSip(true);
                r = ReloadResult.SUCCESS;
            } else {
                r = ReloadResult.SUCCESS;
            }
        }
        pbx.publish(pbx.event("Reload", EventClass.SYSTEM.bit(), AmiMessage.builder()
                .add("Module", eventModuleName).add("Status", r.status)));
        if (r == ReloadResult.SUCCESS) {
            pbx.reloaded();
        }
        return r;
    }

    /** pbx_config: false when extensions.conf itself is invalid (old dialplan kept). */
    boolean reloadDialplan() {
        AstConfig cfg;
        try {
            cfg = new AstConfigParser(pbx.files()).load("extensions.conf");
        } catch (AstConfigParser.InvalidConfigException e) {
            LOG.warn("lab {}: {}", pbx.serverId(), e.getMessage());
            lastWarnings = List.of(e.getMessage());
            return false;
        }
        Dialplan next = DialplanLoader.load(cfg);
        globals.putAll(next.globals());
        dialplan = next;
        List<String> w = new java.util.ArrayList<>(cfg.warnings());
        w.addAll(next.warnings());
        lastWarnings = List.copyOf(w);
        w.forEach(msg -> LOG.debug("lab {} pbx_config: {}", pbx.serverId(), msg));
        return true;
    }

    /**
     * res_pjsip reload (res_sorcery_config): pjsip.conf that cannot be parsed keeps every object as it was (the
     * error is logged once per object type); otherwise the new object set replaces the old one, objects with
     * unknown options left out. Always "success" to the caller, as in Asterisk.
     */
    void reloadPjsip() {
        AstConfig cfg;
        try {
            cfg = new AstConfigParser(pbx.files()).load("pjsip.conf");
        } catch (AstConfigParser.InvalidConfigException e) {
            LOG.warn("lab {}: res_sorcery_config: Contents of config file 'pjsip.conf' are invalid and cannot be parsed",
                    pbx.serverId());
            lastWarnings = List.of(e.getMessage(), "Contents of config file 'pjsip.conf' are invalid and cannot be parsed");
            return;
        }
        PjsipConfig.Objects objects = PjsipConfig.load(cfg);
        List<String> w = new java.util.ArrayList<>(cfg.warnings());
        w.addAll(objects.warnings());
        lastWarnings = List.copyOf(w);
        w.forEach(msg -> LOG.debug("lab {} res_pjsip: {}", pbx.serverId(), msg));
        pbx.pjsip.apply(objects);
    }

    /** chan_sip reload: rebuild peers a moment later (chan_sip does it on its monitor thread). */
    void reloadSip(boolean async) {
        AstConfig cfg;
        try {
            cfg = new AstConfigParser(pbx.files()).load("sip.conf");
        } catch (AstConfigParser.InvalidConfigException e) {
            LOG.warn("lab {}: chan_sip: Contents of sip.conf are invalid and cannot be parsed", pbx.serverId());
            return;
        }
        SipConfigLoader.Result r = SipConfigLoader.load(cfg);
        r.warnings().forEach(msg -> LOG.debug("lab {} chan_sip: {}", pbx.serverId(), msg));
        if (async) {
            pbx.schedule(50, () -> pbx.sip.apply(r.peers()));
        } else {
            pbx.sip.apply(r.peers());
        }
    }
}
