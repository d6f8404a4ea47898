package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.PressureAverages;
import io.wsmon.api.PressureInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PressureMonitorTest {

    @TempDir
    Path dir;

    @Test
    void collect_psiFiles_giveSomeAndFullExceptForTheProcessor() throws Exception {
        PressureMonitor monitor = new PressureMonitor(LinuxFixture.copy("host", dir).resolve("proc"));
        monitor.start(LinuxFixture.context(Map.of()));

        PressureInfo info = monitor.collect();

        assertThat(info.cpu().some()).isEqualTo(new PressureAverages(1.5, 1.0, 0.75, 12.5));
        assertThat(info.cpu().full()).isNull();
        assertThat(info.memory().some()).isEqualTo(new PressureAverages(12.34, 5.0, 1.0, 4.0));
        assertThat(info.memory().full()).isEqualTo(new PressureAverages(0.5, 0.25, 0.1, 2.0));
        assertThat(info.io().some().avg10()).isZero();
    }

    @Test
    void collect_oneFileMissing_leavesThatResourceOut() throws Exception {
        Path proc = LinuxFixture.copy("host", dir).resolve("proc");
        Files.delete(proc.resolve("pressure/io"));
        PressureMonitor monitor = new PressureMonitor(proc);
        monitor.start(LinuxFixture.context(Map.of()));

        assertThat(monitor.collect().io()).isNull();
    }

    @Test
    void start_kernelWithoutPsi_isUnavailable() throws Exception {
        Files.createDirectories(dir.resolve("proc"));

        assertThatThrownBy(() -> new PressureMonitor(dir.resolve("proc")).start(LinuxFixture.context(Map.of())))
                .isInstanceOf(MonitorUnavailableException.class);
    }
}
