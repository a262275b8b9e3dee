/** Tests of the command-line tools, including the measured figures and their floors. */
package io.cmkit.listening.tools;
