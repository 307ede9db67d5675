package io.morsel.search.web;

import io.morsel.identity.CurrentMember;
import io.morsel.search.LessonLength;
import io.morsel.search.Search;
import io.morsel.search.SearchRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: a form that works without JavaScript (GET, so a search is a link one can keep), the results with
 * their snippets and links to the exact place, and the facets as links that narrow the search. With htmx, the box
 * suggests lesson titles as the learner types.
 */
@Controller
class SearchController {

	private static final String VIEW = "search/search";
	private static final int PAGE = 10;

	private final Search search;

	SearchController(Search search) {
		this.search = search;
	}

	@GetMapping("/search")
	String search(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Nullable String program,
			@RequestParam(required = false) @Nullable String skill,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String duration, @RequestParam(defaultValue = "0") int offset,
			Model model) {
		var request = new SearchRequest(q, program, skill, SearchRequest.type(type), LessonLength.of(duration), PAGE,
				offset);
		model.addAttribute("q", q);
		model.addAttribute("request", request);
		model.addAttribute("duration", request.duration() == null ? null : request.duration().key());
		model.addAttribute("found", q.isBlank() ? null : search.find(me, request));
		model.addAttribute("page", PAGE);
		return VIEW;
	}

	@GetMapping("/search/suggestions")
	String suggestions(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "") String q,
			Model model) {
		model.addAttribute("suggestions", search.suggest(me, q));
		return VIEW + " :: suggestions";
	}
}
