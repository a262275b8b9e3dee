package io.cmkit.core.testing;

import io.cmkit.core.jdbc.StoreDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that hands a test fresh store databases of one engine and tidies them up after
 * it: H2 in-memory databases are shut down (they live until the JVM exits otherwise), PostgreSQL
 * ones (a new schema of the shared server each) are closed. A contract test on several engines
 * then reads, per engine:
 *
 * <pre>{@code
 * @Nested
 * class OnH2 extends AuditLogContract {
 *     @RegisterExtension
 *     final FreshDatabases databases = FreshDatabases.h2();
 *
 *     @Override
 *     protected AuditLog log() {
 *         return JdbcAuditLog.open(databases.open(), JdbcStoreConfig.ofDefaults());
 *     }
 * }
 * }</pre>
 */
public final class FreshDatabases implements AfterEachCallback {

    private final Supplier<StoreDatabase> fresh;
    private final Consumer<StoreDatabase> release;
    private final List<StoreDatabase> opened = new ArrayList<>();

    private FreshDatabases(Supplier<StoreDatabase> fresh, Consumer<StoreDatabase> release) {
        this.fresh = fresh;
        this.release = release;
    }

    /** Fresh H2 in-memory databases ({@link TestDatabases#freshH2()}), dropped after each test. */
    public static FreshDatabases h2() {
        return new FreshDatabases(TestDatabases::freshH2, TestDatabases::dropH2);
    }

    /** New schemas of the shared PostgreSQL ({@link TestDatabases#freshPostgres()}), closed after each test. */
    public static FreshDatabases postgres() {
        return new FreshDatabases(TestDatabases::freshPostgres, StoreDatabase::close);
    }

    /** A new, empty database, released after the current test. */
    public synchronized StoreDatabase open() {
        StoreDatabase db = fresh.get();
        opened.add(db);
        return db;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        for (StoreDatabase db : opened) {
            release.accept(db);
        }
        opened.clear();
    }
}
