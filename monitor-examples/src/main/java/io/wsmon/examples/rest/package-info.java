/** A REST endpoint for the current snapshot on the JDK's own {@code com.sun.net.httpserver.HttpServer}. */
package io.wsmon.examples.rest;
