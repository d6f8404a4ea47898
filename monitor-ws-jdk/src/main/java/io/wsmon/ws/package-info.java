/** placeholder */
package io.wsmon.ws;
