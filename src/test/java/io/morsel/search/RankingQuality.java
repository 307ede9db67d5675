package io.morsel.search;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** How good a ranking is against graded judgements: nDCG@k (exponential gain) and recall@k. */
final class RankingQuality {

	private RankingQuality() {
	}

	/** Discounted cumulative gain of the first k found, over that of the ideal ranking of the judged grades. */
	static double ndcg(List<String> found, Map<String, Integer> grades, int k) {
		var dcg = 0.0;
		for (int i = 0; i < Math.min(k, found.size()); i++) {
			dcg += gain(grades.getOrDefault(found.get(i), 0), i);
		}
		var ideal = grades.values().stream().sorted(Comparator.reverseOrder()).limit(k).toList();
		var idcg = 0.0;
		for (int i = 0; i < ideal.size(); i++) {
			idcg += gain(ideal.get(i), i);
		}
		return idcg == 0 ? 0 : dcg / idcg;
	}

	/** The share of the judged relevant (grade 1 or more) among the first k found. */
	static double recall(List<String> found, Map<String, Integer> grades, int k) {
		var relevant = grades.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
		if (relevant.isEmpty()) {
			return 0;
		}
		var top = found.subList(0, Math.min(k, found.size()));
		return (double) relevant.stream().filter(top::contains).count() / relevant.size();
	}

	private static double gain(int grade, int rank) {
		return (Math.pow(2, grade) - 1) / (Math.log(rank + 2) / Math.log(2));
	}
}
