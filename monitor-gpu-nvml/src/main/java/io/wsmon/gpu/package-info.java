/** placeholder */
package io.wsmon.gpu;
