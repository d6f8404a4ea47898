/**
 * Benchmarks and load tools. Built with every build; run only when asked:
 * {@code java -jar monitor-bench/target/benchmarks.jar <regex>}.
 */
package io.wsmon.bench;
