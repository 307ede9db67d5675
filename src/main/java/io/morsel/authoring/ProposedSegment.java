package io.morsel.authoring;

import java.util.List;

/**
 * One micro-lesson cut from a transcript: the sentences it takes ({@code firstSentence}, {@code sentenceCount}), its
 * time range in the recording, a title and a draft objective made from its key phrases, and what the objective linter
 * makes of that draft.
 */
public record ProposedSegment(int firstSentence, int sentenceCount, long startMillis, long endMillis, String title,
		String objective, ObjectiveCheck objectiveCheck, List<String> keyPhrases) {

	public ProposedSegment {
		keyPhrases = List.copyOf(keyPhrases);
	}

	public long durationMillis() {
		return endMillis - startMillis;
	}
}
