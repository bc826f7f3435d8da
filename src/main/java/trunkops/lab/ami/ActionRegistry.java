package trunkops.lab.ami;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The manager actions a simulated Asterisk knows, each with the write classes that may call it. */
public final class ActionRegistry {

    /** A registered action: {@code authority} is the class mask any one bit of which allows the call (0 = anyone). */
    public record Action(String name, int authority, ActionHandler handler) {
    }

    private final Map<String, Action> actions = new LinkedHashMap<>();

    public ActionRegistry register(String name, int authority, ActionHandler handler) {
        actions.put(name.toLowerCase(Locale.ROOT), new Action(name, authority, handler));
        return this;
    }

    /** Action names match case-insensitively, as in manager.c. */
    public Action find(String name) {
        return actions.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<Action> all() {
        return Collections.unmodifiableCollection(actions.values());
    }
}
