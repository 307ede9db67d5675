package io.morsel.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rules form fields obey as they are bound, the same as JSON bodies ({@link JsonInputRules}): dates within
 * {@link DateRange} (a date out of it is a 400, as any field that does not convert). Control characters are refused
 * before binding, by {@link ControlCharacters}.
 */
@Configuration(proxyBeanMethods = false)
class FormInputRules implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		// Registered after Spring's own @DateTimeFormat support, so asked first.
		registry.addFormatterForFieldAnnotation(new DateRange.Formats());
	}
}
