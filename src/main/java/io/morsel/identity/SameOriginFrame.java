package io.morsel.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets one page be shown in a frame of a Morsel page of the same origin (an author's preview beside the editor), where
 * every other page refuses to be framed at all ({@code frame-ancestors 'none'}), so that no other site can frame
 * Morsel's pages to trick a click. The page's handler calls {@link #allow} before its response is written.
 */
public final class SameOriginFrame {

	/** The request attribute the content security policy reads. */
	public static final String ALLOWED = SameOriginFrame.class.getName() + ".ALLOWED";

	private SameOriginFrame() {
	}

	/** Read by the security headers ({@code frame-ancestors}, {@code X-Frame-Options}) when the response is written. */
	public static void allow(HttpServletRequest request) {
		request.setAttribute(ALLOWED, Boolean.TRUE);
	}

	/** Whether the page asked for it. */
	public static boolean allowed(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(ALLOWED));
	}
}
