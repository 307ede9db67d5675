package io.morsel.catalog.web;

import io.morsel.identity.CurrentMember;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalog as learners browse it: lessons and programs, narrowed by a skill or by the topics they follow. */
@Controller
class CatalogController {

	private static final String VIEW = "catalog/catalog";

	private final CatalogShelf shelf;

	CatalogController(CatalogShelf shelf) {
		this.shelf = shelf;
	}

	@GetMapping("/catalog")
	String catalog(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) @Nullable String skill,
			@RequestParam(required = false) @Nullable String topics, Model model) {
		model.addAttribute("shelf", shelf.of(me, skill, topics));
		return VIEW;
	}
}
