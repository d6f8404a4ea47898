/** placeholder */
package io.wsmon.core;
