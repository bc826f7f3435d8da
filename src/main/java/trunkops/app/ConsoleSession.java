package trunkops.app;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;

import trunkops.app.ui.MainView;
import trunkops.db.Database;
import trunkops.health.BoardSnapshot;
import trunkops.health.ClusterAccess;
import trunkops.health.ClusterMonitor;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.traffic.CarrierTrafficService;
import trunkops.traffic.QualityAlarm;
import trunkops.traffic.TrafficSnapshot;
import trunkops.ui.common.Coalescer;
import trunkops.ui.common.UiExecutor;

/**
 * One cluster being watched by one window: the monitor (off the FX thread) feeding the main view through a
 * coalescer that delivers the newest snapshot at most every 150 ms, and the carrier statistics service (its own
 * {@code traffic-db} thread) feeding the carrier charts, the report and the board's quality alarms.
 */
public final class ConsoleSession implements AutoCloseable {

    public static final long UI_INTERVAL_MS = 150;

    private final ClusterMonitor monitor;
    private final CarrierTrafficService traffic;
    private final AtomicBoolean detached;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RoutesWiring routes;
    private final ControlBoardWiring control;
    private final AtomicReference<AuditWiring> audit = new AtomicReference<>();
    private volatile PushWiring push;
    private final AtomicReference<DrillWiring> drills = new AtomicReference<>();
    private volatile AutoCloseable onClose;
    private volatile AtomicReference<AlertsWiring> alerts = new AtomicReference<>();

    private ConsoleSession(ClusterMonitor monitor, CarrierTrafficService traffic, AtomicBoolean detached,
                           RoutesWiring routes, ControlBoardWiring control) {
        this.monitor = monitor;
        this.traffic = traffic;
        this.detached = detached;
        this.routes = routes;
        this.control = control;
    }

    /** Starts watching {@code access}; may be called from any thread. */
    public static ConsoleSession start(ClusterAccess access, MainView view, ScheduledExecutorService scheduler) {
        return start(access, view, scheduler, CarrierTrafficService.Options.defaults()
                .withSummaries(AppPaths.stateDir().resolve("carrier-summaries")));
    }

    /** As {@link #start(ClusterAccess, MainView, ScheduledExecutorService)} with the carrier statistics' options. */
    public static ConsoleSession start(ClusterAccess access, MainView view, ScheduledExecutorService scheduler,
                                       CarrierTrafficService.Options trafficOptions) {
        // the board's offline/drain/online through the control core, journaled to this session's audit
        AtomicReference<ConsoleSession> self = new AtomicReference<>();
        java.util.function.Supplier<java.util.Optional<AuditWiring>> audit =
                () -> java.util.Optional.ofNullable(self.get()).flatMap(ConsoleSession::audit);
        // who forced a trunk and why, from the cluster's audit (other consoles, maintenance windows)
        AuditNotes notes = AuditNotes.start(audit, java.time.Clock.systemUTC());
        ConsoleSession s = start(access, view, scheduler, trafficOptions, ConsoleControl.factory(audit), notes);
        s.onClose = notes;
        self.set(s);
        return s;
    }

    /**
     * As above, with the board's operator control: {@code control} opens the session's {@link
     * trunkops.control.TrunkControl} (the lead plugs ctl's ASTDB implementation in here), {@code journalNotes} tells
     * the board who forced a trunk and why (the audit journal's hook; {@code AdminNotes.NONE} without one).
     */
    public static ConsoleSession start(ClusterAccess access, MainView view, ScheduledExecutorService scheduler,
                                       CarrierTrafficService.Options trafficOptions,
                                       ControlBoardWiring.Factory control, trunkops.health.AdminNotes journalNotes) {
        AtomicBoolean detached = new AtomicBoolean();
        AtomicReference<BoardSnapshot> board = new AtomicReference<>();
        // a snapshot already on its way when the operator opens another cluster is not shown
        Coalescer<BoardSnapshot> toUi = new Coalescer<>(scheduler, UiExecutor.fx(), UI_INTERVAL_MS, s -> {
            if (!detached.get()) {
                view.update(s);
            }
        });
        AtomicReference<ControlBoardWiring> controls = new AtomicReference<>();
        AtomicReference<AlertsWiring> alerts = new AtomicReference<>();
        ClusterMonitor monitor = new ClusterMonitor(access, s -> {
            board.set(s);
            toUi.offer(s);
            AlertsWiring al = alerts.get();
            if (al != null) {
                al.board(s);
            }
            ControlBoardWiring c = controls.get();
            if (c != null) {
                c.snapshot(s);
            }
        });
        Coalescer<TrafficSnapshot> trafficToUi = new Coalescer<>(scheduler, UiExecutor.fx(), UI_INTERVAL_MS, s -> {
            if (!detached.get()) {
                view.updateTraffic(s);
            }
        });
        CarrierTrafficService traffic = new CarrierTrafficService(
                Database.Settings.of(access.jdbcUrl(), access.dbUser()), access.dbPassword(), trafficOptions,
                carrier -> probeVerdict(board.get(), carrier), s -> {
                    trafficToUi.offer(s);
                    AlertsWiring al = alerts.get();
                    if (al != null) {
                        al.traffic(s);
                    }
                }, Clock.systemDefaultZone());
        monitor.pjsipThresholds(PjsipThresholdsWiring.of(access));
        monitor.start();
        traffic.start();
        Platform.runLater(() -> {
            if (!detached.get()) {
                view.onRefresh(() -> {
                    monitor.refreshNow();
                    traffic.refreshNow();
                });
                view.historySource(monitor::latencyHistory);
                view.trafficSource(traffic::request, trafficOptions.summaries() == null ? traffic::report
                        : trunkops.traffic.ui.CarrierReportView.Runner.reachingPast(traffic::report));
            }
        });
        RoutesWiring routes = RoutesWiring.start(access, view.routes(), detached);
        controls.set(ControlBoardWiring.start(access, monitor, view, control, journalNotes, detached));
        ConsoleSession session = new ConsoleSession(monitor, traffic, detached, routes, controls.get());
        session.push = PushWiring.start(access, view.routes(), session::audit, detached); // Push… and rollback
        session.alerts = alerts;
        Platform.runLater(() -> session.startAudit(access, view));
        Platform.runLater(() -> session.startAlerts(access, view));
        return session;
    }

    /** The Audit tab and journal (AuditWiring), beside the Routes tab; a journal that cannot open is logged. */
    private void startAudit(ClusterAccess access, MainView view) {
        if (detached.get()) {
            return;
        }
        try {
            audit.set(AuditWiring.start(access, view.routes(), detached));
            drills.set(DrillWiring.start(access, view.routes(), detached, monitor::topology, audit.get(),
                    this::alerts));
        } catch (trunkops.control.ControlJournal.JournalException e) {
            org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).error("no audit journal: {}", e.getMessage());
        }
        if (closed.get()) {
            closeAudit();
        }
    }

    /** The Alerts tab and its detectors (AlertsWiring), after the Audit tab. */
    private void startAlerts(ClusterAccess access, MainView view) {
        if (detached.get()) {
            return;
        }
        alerts.set(AlertsWiring.start(access, view.routes(), monitor, traffic, this::audit, detached));
        if (closed.get()) {
            closeQuietly(alerts.getAndSet(null));
        }
    }

    /** Where other features post alerts (the drill's results: {@code sink.publish(Alert.drill(...))}); empty before
     *  the Alerts tab is up. */
    public java.util.Optional<trunkops.alert.AlertSink> alerts() {
        return java.util.Optional.ofNullable(alerts.get()).map(AlertsWiring::sink);
    }

    /** The audit of this session (journal, role policy, identity) once the Audit tab is up; empty before. */
    java.util.Optional<AuditWiring> audit() {
        return java.util.Optional.ofNullable(audit.get());
    }

    private void closeAudit() {
        DrillWiring d = drills.getAndSet(null);
        if (d != null) {
            d.close();
        }
        AuditWiring a = audit.getAndSet(null);
        if (a != null) {
            a.close();
        }
    }

    /**
     * What qualify says about a carrier right now: OK only when every one of its monitored trunks is reachable on
     * fresh data; NOT_OK when one is lagged or unreachable; UNKNOWN otherwise (no board yet, stale, unmonitored).
     */
    static QualityAlarm.ProbeVerdict probeVerdict(BoardSnapshot s, String carrierId) {
        if (s == null) {
            return QualityAlarm.ProbeVerdict.UNKNOWN;
        }
        boolean any = false;
        boolean unsure = false;
        for (TrunkView t : s.trunks()) {
            if (!t.carrierId().equals(carrierId)) {
                continue;
            }
            any = true;
            if (t.state() == TrunkState.UNREACHABLE || t.state() == TrunkState.LAGGED) {
                return QualityAlarm.ProbeVerdict.NOT_OK;
            }
            if (t.state() != TrunkState.REACHABLE) {
                unsure = true;
            }
        }
        return !any || unsure ? QualityAlarm.ProbeVerdict.UNKNOWN : QualityAlarm.ProbeVerdict.OK;
    }

    public ClusterMonitor monitor() {
        return monitor;
    }

    public CarrierTrafficService traffic() {
        return traffic;
    }

    /** From now on no snapshot of this session reaches the view (any thread, does not block). */
    public void detach() {
        detached.set(true);
    }

    @Override
    public void close() {
        detached.set(true);
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            monitor.close();
        } finally {
            try {
                traffic.close();
            } finally {
                try {
                    routes.close();
                } finally {
                    try {
                        closeAudit();
                    } finally {
                        control.close();
                        closeQuietly(onClose);
                        closeQuietly(push);
                        closeQuietly(alerts.getAndSet(null));
                    }
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).warn("not closed cleanly: {}", e.toString());
            }
        }
    }
}
