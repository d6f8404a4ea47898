/** Exporting snapshots to PostgreSQL over JDBC, one row per export with the whole snapshot as {@code jsonb}. */
package io.wsmon.examples.postgres;
