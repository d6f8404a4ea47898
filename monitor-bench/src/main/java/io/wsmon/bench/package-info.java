/** placeholder */
package io.wsmon.bench;
