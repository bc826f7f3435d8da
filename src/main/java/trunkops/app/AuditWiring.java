package trunkops.app;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.ControlJournal.JournalException;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditQuery;
import trunkops.control.audit.AuditStore;
import trunkops.control.audit.CombinedJournal;
import trunkops.control.audit.Identity;
import trunkops.control.audit.LocalJournal;
import trunkops.control.audit.RolePolicy;
import trunkops.control.ui.AuditView;
import trunkops.db.AuditTable;
import trunkops.db.Database;
import trunkops.health.ClusterAccess;
import trunkops.secrets.SessionSecret;

/**
 * The audit for one cluster session: who acts (the OS user, the role from the admin's policy file), the journal
 * (this machine's file + the cluster's {@code trunkops_audit} table, opened on an {@code audit-io} thread), and the
 * Audit tab, added beside the main view's tabs and removed when the session closes. {@link #journal()} is what the
 * control implementation journals to; {@link #policy()} what the UI and CLI ask before acting.
 */
final class AuditWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWiring.class);

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-io");
        t.setDaemon(true);
        return t;
    });
    private final Database database;
    private final RolePolicy policy;
    private final Identity who;
    private final CombinedJournal journal;
    private volatile AuditStore table;
    private final AuditView view = new AuditView();
    private volatile Tab tab;
    private javafx.scene.input.KeyCombination key;

    private AuditWiring(Database database, RolePolicy policy, Identity who, CombinedJournal journal) {
        this.database = database;
        this.policy = policy;
        this.who = who;
        this.journal = journal;
    }

    /**
     * Opens the local journal now (file IO only, so an action can be journaled at once), the cluster's table on
     * {@code audit-io} (migration and probes block on the database), and adds the Audit tab to the TabPane holding
     * {@code besideTab}. Call on the FX thread once the main view is shown. Throws {@link JournalException} when
     * the local journal cannot be opened: the console must then not act (it can still watch).
     */
    static AuditWiring start(ClusterAccess access, Node besideTab, AtomicBoolean detached) throws JournalException {
        RolePolicy policy = policyFor(access);
        policy.problems().forEach(p -> LOG.warn("roles: {}", p));
        Identity who = Identity.currentUser(policy);
        String cluster = clusterKey(access.jdbcUrl());
        LocalJournal local = LocalJournal.open(AppPaths.auditJournal(), who, Clock.systemUTC(), cluster);
        Database db = new Database(Database.Settings.of(access.jdbcUrl(), access.dbUser()),
                SessionSecret.of(access.dbPassword()));
        Deferred table = new Deferred();
        CombinedJournal journal = new CombinedJournal(local, table, Duration.ofMinutes(1));
        AuditWiring w = new AuditWiring(db, policy, who, journal);
        w.table = table;
        w.addTab(besideTab, detached, table);
        w.io.execute(() -> {
            try { // ControlHousekeeping reads them again on the dialers (UnfinishedActions) and completes them
                for (AuditEntry e : local.unfinishedEntries()) {
                    LOG.warn("unfinished action from an earlier run: {} {} {} {} on {} (begun, never completed)",
                            e.started(), e.actor(), e.verb(), e.trunk(),
                            e.dialers().isEmpty() ? "every dialer" : e.dialers());
                }
            } catch (JournalException e) {
                LOG.warn("the audit journal could not be read: {}", e.getMessage());
            }
            table.target = AuditTable.open(db).forCluster(cluster);
            LOG.info("audit: {}; {}", who.display(), table.target.status());
            journal.syncNow();
            trunkops.ui.common.UiExecutor.fx().execute(() -> {
                if (!detached.get()) {
                    w.view.refresh();
                }
            });
        });
        return w;
    }

    /**
     * The role policy for a session: the administrator's file (docs/audit.md); on a lab cluster, the person running
     * the lab is its engineer (the lab is their own sandbox, on their own machine).
     */
    static RolePolicy policyFor(ClusterAccess access) {
        if (access.lab()) {
            return RolePolicy.parse(List.of(System.getProperty("user.name", "unknown") + " engineer"),
                    "the lab (whoever runs it is its engineer)", List.of());
        }
        return RolePolicy.load(RolePolicy.defaultFile());
    }

    /** The table once {@code audit-io} has opened it; until then every call fails and entries wait locally. */
    static final class Deferred implements AuditStore {
        volatile AuditTable target;

        private AuditTable table() throws JournalException {
            AuditTable t = target;
            if (t == null) {
                throw new JournalException("the audit table is not open yet", null);
            }
            return t;
        }

        @Override
        public void upsert(AuditEntry entry) throws JournalException {
            table().upsert(entry);
        }

        @Override
        public List<AuditEntry> read(AuditQuery query) throws JournalException {
            return table().read(query);
        }

        @Override
        public String status() {
            AuditTable t = target;
            return t == null ? "audit table opening" : t.status();
        }
    }

    private void addTab(Node besideTab, AtomicBoolean detached, AuditStore table) {
        TabPane tabs = tabPaneOf(besideTab);
        if (tabs == null) {
            LOG.warn("the Audit tab was not added: no TabPane around {}", besideTab);
            return;
        }
        tab = new Tab("Audit", view);
        tab.setId("auditTab");
        tabs.getTabs().add(tab);
        shortcut(tabs, tab);
        AuditView.Source source = new AuditView.Source() {
            @Override
            public List<AuditEntry> load() throws JournalException {
                return merged(table, journal.local());
            }

            @Override
            public String describe() {
                return "TrunkOps' table and this console's journal (" + who.display() + ")";
            }
        };
        if (!detached.get()) {
            view.connect(source, io, trunkops.ui.common.UiExecutor.fx(), Clock.systemUTC(), ZoneId.systemDefault());
        }
    }

    /** The table's entries, with this machine's entries the table does not have yet (or has less of). */
    static List<AuditEntry> merged(AuditStore table, LocalJournal local) throws JournalException {
        Map<String, AuditEntry> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            table.read(AuditQuery.ALL).forEach(e -> byId.put(e.id(), e));
        } catch (JournalException e) {
            problems.add(e.getMessage());
        }
        for (AuditEntry e : local.read().entries()) {
            if (!e.cluster().equals(local.cluster())) {
                continue;
            }
            AuditEntry there = byId.get(e.id());
            if (there == null || e.finished() && !there.finished()) {
                byId.put(e.id(), e);
            }
        }
        problems.forEach(p -> LOG.info("audit view shows the local journal only: {}", p));
        return List.copyOf(byId.values());
    }

    /**
     * Which cluster an entry belongs to: the database its table is in, {@code host:port/schema} from the JDBC URL
     * (lower case, no options), stable when the cluster profile is renamed.
     */
    static String clusterKey(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        String s = jdbcUrl.strip();
        int scheme = s.indexOf("://");
        s = scheme >= 0 ? s.substring(scheme + 3) : s;
        int q = s.indexOf('?');
        s = q >= 0 ? s.substring(0, q) : s;
        int at = s.lastIndexOf('@');
        s = at >= 0 ? s.substring(at + 1) : s;
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Ctrl+n for the tab at place n (8 beside the main view's seven), as the other tabs have, and named in its title;
     * none past 9.
     */
    private void shortcut(TabPane tabs, Tab t) {
        int n = tabs.getTabs().indexOf(t) + 1;
        if (n < 1 || n > 9 || tabs.getScene() == null) {
            return;
        }
        key = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.valueOf("DIGIT" + n),
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
        tabs.getScene().getAccelerators().put(key, () -> tabs.getSelectionModel().select(t));
        t.setText("Audit (Ctrl+" + n + ")");
    }

    /** The TabPane whose tab shows {@code content} (walks up from it), else the main view's {@code #tabs}. */
    static TabPane tabPaneOf(Node content) {
        for (Parent p = content == null ? null : content.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TabPane t) {
                return t;
            }
        }
        if (content != null && content.getScene() != null
                && content.getScene().lookup("#tabs") instanceof TabPane t) {
            return t;
        }
        return null;
    }

    CombinedJournal journal() {
        return journal;
    }

    /**
     * The cluster's entries started since {@code since} (the table's, with this machine's the table lacks); off the FX
     * thread (JDBC and file IO).
     */
    List<AuditEntry> entriesSince(java.time.Instant since) throws JournalException {
        AuditQuery q = new AuditQuery(java.util.Optional.of(since), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty());
        return merged(table, journal.local()).stream().filter(q::matches).toList();
    }

    RolePolicy policy() {
        return policy;
    }

    Identity identity() {
        return who;
    }

    AuditView view() {
        return view;
    }

    @Override
    public void close() {
        Tab t = tab;
        if (t != null) {
            trunkops.ui.common.UiExecutor.fx().execute(() -> {
                if (t.getTabPane() != null) {
                    if (t.getTabPane().getScene() != null && key != null) {
                        t.getTabPane().getScene().getAccelerators().remove(key);
                    }
                    t.getTabPane().getTabs().remove(t);
                }
            });
        }
        journal.close();
        io.shutdownNow();
        database.close();
    }
}
