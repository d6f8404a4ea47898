/** Snapshots as text for people: units and the system summary. */
package io.wsmon.core.format;
