package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge. */
final class Bridge {
    final String id;
    final List<Channel> members = new ArrayList<>(2);

    Bridge(String id) {
        this.id = id;
    }
}
