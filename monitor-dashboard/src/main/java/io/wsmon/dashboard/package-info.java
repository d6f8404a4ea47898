/**
 * The live dashboard at {@code /} of the WebSocket server's port: one page, its script and style, and the
 * uPlot chart library, loaded from the class path once and served with validators. The page speaks the
 * server's WebSocket protocol; nothing here reads snapshots.
 */
package io.wsmon.dashboard;
