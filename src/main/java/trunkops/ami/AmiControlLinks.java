package trunkops.ami;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The operator's change links to a set of dialers, by server id; closing closes them all. */
public final class AmiControlLinks implements AutoCloseable {

    private final Map<String, AmiAstDbLink> links = new LinkedHashMap<>();

    /**
     * @param secrets the AMI secret of each target (asked for only when a link logs in)
     * @param timeoutMs per AMI action and per login
     */
    public AmiControlLinks(List<AmiTarget> targets, Function<AmiTarget, Supplier<char[]>> secrets, int timeoutMs) {
        for (AmiTarget t : targets) {
            links.put(t.serverId(), new AmiAstDbLink(t, secrets.apply(t), timeoutMs));
        }
    }

    public Map<String, AmiAstDbLink> links() {
        return java.util.Collections.unmodifiableMap(links);
    }

    @Override
    public void close() {
        links.values().forEach(AmiAstDbLink::close);
    }
}
