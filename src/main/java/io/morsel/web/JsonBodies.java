package io.morsel.web;

import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Morsel reads JSON, request bodies and imported lessons alike: a {@code null} inside a list or map never means
 * anything in Morsel's formats, so it is refused as unreadable ({@code /problems/malformed-body}) before a value
 * object's constructor would trip over it, which would be a failure on Morsel's side (a 500).
 */
@Configuration(proxyBeanMethods = false)
class JsonBodies {

	@Bean
	JsonMapperBuilderCustomizer refuseNullElements() {
		return builder -> builder.changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL));
	}
}
