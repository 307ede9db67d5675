package io.morsel.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's controller method by its path before anything else. A path with a variable in it
 * ({@code /lessons/{id}}) is looked up among all the mappings, and Spring MVC checks each one's method, parameters,
 * headers, media types and API version, through every request wrapper of the filter chain, before its path: nearly
 * all of that for mappings whose path could never match. Here a mapping whose path does not match is passed over at
 * once; one whose path matches is checked as Spring MVC always does, so which method is found, and a 405 or 415 when
 * none is, stay the same.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		var paths = info.getPathPatternsCondition();
		if (paths != null && paths.getMatchingCondition(request) == null) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebMvcRegistrations pathFirstHandlerMapping() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new PathFirstHandlerMapping();
				}
			};
		}
	}
}
