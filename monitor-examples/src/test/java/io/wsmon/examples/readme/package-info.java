/** The README's Java code blocks, compiled against every module so the manual cannot drift. */
package io.wsmon.examples.readme;
