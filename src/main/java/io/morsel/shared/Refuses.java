package io.morsel.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * A refusal an API operation answers that its shape does not tell (a 409 when the state does not allow it, a 403 for a
 * role the handler checks), for the OpenAPI document: the API's shell documents the common ones of every operation
 * (401, 404 with a path id, 400 and 415 with a body, ...) and the operation's own from these, each as a problem detail.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Refuses.All.class)
public @interface Refuses {

	HttpStatus value();

	/** When, in the words of the document ("The lesson has no draft to publish"). */
	String when();

	@Documented
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface All {

		Refuses[] value();
	}
}
