package io.cmkit.bench.analytics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time, which a machine shared with other work disturbs less than wall time: the process's
 * (every thread, DuckDB's native workers and the garbage collector included) and the current thread's.
 */
final class ProcessCpu {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProcessCpu() {
    }

    /** The process's CPU time so far, in nanoseconds; −1 when the JVM cannot tell. */
    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
