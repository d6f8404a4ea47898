/**
 * Built-in alert handlers: {@link io.wsmon.core.alert.handler.ConsoleAlertHandler} (coloured by level),
 * {@link io.wsmon.core.alert.handler.FileAlertHandler} (one line per alert, size rotation),
 * {@link io.wsmon.core.alert.handler.EmailAlertHandler} (SMTP with STARTTLS and authentication),
 * {@link io.wsmon.core.alert.handler.WebhookAlertHandler} (JSON POST) and
 * {@link io.wsmon.core.alert.handler.SlackAlertHandler} (Slack incoming webhook).
 *
 * <p>Each works on its own ({@code handler.handle(alert)}) or in an
 * {@link io.wsmon.core.alert.delivery.AlertHandlerManager}; each checks its configuration when built and
 * throws {@link IllegalArgumentException} naming the bad option and value.
 */
package io.wsmon.core.alert.handler;
