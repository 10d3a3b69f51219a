/**
 * Seeded, ImageNet-X-shaped synthetic data: a validation set with the real class, metaclass and
 * factor prevalences ({@link org.imagenetx.synth.SyntheticImageNetX}) and zoos whose errors depend
 * on factors and on a shared per-image hardness ({@link org.imagenetx.synth.SyntheticZoo}).
 * Everything generated is labelled synthetic. Same seed, same data.
 */
package org.imagenetx.synth;
