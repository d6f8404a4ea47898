/**
 * The JSON form of snapshots and alerts (SPEC §3): snake_case field names, ISO-8601 timestamps with
 * offset and microseconds, absent instead of null. {@link io.wsmon.core.json.SnapshotCodec} is the one
 * place a snapshot is turned into bytes.
 */
package io.wsmon.core.json;
