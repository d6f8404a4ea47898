/** Extensions declared only in the test {@code META-INF/services} files, to test discovery. */
package io.wsmon.core.discovery;
