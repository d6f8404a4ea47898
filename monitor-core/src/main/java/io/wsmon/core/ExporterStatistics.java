package io.wsmon.core;

import java.time.Instant;

/**
 * How one exporter has fared since the service started.
 *
 * @param exports successful exports
 * @param errors exports that threw
 * @param failing whether the latest export failed
 * @param lastError the latest failure's description; {@code null} when none
 * @param lastExport when the latest successful export ended; {@code null} when none yet
 */
public record ExporterStatistics(long exports, long errors, boolean failing, String lastError, Instant lastExport) {}
