package dev.loadtest.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this JVM process costs: CPU time of all its threads, resident memory, threads, heap after GC. */
final class ProcessStats {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessStats() {
    }

    /** CPU time of the whole process (every thread: application, JIT, GC), nanoseconds. */
    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Resident set size in bytes (VmRSS of /proc/self/status). */
    static long rssBytes() {
        return statusField("VmRSS:") * 1024;
    }

    /** Threads of this process, as the kernel counts them (platform threads, JIT, GC, ...). */
    static long osThreads() {
        return statusField("Threads:");
    }

    /** Heap in use after full collections. */
    static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
