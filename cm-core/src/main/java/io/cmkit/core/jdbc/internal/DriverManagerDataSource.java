package io.cmkit.core.jdbc.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over {@link DriverManager} that keeps up to {@value #MAX_IDLE} idle
 * connections for reuse, so the store needs no pool library. The password stays in this object
 * only: {@link #toString()} shows the URL without credentials.
 */
public final class DriverManagerDataSource implements DataSource, AutoCloseable {

    static final int MAX_IDLE = 16;

    private final String url;
    private final Properties properties = new Properties();
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(MAX_IDLE);
    private volatile boolean closed;

    public DriverManagerDataSource(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: " + JdbcUrls.redact(url));
        }
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the store's connections to " + JdbcUrls.redact(url) + " are closed", "08003");
        }
        Connection physical;
        while ((physical = idle.poll()) != null) {
            if (!physical.isClosed()) {
                return wrap(physical);
            }
        }
        try {
            return wrap(DriverManager.getConnection(url, properties));
        } catch (SQLException e) {
            throw sanitized(e);
        }
    }

    /**
     * The driver's exception with the password and the URL's credentials taken out of its
     * message (drivers echo the host part of the URL, which may carry them); its causes are
     * summarised the same way, not kept.
     */
    private SQLException sanitized(SQLException e) {
        StringBuilder message = new StringBuilder(clean(e.getMessage()));
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            message.append(" [caused by ").append(t.getClass().getSimpleName()).append(": ")
                    .append(clean(t.getMessage())).append(']');
        }
        SQLException out = new SQLException(message.toString(), e.getSQLState(), e.getErrorCode());
        out.setStackTrace(e.getStackTrace());
        return out;
    }

    private String clean(String text) {
        if (text == null) {
            return "";
        }
        String out = JdbcUrls.redact(text);
        String password = properties.getProperty("password");
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "***");
        }
        return out;
    }

    private Connection wrap(Connection physical) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean released;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                String name = method.getName();
                if (name.equals("close")) {
                    if (!released) {
                        released = true;
                        giveBack(physical);
                    }
                    return null;
                }
                if (name.equals("isClosed")) {
                    return released || physical.isClosed();
                }
                if (name.equals("toString")) {
                    return "Connection[" + JdbcUrls.redact(url) + "]";
                }
                if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                    return method.invoke(physical, args);
                }
                if (released) {
                    throw new SQLException("connection already closed", "08003");
                }
                try {
                    return method.invoke(physical, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private void giveBack(Connection physical) {
        try {
            if (physical.isClosed()) {
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            if (closed || !idle.offer(physical)) {
                physical.close();
            }
        } catch (SQLException e) {
            try {
                physical.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    /** Closes the idle connections; connections in use close when they are given back. */
    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /** The URL without credentials. */
    public String redactedUrl() {
        return JdbcUrls.redact(url);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the store's data source has fixed credentials");
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
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DriverManagerDataSource[" + JdbcUrls.redact(url) + "]";
    }
}
