package trunkops.traffic;

import java.util.Arrays;

/** Open-addressing map from a packed (carrier, server, campaign) key to its {@link Cell}, for one minute. */
final class CellMap {

    /** Rows of this minute per {@link Attribution.Source} ordinal, then per {@link Attribution.Problem} ordinal. */
    final long[] attribution = new long[Attribution.Source.values().length + Attribution.Problem.values().length];
    private long[] keys = new long[16];
    private Cell[] cells = new Cell[16];
    private int size;

    static long key(int carrier, int server, int campaign) {
        return ((long) carrier << 42) | ((long) server << 21) | campaign;
    }

    static int carrier(long key) {
        return (int) (key >>> 42);
    }

    static int server(long key) {
        return (int) (key >>> 21) & 0x1FFFFF;
    }

    static int campaign(long key) {
        return (int) key & 0x1FFFFF;
    }

    Cell getOrCreate(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (cells[i] != null) {
            if (keys[i] == key) {
                return cells[i];
            }
            i = (i + 1) & mask;
        }
        Cell c = new Cell();
        keys[i] = key;
        cells[i] = c;
        if (++size * 2 > keys.length) {
            grow();
        }
        return c;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Cell[] oldCells = cells;
        keys = new long[oldKeys.length * 2];
        cells = new Cell[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldCells[j] != null) {
                int i = slot(oldKeys[j], mask);
                while (cells[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                cells[i] = oldCells[j];
            }
        }
    }

    interface Visitor {
        void visit(long key, Cell cell);
    }

    void forEach(Visitor v) {
        for (int i = 0; i < keys.length; i++) {
            if (cells[i] != null) {
                v.visit(keys[i], cells[i]);
            }
        }
    }

    long attempts() {
        long n = 0;
        for (Cell c : cells) {
            if (c != null) {
                n += c.attempts;
            }
        }
        return n;
    }

    void clear() {
        Arrays.fill(cells, null);
        size = 0;
    }
}
