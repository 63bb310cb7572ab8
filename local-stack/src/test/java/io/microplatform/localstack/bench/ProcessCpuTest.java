package io.microplatform.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    /** A JVM's stat line: utime 1520, stime 230, cutime 7, cstime 3 (fields 14 to 17), a name with a space. */
    private static final String STAT = "4242 (java main) S 1 4242 4242 0 -1 4194560 51230 0 12 0 1520 230 7 3 20 0 "
            + "42 0 3116 4213239808 91234 18446744073709551615 1 1 0 0 0 0 0 0 16800975 0 0 0 17 1 0 0 0 0 0";

    @Test
    void countsUserAndSystemTimeAndWithCollectedChildrenTheirsToo() {
        assertThat(ProcessCpu.ticks(STAT, false)).isEqualTo(1750);
        assertThat(ProcessCpu.ticks(STAT, true)).isEqualTo(1760);
    }

    @Test
    void thisJvmHasUsedCpuAndHoldsMemory() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcessCpu.millis(pid)).isPositive();
        assertThat(ProcessCpu.residentBytes(pid)).isGreaterThan(1 << 20);
    }
}
