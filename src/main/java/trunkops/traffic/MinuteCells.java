package trunkops.traffic;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One sealed minute as {@link MinuteStore} keeps it: the attribution counts and every cell with its dimensions and
 * outcomes as text, so a file does not depend on the dictionary ids of the console that wrote it.
 */
record MinuteCells(long[] attribution, List<CellData> cells) {

    record OutcomeCount(String status, int cause, int sip, String reason, long count) {
    }

    record CellData(String carrier, String server, String campaign, long attempts, long answered,
                    List<OutcomeCount> outcomes, long[] dialSeconds, long[] dialCounts) {
    }

    /** The minute as the cube holds it (empty when the cube has no row in it). */
    static MinuteCells of(TrafficCube cube, long minute) {
        CellMap slice = cube.minuteCells(minute);
        if (slice == null) {
            return new MinuteCells(new long[TrafficCube.ATTRIBUTION_SLOTS], List.of());
        }
        List<CellData> cells = new ArrayList<>();
        slice.forEach((key, cell) -> {
            if (cell.attempts == 0 && cell.outcomes.total() == 0) {
                return;
            }
            List<OutcomeCount> outcomes = new ArrayList<>();
            for (int i = 0; i < cell.outcomes.size(); i++) {
                long o = cell.outcomes.key(i);
                long n = cell.outcomes.count(i);
                if (n != 0) {
                    int reason = Outcome.reason(o);
                    outcomes.add(new OutcomeCount(cube.statuses.value(Outcome.status(o)), Outcome.hangupCause(o),
                            Outcome.sipCode(o), reason == Outcome.NULL ? null : cube.reasons.value(reason), n));
                }
            }
            List<long[]> dial = new ArrayList<>();
            cell.forEachDialTime((secs, n) -> {
                dial.add(new long[] {secs, n});
                return 0;
            });
            long[] secs = new long[dial.size()];
            long[] counts = new long[dial.size()];
            for (int i = 0; i < secs.length; i++) {
                secs[i] = dial.get(i)[0];
                counts[i] = dial.get(i)[1];
            }
            cells.add(new CellData(cube.carriers.value(CellMap.carrier(key)), cube.servers.value(CellMap.server(key)),
                    cube.campaigns.value(CellMap.campaign(key)), cell.attempts, cell.answered, outcomes, secs,
                    counts));
        });
        return new MinuteCells(slice.attribution.clone(), cells);
    }

    /** Adds this minute's cells to {@code cube} under {@code minute}. */
    void addTo(long minute, TrafficCube cube) {
        CellMap slice = cube.sliceOf(minute);
        for (int i = 0; i < attribution.length && i < slice.attribution.length; i++) {
            slice.attribution[i] += attribution[i];
        }
        for (CellData d : cells) {
            Cell c = slice.getOrCreate(CellMap.key(cube.carriers.id(d.carrier()), cube.servers.id(d.server()),
                    cube.campaigns.id(d.campaign())));
            c.attempts += d.attempts();
            c.answered += d.answered();
            for (OutcomeCount o : d.outcomes()) {
                int reason = o.reason() == null ? Outcome.NULL : cube.reasons.id(o.reason());
                c.outcomes.add(Outcome.pack(cube.statuses.id(o.status()), o.cause(), o.sip(), reason), o.count());
            }
            for (int i = 0; i < d.dialSeconds().length; i++) {
                c.addDial((int) d.dialSeconds()[i], d.dialCounts()[i]);
            }
        }
    }

    void strings(Map<String, Integer> ids) {
        for (CellData d : cells) {
            intern(ids, d.carrier());
            intern(ids, d.server());
            intern(ids, d.campaign());
            for (OutcomeCount o : d.outcomes()) {
                intern(ids, o.status());
                if (o.reason() != null) {
                    intern(ids, o.reason());
                }
            }
        }
    }

    private static void intern(Map<String, Integer> ids, String s) {
        ids.putIfAbsent(s, ids.size());
    }

    void write(DataOutputStream out, Map<String, Integer> ids) throws IOException {
        out.writeShort(attribution.length);
        for (long a : attribution) {
            out.writeLong(a);
        }
        out.writeInt(cells.size());
        for (CellData d : cells) {
            out.writeInt(ids.get(d.carrier()));
            out.writeInt(ids.get(d.server()));
            out.writeInt(ids.get(d.campaign()));
            out.writeLong(d.attempts());
            out.writeLong(d.answered());
            out.writeShort(d.outcomes().size());
            for (OutcomeCount o : d.outcomes()) {
                out.writeInt(ids.get(o.status()));
                out.writeChar(o.cause());
                out.writeChar(o.sip());
                out.writeInt(o.reason() == null ? -1 : ids.get(o.reason()));
                out.writeLong(o.count());
            }
            out.writeShort(d.dialSeconds().length);
            for (int i = 0; i < d.dialSeconds().length; i++) {
                out.writeInt((int) d.dialSeconds()[i]);
                out.writeLong(d.dialCounts()[i]);
            }
        }
    }

    static MinuteCells read(DataInputStream in, String[] strings) throws IOException {
        long[] attribution = new long[in.readUnsignedShort()];
        for (int i = 0; i < attribution.length; i++) {
            attribution[i] = in.readLong();
        }
        int n = in.readInt();
        List<CellData> cells = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            String carrier = strings[in.readInt()];
            String server = strings[in.readInt()];
            String campaign = strings[in.readInt()];
            long attempts = in.readLong();
            long answered = in.readLong();
            int no = in.readUnsignedShort();
            List<OutcomeCount> outcomes = new ArrayList<>(no);
            for (int i = 0; i < no; i++) {
                String status = strings[in.readInt()];
                int cause = in.readChar();
                int sip = in.readChar();
                int r = in.readInt();
                outcomes.add(new OutcomeCount(status, cause, sip, r < 0 ? null : strings[r], in.readLong()));
            }
            int nd = in.readUnsignedShort();
            long[] secs = new long[nd];
            long[] counts = new long[nd];
            for (int i = 0; i < nd; i++) {
                secs[i] = in.readInt();
                counts[i] = in.readLong();
            }
            cells.add(new CellData(carrier, server, campaign, attempts, answered, outcomes, secs, counts));
        }
        return new MinuteCells(attribution, cells);
    }
}
