package io.morsel.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Answers a method Morsel never serves ({@code PROPFIND}, {@code TRACE}, {@code FOO}) with 405 and an {@code Allow}
 * header listing the methods of that address, as RFC 9110 asks; Spring Security's firewall would otherwise refuse it
 * as a bad request before Spring MVC could say so.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20)
class UnknownMethods extends OncePerRequestFilter {

	private static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

	private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

	UnknownMethods(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SERVED.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.ALLOW, allowed(request.getRequestURI()));
		ErrorPages.show(request, response, 405, null);
	}

	/** The methods of every mapping whose path matches; static resources and unknown addresses answer GET. */
	private String allowed(String uri) {
		var path = PathContainer.parsePath(uri);
		var methods = EnumSet.noneOf(RequestMethod.class);
		mappings.orderedStream()
			.flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
			.filter(info -> info.getPathPatternsCondition() != null
					&& info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(path)))
			.forEach(info -> methods.addAll(info.getMethodsCondition().getMethods().isEmpty()
					? EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE,
							RequestMethod.PATCH)
					: info.getMethodsCondition().getMethods()));
		if (methods.isEmpty()) {
			methods.add(RequestMethod.GET);
		}
		if (methods.contains(RequestMethod.GET)) {
			methods.add(RequestMethod.HEAD);
		}
		methods.add(RequestMethod.OPTIONS);
		return methods.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).stream()
			.collect(Collectors.joining(", "));
	}
}
