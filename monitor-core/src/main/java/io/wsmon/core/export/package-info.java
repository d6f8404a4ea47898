/**
 * Exporters shipped with wsmon: {@link io.wsmon.core.export.JsonFileExporter} writes snapshots to a JSON
 * file per day, optionally gzip-compressed, never leaving a torn record behind.
 */
package io.wsmon.core.export;
