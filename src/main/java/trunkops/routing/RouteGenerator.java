package trunkops.routing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Route version → the {@code dialplan_entry} of its ViciDial router carrier. Pure: no I/O, same input, same text.
 * The text and its variables are described in docs/routes.md; this comment lists the Asterisk 20 behaviour it
 * relies on, each read in the source of 20.20.1 (file, function):
 * <ul>
 * <li>{@code apps/app_dial.c}, {@code dial_exec_full}: the timeout argument is {@code answer^progress} in seconds
 * (sscanf %lf); a value that is 0, negative or not a number logs a warning and means <em>no timeout</em>, so a
 * route never dials with less than {@link RouteDialplan#MIN_LEFT_S} s left; {@code wait_for_answer}: the progress
 * timeout expiring ends the attempt with {@code CHANUNAVAIL}, the answer timeout with {@code NOANSWER}.</li>
 * <li>{@code main/ast_expr2.fl} / {@code main/ast_expr2.y} ({@code make_str}, {@code isstring}, {@code op_eq},
 * {@code op_gt}, {@code op_plus}, {@code op_and}, {@code op_or}, {@code op_rem}): a quoted operand is a
 * <em>string</em> token (quotes kept), so {@code "5" > "10"} compares text and {@code "5" + "1"} is a "non-numeric
 * argument"; an empty operand is a syntax error. Hence: string equality always has both sides quoted; numeric
 * comparison and arithmetic use only literal numbers and {@code TO_*} variables the route itself set to digits
 * (FILTER + default, EPOCH, GROUP_COUNT, RAND, or a {@code $[...]} of those). {@code &} returns 0 or its left
 * operand, {@code |} its left operand when non-zero else its right one, comparisons 1/0, {@code %} is fmod;
 * precedence {@code |} &lt; {@code &} &lt; comparisons &lt; {@code + -} &lt; {@code * / %}.</li>
 * <li>{@code funcs/func_logic.c}, {@code acf_if}: {@code IF(expr?a:b)} splits at the first {@code ?} then the first
 * {@code :}; an empty expression (a {@code $[...]} syntax error) makes IF fail and return nothing, which is why
 * every value reaching an expression is sanitised first. Both branches are substituted before IF runs.</li>
 * <li>{@code funcs/func_strings.c}, {@code filter}: {@code FILTER(0-9,s)} expands ranges.</li>
 * <li>{@code funcs/func_rand.c}, {@code acf_rand_exec}: {@code RAND(min,max)} is inclusive of both bounds.</li>
 * <li>{@code funcs/func_groupcount.c}, {@code group_count_function_read} / {@code group_function_write}, and
 * {@code main/app.c}, {@code ast_app_group_split_group} / {@code ast_app_group_set_channel}:
 * {@code GROUP_COUNT(g@cat)} is the number of channels in group g of category cat (0 when none; names compared
 * case-insensitively); {@code Set(GROUP(cat)=g)} replaces the channel's earlier group of that category.</li>
 * <li>{@code funcs/func_db.c}, {@code function_db_read}: {@code DB(family/key)} (a {@code /}, not a comma) returns
 * empty for a missing key, logging only at debug level, and sets DB_RESULT only when found.</li>
 * <li>{@code funcs/func_hangupcause.c}, {@code hangupcause_read} / {@code hangupcause_keys_read}:
 * {@code HANGUPCAUSE(<channel>,tech)} needs exactly two arguments; HANGUPCAUSE_KEYS() is a comma-separated channel
 * list; HangupCauseClear() empties it. {@code channels/chan_sip.c} and {@code channels/chan_pjsip.c}
 * ({@code chan_pjsip_incoming_response_update_cause}) both write {@code "SIP <code> <reason>"}, so the code is
 * {@code ${TO_HC:4:3}} after checking the {@code "SIP "} prefix; chan_iax2 writes {@code "IAX2 ..."} (no SIP
 * code).</li>
 * <li>{@code channels/chan_pjsip.c}, {@code request}: a PJSIP dial string is {@code PJSIP/[user@]endpoint[/uri]},
 * so a PJSIP member is dialed as {@code PJSIP/<number>@<endpoint>}; chan_sip and IAX2 take
 * {@code TECH/peer/number}.</li>
 * <li>{@code main/pbx_variables.c}: {@code ${EPOCH}} is whole seconds ({@code time(NULL)}); elapsed time is known to
 * within a second, so attempts after the first keep one second in reserve.</li>
 * <li>{@code main/pbx.c}: a Goto to a label that does not exist ends the call; every label the generated text
 * jumps to is written by {@link ExtenLines}, which refuses duplicates.</li>
 * </ul>
 */
public final class RouteGenerator {

    private RouteGenerator() {
    }

    /**
     * Renders a saved route version.
     *
     * @throws IllegalArgumentException listing every error {@link RouteValidator#validate(Route)} finds
     */
    public static GeneratedRoute render(RouteVersion v) {
        List<RouteProblem> errors = RouteValidator.validate(v.route()).stream().filter(RouteProblem::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("route " + v.name() + " has errors: " + errors.stream()
                    .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        }
        if (v.version() < 1) {
            throw new IllegalArgumentException("version " + v.version() + " is not a saved version (1 or more)");
        }
        StringBuilder out = new StringBuilder();
        out.append("; ").append(v.marker()).append(" generated by TrunkOps, do not edit: change the route and push"
                + " it again\n");
        for (RoutePattern p : v.route().patterns()) {
            new RouteDialplan(v, p, out).write();
        }
        StringBuilder peers = new StringBuilder();
        for (TrunkSettings t : v.route().trunks()) {
            peers.append(peers.isEmpty() ? "" : "\n").append(PeerSectionGenerator.render(t));
        }
        return new GeneratedRoute(v.name(), out.toString(), "", v.marker(), peers.toString());
    }
}
