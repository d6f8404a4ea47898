/**
 * The {@code monitoring-websocket-server} command: settings from flags, {@code WSMON_} environment
 * variables and a properties file (in that order of precedence), the server's start and clean stop,
 * and the live console view.
 */
package io.wsmon.ws.cli;
