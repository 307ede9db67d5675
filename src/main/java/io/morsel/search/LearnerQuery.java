package io.morsel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.jspecify.annotations.Nullable;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;

/**
 * What a learner typed, as Lucene queries built here rather than by Lucene's query parser: whatever they type (quotes
 * left open, wildcards, brackets, control characters, pages of text) is words and quoted phrases, never syntax, so no
 * query fails. Words are analysed as the index is (English, stemmed); each may match any field, with a field's weight,
 * or, misspelt, a near word (one edit for short words, two for long ones). Quoted phrases must appear as such; the
 * words in the order typed are a phrase that ranks higher where they stand close together.
 *
 * @param words the analysed words, each once, in the order typed
 * @param sequence the analysed words in order with their positions, for the proximity boost
 * @param phrases each quoted phrase's analysed words with their positions
 * @param alternatives the organisation's synonyms of what was typed: words or phrases, each as good as a word typed
 * @param near each word's near words in the index, once {@link #withNearWords} found them (empty before): the same
 *     terms a fuzzy query would find, without building its automata again for every query of a search
 * @param spelt the words some lesson of the organisation holds as typed, once {@link #withNearWords} looked (empty
 *     before): typo tolerance is for the words that match nothing, so these get no near words
 */
record LearnerQuery(List<String> words, List<Positioned> sequence, List<List<Positioned>> phrases,
		List<List<Positioned>> alternatives, Map<String, NearWords> near, Set<String> spelt) {

	/**
	 * A word's near words in the index's content ({@link LessonDocuments#ALL}), and the fuzzy query on that field as
	 * the searcher rewrote it: ranking in that field uses it as such, so the near words weigh as a fuzzy query's
	 * (their frequencies blended), not each as a word of its own.
	 */
	record NearWords(List<String> words, Query inContent) {
	}

	/** Characters of a query that count; the rest of a longer one is ignored. */
	static final int MAX_LENGTH = 500;
	static final int MAX_WORDS = 24;
	static final int MAX_PHRASES = 4;
	static final int MAX_PHRASE_WORDS = 12;

	/** A word, and where it stands in what was typed (stop words leave holes a phrase keeps). */
	record Positioned(String word, int position) {
	}

	/**
	 * The lesson document's fields with their weights: where a word is found tells how much it counts. The content is
	 * weighed in one field of all of it rather than a field per kind, whose rarer kinds (two lessons with images) would
	 * make every word in them look common.
	 */
	static final Map<String, Float> LESSON_FIELDS = Map.of(LessonDocuments.TITLE, 3f, LessonDocuments.OBJECTIVE, 2f,
			LessonDocuments.TAGS, 1.5f, LessonDocuments.ALL, 1f);

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");

	static LearnerQuery of(String typed) {
		return of(typed, List.of());
	}

	/**
	 * What was typed, widened by the organisation's synonym groups (each its entries separated by commas): where the
	 * words typed contain an entry's words in order, the group's other entries are alternatives.
	 */
	static LearnerQuery of(String typed, List<String> synonyms) {
		var text = CONTROL.matcher(typed.length() > MAX_LENGTH ? typed.substring(0, MAX_LENGTH) : typed).replaceAll(" ");
		var phrases = new ArrayList<List<Positioned>>();
		var quoted = QUOTED.matcher(text);
		while (quoted.find() && phrases.size() < MAX_PHRASES) {
			var phrase = analyse(quoted.group(1));
			if (!phrase.isEmpty()) {
				phrases.add(phrase.subList(0, Math.min(phrase.size(), MAX_PHRASE_WORDS)));
			}
		}
		var sequence = analyse(text);
		sequence = sequence.subList(0, Math.min(sequence.size(), MAX_WORDS * 2));
		var words = new LinkedHashSet<String>();
		sequence.forEach(p -> {
			if (words.size() < MAX_WORDS) {
				words.add(p.word());
			}
		});
		var typedWords = sequence.stream().map(Positioned::word).toList();
		var alternatives = new ArrayList<List<Positioned>>();
		for (var group : synonyms) {
			var entries = Synonyms.entries(group).stream().map(LearnerQuery::analyse).filter(e -> !e.isEmpty()).toList();
			for (var entry : entries) {
				var entryWords = entry.stream().map(Positioned::word).toList();
				if (java.util.Collections.indexOfSubList(typedWords, entryWords) >= 0) {
					entries.stream().filter(other -> other != entry).forEach(alternatives::add);
					break;
				}
			}
		}
		return new LearnerQuery(List.copyOf(words), List.copyOf(sequence), List.copyOf(phrases),
				List.copyOf(alternatives.subList(0, Math.min(alternatives.size(), MAX_WORDS))), Map.of(), Set.of());
	}

	/**
	 * This query with the near words of each word that no lesson of the organisation holds as typed (a misspelling)
	 * looked up once in the index's content ({@link LessonDocuments#ALL}, which holds every word of every kind): a
	 * fuzzy query builds Levenshtein automata every time it is rewritten, which was most of a search's time when every
	 * count, facet and snippet rewrote its own. A word that some lesson holds gets no near words, as in most search
	 * engines: "form" finds the lessons about forms, not also those about "from", "farm" and "fork", and its near words'
	 * expansions were a fifth of a search's time on 10,000 lessons.
	 *
	 * @param organisation the organisation's documents
	 */
	LearnerQuery withNearWords(IndexSearcher searcher, Query organisation) throws IOException {
		var found = new java.util.HashMap<String, NearWords>();
		var held = new java.util.HashSet<String>();
		for (var word : words) {
			var fuzzy = fuzzy(LessonDocuments.ALL, word);
			if (fuzzy == null) {
				continue;
			}
			if (anyHolds(searcher, organisation, word)) {
				held.add(word);
				continue;
			}
			var rewritten = searcher.rewrite(fuzzy);
			var terms = new java.util.TreeSet<Term>();
			rewritten.visit(QueryVisitor.termCollector(terms));
			found.put(word, new NearWords(terms.stream().map(Term::text).toList(), rewritten));
		}
		return new LearnerQuery(words, sequence, phrases, alternatives, Map.copyOf(found), Set.copyOf(held));
	}

	/** This query with the words held as typed, but without the near words looked up: each field finds its own. */
	LearnerQuery withoutNearWords() {
		return new LearnerQuery(words, sequence, phrases, alternatives, Map.of(), spelt);
	}

	/** Whether a lesson of the organisation holds the word: the first one found answers. */
	private static boolean anyHolds(IndexSearcher searcher, Query organisation, String word) throws IOException {
		var holding = new BooleanQuery.Builder().add(new TermQuery(new Term(LessonDocuments.ALL, word)), Occur.MUST)
			.add(organisation, Occur.FILTER)
			.build();
		var weight = searcher.createWeight(searcher.rewrite(holding), ScoreMode.COMPLETE_NO_SCORES, 1f);
		for (var leaf : searcher.getIndexReader().leaves()) {
			var scorer = weight.scorer(leaf);
			if (scorer != null && scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
				return true;
			}
		}
		return false;
	}

	/** A near word of {@code word} in the field: one edit for short words, two for long ones; null under 4 letters. */
	private static @Nullable FuzzyQuery fuzzy(String field, String word) {
		if (word.length() < 4) {
			return null;
		}
		return new FuzzyQuery(new Term(field, word), word.length() >= 8 ? 2 : 1, 1, 10, true);
	}

	boolean isEmpty() {
		return words.isEmpty();
	}

	static List<Positioned> analyse(String text) {
		var words = new ArrayList<Positioned>();
		try (var stream = SearchIndex.ANALYZER.tokenStream(LessonDocuments.ALL, text)) {
			var term = stream.addAttribute(CharTermAttribute.class);
			var increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				words.add(new Positioned(term.toString(), position));
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return words;
	}

	/**
	 * What the near words of a misspelt word count for, against the word as typed in the content. Only a word that no
	 * lesson holds gets near words, so they are what the learner meant: a lesson holding all of "forcasting discont
	 * rules" as meant ranks above one holding "rules" alone in a short title. (While every word had near words, they
	 * counted a fifth, so that "form" found the lessons about forms before those about "from".)
	 */
	static final float NEAR_WORDS = 1f;

	/**
	 * Ranks lesson documents: each word in any of {@code fields} (weighted; the best field counts most), or a near
	 * word in {@code fuzzyField}; every quoted phrase in one of the fields.
	 */
	Query scoring(Map<String, Float> fields, String fuzzyField) {
		if (isEmpty()) {
			return new MatchNoDocsQuery();
		}
		var query = new BooleanQuery.Builder();
		for (var word : words) {
			var exact = new ArrayList<Query>();
			fields.forEach((field, weight) -> exact.add(new BoostQuery(new TermQuery(new Term(field, word)), weight)));
			query.add(new DisjunctionMaxQuery(exact, 0.3f), Occur.SHOULD);
			var resolved = near.get(word);
			if (spelt.contains(word)) {
				continue;
			}
			if (resolved != null && fuzzyField.equals(LessonDocuments.ALL)) {
				query.add(new BoostQuery(resolved.inContent(), NEAR_WORDS), Occur.SHOULD);
			}
			else if (resolved != null) {
				var nearWords = new BooleanQuery.Builder();
				resolved.words().forEach(t -> nearWords.add(new TermQuery(new Term(fuzzyField, t)), Occur.SHOULD));
				query.add(new BoostQuery(nearWords.build(), NEAR_WORDS), Occur.SHOULD);
			}
			else {
				var fuzzy = fuzzy(fuzzyField, word);
				if (fuzzy != null) {
					query.add(new BoostQuery(fuzzy, NEAR_WORDS), Occur.SHOULD);
				}
			}
		}
		for (var phrase : phrases) {
			query.add(phrase(phrase, fields, 0), Occur.MUST);
		}
		for (var alternative : alternatives) {
			query.add(phrase(alternative, fields, 0), Occur.SHOULD);
		}
		if (words.size() > 1) {
			query.add(new BoostQuery(phrase(sequence, fields, 4), 1.5f), Occur.SHOULD);
		}
		return query.build();
	}

	/**
	 * The words typed, in order and adjacent, in one of {@code fields}: a lesson holding what the learner typed as
	 * such; none for a single word.
	 */
	java.util.Optional<Query> exactly(Map<String, Float> fields) {
		return words.size() > 1 ? java.util.Optional.of(phrase(sequence, fields, 0)) : java.util.Optional.empty();
	}

	private static Query phrase(List<Positioned> words, Map<String, Float> fields, int slop) {
		var each = new ArrayList<Query>();
		fields.forEach((field, weight) -> {
			var phrase = new PhraseQuery.Builder().setSlop(slop);
			var first = words.getFirst().position();
			words.forEach(w -> phrase.add(new Term(field, w.word()), w.position() - first));
			each.add(new BoostQuery(phrase.build(), weight));
		});
		return new DisjunctionMaxQuery(each, 0.3f);
	}
}
