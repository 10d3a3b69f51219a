/**
 * The hot kernels: static methods over {@code long[]} words and predictions packed four to a {@code
 * long} ({@link org.imagenetx.bits.Lanes}) that count without allocating. Internal: the rest of the
 * engine calls them, users should not.
 *
 * <p>Invariant: bits past the logical size are clear in every operand ("ghost bits clear"), so
 * whole-word loops need no tail mask; constructors of word views {@code assert} it. Each kernel has
 * a plain reference implementation in the tests ({@code WordsTest}, {@code CorrectnessTest}).
 *
 * <pre>{@code
 * Correctness.classCorrectPacked(pred, labels, n, correct);          // one SWAR pass per model
 * int c = Words.andCountRange(correct, textureWords, from, to);       // a metaclass's texture cell
 * }</pre>
 */
package org.imagenetx.bits;
