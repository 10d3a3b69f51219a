package org.imagenetx.words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.ImageTexts;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * The annotators' texts as an index over image positions: every distinct normalised {@code
 * one_word} is a term with an id, every image points at its term; every {@code justification} is
 * split into tokens ({@link #tokens}), each image holds its distinct token ids (CSR arrays) and
 * every token its images (postings). Word tables ({@link WordTable}) count terms over image sets
 * with these arrays; the image-set atoms {@code word:} and {@code justification:} look phrases up
 * with them.
 *
 * <p>Term and token ids follow code-point order of the text, so every table and suggestion is
 * deterministic. Immutable and safe to share; built once per dataset ({@link #of(Dataset)}, ~0.2 s
 * on the 48,868 annotated validation images) and cached.
 *
 * <p>Cost: ~16,000 one_word terms and ~12,000 tokens as strings, 4 bytes per image for its term,
 * and 8 bytes per (image, distinct token) pair, twice (CSR and postings): ~4 MB on the real release
 * besides the texts themselves.
 */
public final class WordIndex {
  /**
   * Stop words skipped by justification word tables: Lucene's English stop set ({@code
   * EnglishAnalyzer.ENGLISH_STOP_WORDS_SET}, 33 words) plus pronouns and auxiliaries that are as
   * frequent in the annotators' sentences and as empty of content.
   */
  private static final Set<String> STOP_WORDS =
      Set.of(
          // Lucene's English stop set
          "a",
          "an",
          "and",
          "are",
          "as",
          "at",
          "be",
          "but",
          "by",
          "for",
          "if",
          "in",
          "into",
          "is",
          "it",
          "no",
          "not",
          "of",
          "on",
          "or",
          "such",
          "that",
          "the",
          "their",
          "then",
          "there",
          "these",
          "they",
          "this",
          "to",
          "was",
          "will",
          "with",
          // frequent in the justifications, without content
          "from",
          "its",
          "has",
          "have",
          "had",
          "which",
          "were",
          "been",
          "being",
          "his",
          "her",
          "he",
          "she",
          "him",
          "them",
          "than",
          "so",
          "do",
          "does",
          "very",
          "some",
          "can",
          "also",
          "while",
          "who",
          "what",
          "where",
          "when",
          "here");

  private static final Map<Dataset, WordIndex> CACHE =
      Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private final int numImages;

  // one_word
  private final String[] terms;
  private final String[] paddedTerms;
  private final int[] termOfImage;
  private final RoaringBitmap withOneWord;

  // justification
  private final String[] tokens;
  private final boolean[] stopToken;
  private final int[] tokenOffsets;
  private final int[] tokenIds;
  private final String[] tokenText;
  private final int[] postingOffsets;
  private final int[] postings;
  private final RoaringBitmap withJustification;

  private WordIndex(ImageTexts texts) {
    int n = texts.size();
    this.numImages = n;
    // one_word: normalise, collect distinct terms in code-point order
    String[] normalised = new String[n];
    TreeSet<String> distinct = new TreeSet<>();
    for (int d = 0; d < n; d++) {
      normalised[d] = normalize(texts.oneWord(d));
      if (normalised[d] != null) {
        distinct.add(normalised[d]);
      }
    }
    terms = distinct.toArray(new String[0]);
    paddedTerms = new String[terms.length];
    Map<String, Integer> termIds = new HashMap<>(terms.length * 2);
    for (int t = 0; t < terms.length; t++) {
      paddedTerms[t] = ' ' + terms[t] + ' ';
      termIds.put(terms[t], t);
    }
    termOfImage = new int[n];
    RoaringBitmapWriter<RoaringBitmap> oneWordWriter = RoaringBitmapWriter.writer().get();
    for (int d = 0; d < n; d++) {
      termOfImage[d] = normalised[d] == null ? -1 : termIds.get(normalised[d]);
      if (normalised[d] != null) {
        oneWordWriter.add(d);
      }
    }
    withOneWord = oneWordWriter.get();
    withOneWord.runOptimize();

    // justification: tokenize, collect distinct tokens in code-point order
    List<List<String>> perImage = new ArrayList<>(n);
    TreeSet<String> distinctTokens = new TreeSet<>();
    tokenText = new String[n];
    for (int d = 0; d < n; d++) {
      String j = texts.justification(d);
      List<String> t = j == null ? List.of() : tokens(j);
      perImage.add(t);
      distinctTokens.addAll(t);
      tokenText[d] = j == null ? null : ' ' + String.join(" ", t) + ' ';
    }
    tokens = distinctTokens.toArray(new String[0]);
    stopToken = new boolean[tokens.length];
    Map<String, Integer> tokenIdOf = new HashMap<>(tokens.length * 2);
    for (int t = 0; t < tokens.length; t++) {
      tokenIdOf.put(tokens[t], t);
      stopToken[t] = isStopWord(tokens[t]);
    }
    tokenOffsets = new int[n + 1];
    int[] ids = new int[16];
    int size = 0;
    int[] postingCounts = new int[tokens.length];
    RoaringBitmapWriter<RoaringBitmap> justWriter = RoaringBitmapWriter.writer().get();
    for (int d = 0; d < n; d++) {
      if (texts.justification(d) != null) {
        justWriter.add(d);
      }
      List<String> t = perImage.get(d);
      int[] own = new int[t.size()];
      for (int i = 0; i < own.length; i++) {
        own[i] = tokenIdOf.get(t.get(i));
      }
      Arrays.sort(own);
      int k = 0;
      for (int i = 0; i < own.length; i++) {
        if (i == 0 || own[i] != own[i - 1]) {
          own[k++] = own[i];
        }
      }
      if (size + k > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + k));
      }
      for (int i = 0; i < k; i++) {
        ids[size++] = own[i];
        postingCounts[own[i]]++;
      }
      tokenOffsets[d + 1] = size;
    }
    tokenIds = Arrays.copyOf(ids, size);
    withJustification = justWriter.get();
    withJustification.runOptimize();
    postingOffsets = new int[tokens.length + 1];
    for (int t = 0; t < tokens.length; t++) {
      postingOffsets[t + 1] = postingOffsets[t] + postingCounts[t];
    }
    postings = new int[size];
    int[] fill = Arrays.copyOf(postingOffsets, tokens.length);
    for (int d = 0; d < n; d++) {
      for (int e = tokenOffsets[d]; e < tokenOffsets[d + 1]; e++) {
        postings[fill[tokenIds[e]]++] = d; // ascending: images are visited in order
      }
    }
  }

  /**
   * @param dataset annotations (their texts are read on first use)
   * @return the dataset's index, built on first use and cached
   */
  public static WordIndex of(Dataset dataset) {
    WordIndex w = CACHE.get(dataset);
    if (w == null) {
      w = new WordIndex(dataset.texts());
      WordIndex raced = CACHE.putIfAbsent(dataset, w);
      if (raced != null) {
        w = raced;
      }
    }
    return w;
  }

  /**
   * @param texts texts by image position
   * @return a new index over them (not cached)
   */
  public static WordIndex of(ImageTexts texts) {
    return new WordIndex(texts);
  }

  /**
   * @param oneWord a one_word text, or null
   * @return lower case (ROOT), trimmed, inner whitespace runs as one space; null for null or blank
   */
  public static String normalize(String oneWord) {
    if (oneWord == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(oneWord.length());
    boolean space = false;
    for (int i = 0; i < oneWord.length(); ) {
      int cp = oneWord.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.appendCodePoint(cp);
      }
    }
    return sb.length() == 0 ? null : sb.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The tokenizer of justifications: lower case (ROOT), maximal runs of letters and digits ({@link
   * Character#isLetterOrDigit(int)}); everything else separates tokens.
   *
   * @param text a text
   * @return its tokens in order, repeats kept
   */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        out.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(lower.substring(start));
    }
    return out;
  }

  /**
   * @param token a token of {@link #tokens}
   * @return true when justification word tables skip it: a stop word or one character
   */
  public static boolean isStopWord(String token) {
    return token.codePointCount(0, token.length()) < 2 || STOP_WORDS.contains(token);
  }

  /**
   * @return number of image positions
   */
  public int numImages() {
    return numImages;
  }

  /**
   * @param kind which text
   * @return number of distinct terms (one_word) or tokens (justification)
   */
  public int numTerms(TermKind kind) {
    return kind == TermKind.ONE_WORD ? terms.length : tokens.length;
  }

  /**
   * @param kind which text
   * @param id term id, 0..numTerms-1
   * @return the term
   */
  public String term(TermKind kind, int id) {
    return kind == TermKind.ONE_WORD ? terms[id] : tokens[id];
  }

  /**
   * @param kind which text
   * @return every term in id (code-point) order, unmodifiable
   */
  public List<String> terms(TermKind kind) {
    return Collections.unmodifiableList(Arrays.asList(kind == TermKind.ONE_WORD ? terms : tokens));
  }

  /**
   * @param kind which text
   * @return the images that have that text (do not modify)
   */
  public RoaringBitmap withText(TermKind kind) {
    return kind == TermKind.ONE_WORD ? withOneWord : withJustification;
  }

  /**
   * @param kind which text
   * @param phrase words, in the user's spelling
   * @return the phrase as the index spells it: normalised ({@link #normalize}) for one_word, the
   *     tokens joined by one space for justification; null when nothing is left
   */
  public static String canonical(TermKind kind, String phrase) {
    if (kind == TermKind.ONE_WORD) {
      return normalize(phrase);
    }
    List<String> t = tokens(phrase);
    return t.isEmpty() ? null : String.join(" ", t);
  }

  /**
   * The images whose text contains a phrase on word boundaries: {@code top view} matches the
   * one_word {@code "Top view"} and {@code "top view of a dog"} but not {@code "laptop view"};
   * {@code sepia} matches the justification {@code "Sepia image, of a tiger"}.
   *
   * @param kind which text
   * @param phrase words in the user's spelling (normalised as the kind's texts are)
   * @return a new set, empty when no image matches
   */
  public RoaringBitmap containing(TermKind kind, String phrase) {
    String canonical = canonical(kind, phrase);
    RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
    if (canonical == null) {
      return out.get();
    }
    String padded = ' ' + canonical + ' ';
    if (kind == TermKind.ONE_WORD) {
      boolean[] matched = new boolean[terms.length];
      boolean any = false;
      for (int t = 0; t < terms.length; t++) {
        matched[t] = paddedTerms[t].contains(padded);
        any |= matched[t];
      }
      if (any) {
        for (int d = 0; d < numImages; d++) {
          int t = termOfImage[d];
          if (t >= 0 && matched[t]) {
            out.add(d);
          }
        }
      }
      return out.get();
    }
    String[] words = canonical.split(" ");
    int rarest = -1;
    for (String w : words) {
      int id = Arrays.binarySearch(tokens, w);
      if (id < 0) {
        return out.get();
      }
      if (rarest < 0
          || postingOffsets[id + 1] - postingOffsets[id]
              < postingOffsets[rarest + 1] - postingOffsets[rarest]) {
        rarest = id;
      }
    }
    for (int e = postingOffsets[rarest]; e < postingOffsets[rarest + 1]; e++) {
      int d = postings[e];
      if (words.length == 1 || tokenText[d].contains(padded)) {
        out.add(d);
      }
    }
    return out.get();
  }

  /**
   * @param d image position
   * @return its one_word term id, or -1
   */
  int termOfImage(int d) {
    return termOfImage[d];
  }

  /**
   * @return one_word term id per image position (shared; -1 where absent)
   */
  int[] termOfImage() {
    return termOfImage;
  }

  /**
   * @return CSR offsets of each image's distinct justification token ids (shared)
   */
  int[] tokenOffsets() {
    return tokenOffsets;
  }

  /**
   * @return CSR values: distinct justification token ids per image, ascending (shared)
   */
  int[] tokenIds() {
    return tokenIds;
  }

  /**
   * @param kind which text
   * @param id term id
   * @return true when word tables of that kind skip the term
   */
  boolean skipped(TermKind kind, int id) {
    return kind == TermKind.JUSTIFICATION && stopToken[id];
  }
}
