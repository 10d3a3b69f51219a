/**
 * The hot kernels: static methods over {@code long[]} words and predictions ({@code short[]}, or
 * packed four to a {@code long} by {@link org.imagenetx.bits.Lanes} for the SWAR whole-zoo kernels)
 * that count without allocating. Internal: the rest of the engine calls them, users should not.
 *
 * <p>Invariant: bits past the logical size are clear in every operand ("ghost bits clear"), so
 * whole-word loops need no tail mask; constructors of word views {@code assert} it. Each kernel has
 * a plain reference implementation in the tests ({@code WordsTest}, {@code CorrectnessTest}).
 *
 * <pre>{@code
 * Correctness.classCorrect(pred, index.labels(), n, correct);        // one pass per model
 * Correctness.classCorrectPacked(packed, labelsPacked, n, correct);  // the same, 4 images per op
 * int c = Words.andCountRange(correct, textureWords, from, to);       // a metaclass's texture cell
 * }</pre>
 */
package org.imagenetx.bits;
