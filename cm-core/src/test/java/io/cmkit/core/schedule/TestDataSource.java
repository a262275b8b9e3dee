package io.cmkit.core.schedule;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A host's data source for tests: plain DriverManager connections that count how many are open,
 * and a switch that makes the next statement matching a predicate fail, to see rollbacks.
 */
final class TestDataSource implements DataSource {

    private final String url;
    private final String user;
    private final AtomicInteger open = new AtomicInteger();
    private volatile Predicate<String> failing = sql -> false;

    TestDataSource(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** Connections handed out and not closed yet. */
    int openConnections() {
        return open.get();
    }

    /** Every statement whose SQL matches fails from now on (until {@link #heal()}). */
    void failStatementsMatching(Predicate<String> sql) {
        this.failing = sql;
    }

    void heal() {
        this.failing = sql -> false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = DriverManager.getConnection(url, user, "");
        open.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !physical.isClosed()) {
                        open.decrementAndGet();
                    }
                    if (method.getName().equals("prepareStatement") && failing.test((String) args[0])) {
                        return failingStatement((String) args[0]);
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static PreparedStatement failingStatement(String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(TestDataSource.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("execute")) {
                        throw new SQLException("disk full (injected) running " + sql, "53100");
                    }
                    if (name.equals("close")) {
                        return null;
                    }
                    return method.getReturnType() == boolean.class ? false
                            : method.getReturnType() == int.class ? 0 : null;
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("not used");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
