/**
 * A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client: no driver
 * download, no Selenium. Pages report their JavaScript errors, WebSocket frames and screenshots.
 */
package io.wsmon.dashboard.browser;
