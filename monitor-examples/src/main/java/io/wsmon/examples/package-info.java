/** placeholder */
package io.wsmon.examples;
