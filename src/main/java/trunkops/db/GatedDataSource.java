package trunkops.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

import javax.sql.PooledConnection;
import javax.sql.XAConnection;

import org.mariadb.jdbc.MariaDbDataSource;

/**
 * {@link Database#dataSource()} and the pool's view of {@link LoginGate}: connections only through the database's
 * own login rules, never with other credentials. (A subclass of the driver's data source for the {@code CommonDataSource} plumbing, as the gate's pool
 * view is; none of the driver's own ways to log in is reachable.)
 */
final class GatedDataSource extends MariaDbDataSource {

    /** Where connections come from. */
    @FunctionalInterface
    interface Source {
        Connection connect() throws SQLException;
    }

    private final transient Source source;

    GatedDataSource(Source source) {
        this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return source.connect();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw ownAccountOnly();
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        throw ownAccountOnly();
    }

    @Override
    public PooledConnection getPooledConnection(String username, String password) throws SQLException {
        throw ownAccountOnly();
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        throw ownAccountOnly();
    }

    @Override
    public XAConnection getXAConnection(String username, String password) throws SQLException {
        throw ownAccountOnly();
    }

    private static SQLFeatureNotSupportedException ownAccountOnly() {
        return new SQLFeatureNotSupportedException("the console's database logs in only with its own account");
    }
}
