/**
 * Image sets: a small algebra over the dense image index, the pages that list a set's images, and
 * the validated paths of a user's copy of the images.
 *
 * <p>An expression combines atoms with {@code and}, {@code or}, {@code not} and parentheses
 * (precedence {@code not} over {@code and} over {@code or}); keywords and prefixes are
 * case-insensitive:
 *
 * <ul>
 *   <li>{@code texture}: a factor of the session's selection ({@code top} by default, like the rest
 *       of the tool); {@code multi:texture}, {@code top:texture} name the selection;
 *   <li>{@code class:tench}, {@code class:0}, {@code class:n01440764}, {@code wnid:n01440764}: a
 *       true class; {@code metaclass:dog}: a true metaclass;
 *   <li>{@code real:agrees|disagrees|empty|multiple}: the original label is in the ReaL set / the
 *       set is not empty and lacks it / the set is empty / it holds more than one label;
 *   <li>{@code wrong:ViT}, {@code right:ResNet50}: the model's errors or correct answers under the
 *       session's error type; {@code wrong:ViT@metaclass} names the type for that atom;
 *   <li>{@code word:"top view"}: the one_word contains the phrase on word boundaries (case and
 *       whitespace normalised); {@code justification:sepia} the same for the justification's
 *       tokens;
 *   <li>{@code all}: the universe, the evaluated images of the selection.
 * </ul>
 *
 * <p>Every name is resolved when parsing; a mistake is an {@link
 * org.imagenetx.images.ExpressionException} whose message is one line with the column: {@code at
 * 13: unknown factor 'textur' (did you mean texture?)}.
 *
 * <pre>{@code
 * Dataset val = Release.load(AnnotationLoader.Options.defaults());
 * ImageSets sets = ImageSets.of(val, Zoos.base(val.index()), FactorSelection.TOP, ErrorType.CLASS);
 * ImageSet set = sets.evaluate("texture and wrong:ViT and right:ResNet50");
 * int n = set.count();
 * ImageListing page = sets.list(set, List.of("ViT", "ResNet50"), 0, 20);
 * String why = page.rows().get(0).justification();
 * }</pre>
 */
package org.imagenetx.images;
