package io.morsel.web;

import io.morsel.identity.CurrentMember;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every page: the signed-in member, for the navigation and the switcher. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAttributes {

	@ModelAttribute("me")
	@Nullable CurrentMember me(@AuthenticationPrincipal @Nullable CurrentMember me) {
		return me;
	}
}
