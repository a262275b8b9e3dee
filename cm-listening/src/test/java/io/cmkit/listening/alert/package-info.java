/** Tests of the spike detector, the synthetic-series evaluation and the listening entry point. */
package io.cmkit.listening.alert;
