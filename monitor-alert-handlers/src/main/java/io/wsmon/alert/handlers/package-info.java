/**
 * Built-in alert handlers: {@link io.wsmon.alert.handlers.ConsoleAlertHandler} (coloured by level),
 * {@link io.wsmon.alert.handlers.FileAlertHandler} (one line per alert, size rotation),
 * {@link io.wsmon.alert.handlers.EmailAlertHandler} (SMTP with STARTTLS and authentication),
 * {@link io.wsmon.alert.handlers.WebhookAlertHandler} (JSON POST) and
 * {@link io.wsmon.alert.handlers.SlackAlertHandler} (Slack incoming webhook).
 *
 * <p>Each works on its own ({@code handler.handle(alert)}) or in an
 * {@link io.wsmon.core.alert.delivery.AlertHandlerManager}. Their builders behave as
 * {@code MonitoringService.builder()}: each option is checked when set and may be set only once; a bad value is an
 * {@link IllegalArgumentException} {@code option: problem, got value} (for example
 * {@code timeout: must be positive, got 0ms}), a second call an {@link IllegalStateException}
 * {@code option: already set to old, got new} (the values of credentials and headers are never shown).
 *
 * <p>Each also has a public no-argument constructor, so it can be listed in
 * {@code META-INF/services/io.wsmon.api.AlertHandler} and configured by the service settings instead of a
 * builder. Such a handler is named after its kind ({@code file}, {@code email}, {@code webhook},
 * {@code slack}) and reads the settings under {@code alert.<kind>.} in {@code start}; the class comment of
 * each lists its keys. A value goes through the builder's own check, and every failure is reported under its
 * key:
 * <ul>
 *   <li>no {@code alert.<kind>.*} setting at all: {@code start} throws
 *       {@link io.wsmon.api.MonitorUnavailableException}, and the service leaves the handler out with one DEBUG
 *       line, so listing a handler that is not used costs nothing;</li>
 *   <li>a required key missing while others are set, an unknown key, or a bad value: {@code start} throws
 *       {@link IllegalArgumentException} whose message starts with the key, for example
 *       {@code alert.webhook.timeout: must be positive, got 0ms}, and the service leaves the
 *       handler out with one WARN line.</li>
 * </ul>
 * A handler built with its builder ignores the settings.
 */
package io.wsmon.alert.handlers;
