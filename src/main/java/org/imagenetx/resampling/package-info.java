/**
 * Resampling: every interval of the tool, each an {@link org.imagenetx.resampling.Interval} that
 * carries its confidence level and {@link org.imagenetx.resampling.IntervalMethod}. The image
 * bootstrap works on cell counts ({@link org.imagenetx.resampling.CellBootstrap} over a {@link
 * org.imagenetx.resampling.CellLayout}, multinomial draws by {@link
 * org.imagenetx.resampling.BinomialSampler}), for every model of a zoo at once ({@link
 * org.imagenetx.resampling.ZooBootstrap}); group means are bootstrapped over models ({@link
 * org.imagenetx.resampling.MeanBootstrap}). Every random stream is seeded from the master seed and
 * the names of what is estimated, never from positions or threads.
 *
 * <pre>{@code
 * ZooBootstrap.Result r = ZooBootstrap.run(dataset, zoo, FactorSelection.TOP, ErrorType.CLASS,
 *     false, ZooBootstrap.Settings.defaults(), 2);
 * Interval er = r.interval(r.indexOf("ViT"), ZooBootstrap.Result.errorRatio(Factor.TEXTURE));
 * }</pre>
 */
package org.imagenetx.resampling;
