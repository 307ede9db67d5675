package io.morsel.web;

import io.morsel.identity.CurrentMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The signed-in member's chosen language; the browser's for everyone else, among the languages Morsel speaks. */
@Component("localeResolver")
class MemberLocaleResolver implements LocaleResolver {

	private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

	MemberLocaleResolver() {
		browser.setSupportedLocales(List.of(Locale.ENGLISH));
		browser.setDefaultLocale(Locale.ENGLISH);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentMember member) {
			return member.locale();
		}
		return browser.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		throw new UnsupportedOperationException("The language is chosen on the profile page");
	}
}
