package trunkops.traffic;

import java.nio.file.Path;

/** Times loading a store directory's last 24 h into a cube (exploration for docs/benchmarks.md). */
public final class StoreLoadTiming {

    private StoreLoadTiming() {
    }

    @SuppressWarnings("java:S106")
    public static void main(String[] args) {
        MinuteStore store = MinuteStore.at(Path.of(args[0]));
        long to = Long.parseLong(args[1]);
        for (int i = 0; i < 7; i++) {
            TrafficCube cube = new TrafficCube();
            long t0 = System.nanoTime();
            java.util.BitSet got = store.load(to - 1440, to, cube);
            long t1 = System.nanoTime();
            var totals = CubeQueries.totals(cube, to - 1440, to, Dimension.CARRIER, s -> true, true);
            long t2 = System.nanoTime();
            System.out.printf("load %d minutes, %d cells: %d ms; totals %d ms (%d keys)%n", got.cardinality(),
                    cube.cells(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, totals.size());
        }
    }
}
