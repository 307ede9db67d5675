package io.morsel.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's controller method by its path before anything else. A path with a variable in it
 * ({@code /lessons/{id}}) is looked up among all the mappings, and Spring MVC checks each one's method, parameters,
 * headers, media types and API version, through every request wrapper of the filter chain, before its path: nearly
 * all of that for mappings whose path could never match. Here a mapping whose path does not match is passed over at
 * once; one whose path matches is checked as Spring MVC always does, so which method is found, and a 405 or 415 when
 * none is, stay the same.
 *
 * <p>Passing a mapping over is cheaper still when its path starts with a plain word ({@code /lessons/...}): a request
 * whose path starts with another word is compared with that word alone, without parsing anything through the request's
 * wrappers (which, with some 300 mappings, took a fifth of the lesson page's time). A mapping whose path starts with a
 * variable or a wildcard, and a request path whose first segment is encoded ({@code %}) or carries parameters
 * ({@code ;}), are matched in full as before.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/** Said of a mapping whose paths do not all start with a plain word: it is matched in full. */
	private static final String[] ANY = new String[0];

	/** The first segment of the path being looked up, while it is; null when it cannot be compared as a word. */
	private static final ThreadLocal<@Nullable String> LOOKED_UP = new ThreadLocal<>();

	/** Each mapping's first words, one per path pattern, or {@link #ANY}. */
	private final Map<RequestMappingInfo, String[]> firstWords = new ConcurrentHashMap<>();

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		var outer = LOOKED_UP.get();
		LOOKED_UP.set(firstWord(lookupPath));
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			if (outer == null) {
				LOOKED_UP.remove();
			}
			else {
				LOOKED_UP.set(outer);
			}
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		var paths = info.getPathPatternsCondition();
		if (paths == null) {
			return super.getMatchingMapping(info, request);
		}
		var word = LOOKED_UP.get();
		if (word != null && !startsWith(info, word)) {
			return null;
		}
		if (paths.getMatchingCondition(request) == null) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	/** Whether one of the mapping's paths may match a path starting with this word. */
	private boolean startsWith(RequestMappingInfo info, String word) {
		var words = firstWords.computeIfAbsent(info, PathFirstHandlerMapping::firstWords);
		if (words == ANY) {
			return true;
		}
		var caseSensitive = getPatternParser() == null || getPatternParser().isCaseSensitive();
		for (var first : words) {
			if (caseSensitive ? first.equals(word) : first.equalsIgnoreCase(word)) {
				return true;
			}
		}
		return false;
	}

	private static String[] firstWords(RequestMappingInfo info) {
		var paths = info.getPathPatternsCondition();
		if (paths == null) {
			return ANY;
		}
		var patterns = paths.getPatterns();
		if (patterns.isEmpty()) {
			return ANY;
		}
		var words = new String[patterns.size()];
		var i = 0;
		for (var pattern : patterns) {
			var word = firstWord(pattern.getPatternString());
			if (word == null) {
				return ANY;
			}
			words[i++] = word;
		}
		return words;
	}

	/**
	 * The path's first segment when it is a plain word (letters, digits, {@code . _ ~ -}), which a pattern matches only
	 * as written; else null: {@code lessons} of {@code /lessons/42}, nothing of {@code /{id}}, {@code /**} or
	 * {@code /le%73sons}.
	 */
	static @Nullable String firstWord(String path) {
		if (!path.startsWith("/")) {
			return null;
		}
		var end = 1;
		for (; end < path.length() && path.charAt(end) != '/'; end++) {
			var c = path.charAt(end);
			var plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
					|| c == '~' || c == '-';
			if (!plain) {
				return null;
			}
		}
		return end == 1 ? null : path.substring(1, end);
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
