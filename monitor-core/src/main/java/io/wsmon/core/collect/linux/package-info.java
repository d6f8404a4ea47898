/**
 * Linux readings straight from {@code /proc}: each file is opened once and re-read from offset 0 each
 * tick, which regenerates its content, so a reading costs one system call and a short parse.
 */
package io.wsmon.core.collect.linux;
