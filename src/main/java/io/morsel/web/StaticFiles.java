package io.morsel.web;

import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * {@code /static/**} under names that carry a hash of their content ({@code morsel-3f2a….css}), cached by browsers
 * and proxies for a year without asking again: a changed file gets a new name, which pages link through
 * {@code @{/static/...}}. Registered before Spring Boot's own handler for the same pattern, which cannot say
 * {@code immutable}; the resolved names are cached ({@code spring.web.resources.chain.cache}), so a link costs a map
 * lookup, not a classpath scan (STACK.md, trap 1).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticFiles implements WebMvcConfigurer {

	static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/static/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(FOREVER)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addTransformer(new CssLinkResourceTransformer());
	}
}
