/**
 * Synthetic data-sharing networks for scale tests and benchmarks: deterministic for a seed, written as
 * JSON-lines facts files that the {@code import} command loads through the one write path.
 */
package org.datatrail.generate;
