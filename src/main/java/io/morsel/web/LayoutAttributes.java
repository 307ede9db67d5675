package io.morsel.web;

import io.morsel.identity.CurrentMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the layout shows on every page: the signed-in member ({@code ${me}}), for the navigation and the switcher.
 * Added to a view once its handler has run, rather than by a {@code @ModelAttribute} method, which Spring MVC would
 * prepare anew for every request, JSON ones included.
 */
@Configuration(proxyBeanMethods = false)
class LayoutAttributes implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		view.addObject("me", authentication != null && authentication.getPrincipal() instanceof CurrentMember member
				? member : null);
	}
}
