package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * res_pjsip's CLI commands with Asterisk 20.20.1's layouts (28-command-pjsip-show): {@code pjsip show contacts}
 * (static contacts included, RTT in ms with 3 decimals, {@code nan} when not reachable), {@code pjsip show
 * endpoints}, {@code pjsip show registrations}, {@code pjsip show endpoint X}, {@code pjsip qualify X},
 * {@code pjsip reload}.
 */
final class PjsipCli {

    private static final String RULE = "==========================================================================================";

    private final Pbx pbx;

    PjsipCli(Pbx pbx) {
        this.pbx = pbx;
    }

    /** The command's output, or null when it is not a pjsip command the lab knows. */
    PbxCli.Result run(String[] words) {
        String cmd = String.join(" ", words).toLowerCase(Locale.ROOT);
        if (cmd.equals("pjsip show contacts")) {
            return showContacts();
        }
        if (cmd.equals("pjsip show endpoints")) {
            return showEndpoints(new ArrayList<>(pbx.pjsip.objects().of("endpoint").values()));
        }
        if (cmd.equals("pjsip show registrations")) {
            return showRegistrations();
        }
        if (cmd.startsWith("pjsip show endpoint ") && words.length == 4) {
            PjObject e = pbx.pjsip.endpoint(words[3]);
            return e == null ? PbxCli.Result.of("Unable to find object " + words[3] + ".", "")
                    : showEndpoints(List.of(e));
        }
        if (cmd.startsWith("pjsip qualify ") && words.length == 3) {
            PjObject e = pbx.pjsip.endpoint(words[2]);
            if (e == null) {
                return PbxCli.Result.of("Unable to retrieve endpoint " + words[2]);
            }
            pbx.pjsip.qualifyNow(e);
            return PbxCli.Result.of("Qualify sent for endpoint '" + e.id() + "'");
        }
        if (cmd.startsWith("pjsip send register ") && words.length == 4) {
            return pbx.pjsip.registerNow(words[3]) ? PbxCli.Result.of()
                    : PbxCli.Result.of("Unable to retrieve registration " + words[3]);
        }
        if (cmd.equals("pjsip reload")) {
            pbx.modules.reloadPjsip();
            return PbxCli.Result.of();
        }
        return null;
    }

    private static String rtt(PjsipState.Contact c) {
        return c.reachable() ? String.format(Locale.ROOT, "%11.3f", c.rttUsec / 1000.0) : String.format("%11s", "nan");
    }

    private static String contactRow(String prefix, int width, PjsipState.Contact c) {
        String name = c.aor + "/" + c.uri;
        return String.format(Locale.ROOT, "%s%-" + width + "." + width + "s %-10.10s %-7.7s %s", prefix, name,
                c.hash10(), c.cliStatus(), rtt(c));
    }

    private PbxCli.Result showContacts() {
        List<String> out = new ArrayList<>(List.of("",
                "  Contact:  <Aor/ContactUri..............................> <Hash....> <Status> <RTT(ms)..>",
                RULE, ""));
        List<PjsipState.Contact> all = pbx.pjsip.contacts();
        for (PjsipState.Contact c : all) {
            out.add(contactRow("  Contact:  ", 46, c));
        }
        out.add("");
        out.add("Objects found: " + all.size());
        out.add("");
        return new PbxCli.Result(out, true);
    }

    private PbxCli.Result showEndpoints(List<PjObject> endpoints) {
        List<String> out = new ArrayList<>(List.of("",
                " Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>",
                "    I/OAuth:  <AuthId/UserName...........................................................>",
                "        Aor:  <Aor............................................>  <MaxContact>",
                "      Contact:  <Aor/ContactUri..........................> <Hash....> <Status> <RTT(ms)..>",
                "  Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress..................>",
                "   Identify:  <Identify/Endpoint.........................................................>",
                "        Match:  <criteria.........................>",
                "    Channel:  <ChannelId......................................>  <State.....>  <Time.....>",
                "        Exten: <DialedExten...........>  CLCID: <ConnectedLineCID.......>",
                RULE, ""));
        PjsipConfig.Objects objects = pbx.pjsip.objects();
        for (PjObject e : endpoints) {
            out.add(String.format(" Endpoint:  %-51.51s  %-12.12s  %d of inf", e.id(),
                    PjsipDetails.deviceStateText(pbx.pjsip.deviceState(e.id())), pbx.pjsip.activeChannels(e.id())));
            for (String a : e.list("auth")) {
                out.add("     InAuth:  " + a + "/" + authUser(objects, a));
            }
            for (String a : e.list("outbound_auth")) {
                out.add("    OutAuth:  " + a + "/" + authUser(objects, a));
            }
            for (String aorName : e.list("aors")) {
                PjObject aor = objects.get("aor", aorName);
                if (aor == null) {
                    continue;
                }
                out.add(String.format("        Aor:  %-49.49s  %d", aorName, aor.intOpt("max_contacts", 0)));
                for (PjsipState.Contact c : pbx.pjsip.contactsOfAor(aorName)) {
                    out.add(contactRow("      Contact:  ", 42, c));
                }
            }
            PjObject t = objects.get("transport", e.opt("transport"));
            if (t != null) {
                out.add(String.format("  Transport:  %-24.24s  %-3.3s  %5d  %5d  %s", t.id(), t.opt("protocol", "udp"),
                        t.intOpt("cos", 0), t.intOpt("tos", 0), t.opt("bind", "0.0.0.0:5060")));
            }
            for (PjObject ident : objects.of("identify").values()) {
                if (ident.opt("endpoint").equals(e.id())) {
                    out.add("   Identify:  " + ident.id() + "/" + e.id());
                    for (String m : ident.list("match")) {
                        out.add("        Match: " + (m.contains("/") ? m : m + "/32"));
                    }
                }
            }
            out.add("");
        }
        out.add("");
        out.add("Objects found: " + endpoints.size());
        out.add("");
        return new PbxCli.Result(out, true);
    }

    private static String authUser(PjsipConfig.Objects objects, String auth) {
        PjObject a = objects.get("auth", auth);
        return a == null ? "" : a.opt("username");
    }

    private PbxCli.Result showRegistrations() {
        List<String> out = new ArrayList<>(List.of("",
                " <Registration/ServerURI..............................>  <Auth....................>  <Status.......>",
                RULE, ""));
        List<PjsipState.Registration> regs = pbx.pjsip.registrations();
        for (PjsipState.Registration r : regs) {
            // res_pjsip_outbound_registration.c cli_print_body: "(exp. Ns)", or "(exp. Ns ago)" once expired
            long exp = pbx.pjsip.expiresInSeconds(r);
            int width = Math.max(0, 53 - r.cfg.id().length());
            List<String> auths = r.cfg.list("outbound_auth");
            out.add(String.format(" %s/%-" + width + "." + width + "s  %-26s  %-16s  (exp. %d%s", r.cfg.id(),
                    r.cfg.opt("server_uri"), auths.isEmpty() ? "n/a" : auths.get(0), r.status, Math.abs(exp),
                    exp < 0 ? "s ago)" : "s)"));
        }
        out.add("");
        out.add("Objects found: " + regs.size());
        out.add("");
        return new PbxCli.Result(out, true);
    }
}
