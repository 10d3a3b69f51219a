/**
 * Zoo-wide passes on all cores: {@link org.imagenetx.parallel.Workers} runs N identical workers
 * over a shared counter and rethrows a worker's failure unwrapped. Results never depend on the
 * number of workers: each item (a model, a pair) is computed independently and stored at its own
 * index.
 */
package org.imagenetx.parallel;
