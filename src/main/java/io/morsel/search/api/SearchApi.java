package io.morsel.search.api;

import io.morsel.identity.CurrentMember;
import io.morsel.search.LessonLength;
import io.morsel.search.Reindexing;
import io.morsel.search.Search;
import io.morsel.search.SearchRequest;
import io.morsel.search.SearchResults;
import io.morsel.search.Synonyms;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Everything in the organisation's published lessons, found at the exact place")
class SearchApi {

	private final Search search;
	private final Reindexing reindexing;
	private final Synonyms synonyms;

	SearchApi(Search search, Reindexing reindexing, Synonyms synonyms) {
		this.search = search;
		this.reindexing = reindexing;
		this.synonyms = synonyms;
	}

	/** The organisation's synonym groups, each its words and phrases separated by commas ("sso, single sign-on"). */
	record SynonymGroups(@NotNull List<String> groups) {
	}

	@GetMapping("/api/v1/search")
	@Refuses(value = HttpStatus.BAD_REQUEST, when = "limit is not 1 to 50, offset not 0 to 1000, or type or duration unknown")
	@Operation(summary = "The organisation's published lessons that match the words, best first: each with where it "
			+ "matched best (kind), the words in context (snippet: escaped text, matches in <mark>) and a link to that "
			+ "place (the lesson's step; for a transcript also t, the second the cue starts), and counts per program, "
			+ "skill, content type and duration. Any text is a query: words, and \"quoted phrases\"; misspelt words still match. "
			+ "A query without words finds nothing.")
	SearchResults search(@AuthenticationPrincipal CurrentMember me,
			@Parameter(description = "What to look for; only its first 500 characters count; none finds nothing")
			@RequestParam(defaultValue = "") String q,
			@Parameter(description = "Only lessons of the program of this title") @RequestParam(required = false) @Nullable String program,
			@Parameter(description = "Only lessons building the skill of this name") @RequestParam(required = false) @Nullable String skill,
			@Parameter(description = "Only matches in this kind of content: title, objective, text, transcript, question or image")
			@RequestParam(required = false) @Nullable String type,
			@Parameter(description = "Only lessons of this length: under-3, 3-4, 5-7 or over-7 (estimated minutes)")
			@RequestParam(required = false) @Nullable String duration,
			@RequestParam(defaultValue = "10") int limit, @RequestParam(defaultValue = "0") int offset) {
		return search.find(me, new SearchRequest(q, program, skill, SearchRequest.type(type),
				LessonLength.of(duration), limit, offset));
	}

	@GetMapping("/api/v1/search/synonyms")
	@Operation(summary = "Administrators: the organisation's synonym groups")
	SynonymGroups synonyms(@AuthenticationPrincipal CurrentMember me) {
		return new SynonymGroups(synonyms.of(me.organisationId()));
	}

	@PutMapping("/api/v1/search/synonyms")
	@Operation(summary = "Administrators: replace the organisation's synonym groups (at most 200, each two or more words "
			+ "or phrases separated by commas, at most 500 characters). A query with one entry of a group also finds "
			+ "the others, from the next search on, on every node")
	SynonymGroups replaceSynonyms(@AuthenticationPrincipal CurrentMember me,
			@Valid @RequestBody SynonymGroups body) {
		return new SynonymGroups(synonyms.replace(me.organisationId(), body.groups()));
	}

	@PostMapping("/api/v1/search/rebuild")
	@Operation(summary = "Administrators: every node rebuilds the organisation's part of its search index from the "
			+ "catalog, within seconds. A repair; publishing keeps the index current by itself")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void rebuild(@AuthenticationPrincipal CurrentMember me) {
		reindexing.rebuild(me.organisationId());
	}
}
