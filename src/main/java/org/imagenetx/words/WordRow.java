package org.imagenetx.words;

/**
 * One term of a {@link WordTable}: how often it describes the mistakes and the correct answers, and
 * whether the difference is more than chance.
 *
 * @param term the normalised one_word term or the justification token
 * @param mistakes mistaken images whose text has the term ({@code a})
 * @param correct correctly answered images whose text has the term ({@code b})
 * @param mistakeShare {@code a / A}: share of the mistakes (with a text) described by the term
 * @param correctShare {@code b / B}: share of the correct answers described by the term
 * @param lift {@code mistakeShare / correctShare}: above 1, the term describes mistakes more often
 *     than correct answers; +∞ when no correct answer has it
 * @param p two-sided Fisher exact p-value of the 2×2 table {@code [[a, A−a], [b, B−b]]}
 * @param q Benjamini–Hochberg adjusted p over every term the table tested
 */
public record WordRow(
    String term,
    int mistakes,
    int correct,
    double mistakeShare,
    double correctShare,
    double lift,
    double p,
    double q) {}
