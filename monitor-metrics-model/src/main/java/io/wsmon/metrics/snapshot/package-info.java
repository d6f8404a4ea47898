/**
 * From a snapshot to metric families (SPEC §10). {@link io.wsmon.metrics.snapshot.SnapshotMetrics} is the
 * entry point. It reads each section by its wire names (SPEC §3 and §11), the names a JSON client sees,
 * so a section maps whatever Java type carries it: the built-in sections by the rules of their own class
 * here ({@code ProcessorMapping}, ...), any other section by {@code CustomSectionMapping}.
 */
package io.wsmon.metrics.snapshot;
