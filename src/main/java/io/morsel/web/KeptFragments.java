package io.morsel.web;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.Brand;
import io.morsel.identity.Brands;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.Role;
import io.morsel.shared.Caches;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The parts of pages that are the same for many requests, rendered once per node and language and then kept
 * ({@code ${@keptFragments...}}): the layout's head links and header (per set of organisations and roles), any
 * module's fragment made of nothing but its variables, and whole pages with holes for what is the request's own
 * (ADR 0005, ADR 0007). Each is kept under everything it is made of, so a kept fragment is never stale: its caller
 * keys it by what determines it (a published version never changes; another question or member's roles is another
 * key). This class knows no module's types: what a fragment shows is its template's business.
 *
 * <p>What differs per request inside a kept fragment is rendered as a placeholder and put in each time it is used:
 * the CSRF token of each form (a kept fragment is rendered with {@link #TOKEN} as the token), the named per-request
 * values of {@link #kept(String, String, Map, Map)} (such as the time a question was shown) and the holes of
 * {@link #view}. The placeholders end in a nonce drawn at random when the node starts, so no lesson text can contain
 * them, and are plain letters, digits and dashes, so they survive inside an attribute as well as in text.
 */
@Component("keptFragments")
public class KeptFragments {

	private record Key(String fragment, Map<String, Object> variables, Locale locale) {
	}

	/**
	 * What the layout's header shows of a member: the same for everyone with these organisations and roles, who sees
	 * developer items or not ({@link CurrentMember#seesDeveloperItems()}), in their organisation's {@link Brand}.
	 */
	public record Chrome(List<CurrentMember.Affiliation> organisations, String organisationSlug, String organisationName,
			Set<Role> roles, boolean directoryOpen, boolean developerItems, Brand brand) {

		public boolean has(Role role) {
			return roles.contains(role);
		}
	}

	private static final String NONCE = UUID.randomUUID().toString();

	/** Rendered where a form's CSRF token goes in a kept fragment, and replaced by the request's own token. */
	static final String TOKEN = "csrf-" + NONCE;

	/** What a hole's or a per-request value's name may be: it becomes part of a placeholder. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,60}");

	/** The placeholders made so far, by kind and name: a page asks for the same few on every request. */
	private static final Map<String, String> PLACEHOLDERS = new ConcurrentHashMap<>();

	/** Set on the request while a fragment renders, so that fragments it uses keep their placeholders. */
	private static final String RENDERING = KeptFragments.class.getName() + ".rendering";

	private final ITemplateEngine templates;
	private final ApplicationContext application;
	private final Navigation navigation;
	private final Directory directory;
	private final Brands brands;
	/** Weighed by the characters kept (two bytes each) and an entry's overhead. */
	private final Cache<Key, Cut> html;

	KeptFragments(ITemplateEngine templates, ApplicationContext application, Navigation navigation, Caches caches,
			Directory directory, Brands brands) {
		this.directory = directory;
		this.brands = brands;
		this.templates = templates;
		this.application = application;
		this.navigation = navigation;
		this.html = caches.named("kept-fragments", (Key key, Cut value) -> 256 + value.weight());
	}

	/**
	 * A fragment made of nothing but the language, such as the links in every page's head ({@code web/chrome ::
	 * links}).
	 */
	public String kept(String template, String fragment) {
		return render(template, fragment, Map.of()).fill(Map.of());
	}

	/**
	 * What the header shows of this member. Whether their organisation opened its directory is asked only of those
	 * whose roles do not show them the directory anyway, and is known to each node within seconds of a change.
	 */
	public Chrome chrome(CurrentMember me) {
		var open = !me.has(Role.ADMIN) && !me.has(Role.MANAGER) && directory.namesOpen(me.organisationId());
		return new Chrome(me.organisations(), me.organisationSlug(), me.organisationName(), me.roles(), open,
				me.seesDeveloperItems(), brands.of(me.organisationId()));
	}

	/**
	 * The style rule that puts the member's organisation's colours in place of Morsel's, for the layout's head; empty
	 * for no one and for Morsel's own colours. Only checked {@code #rrggbb} colours go in ({@link Brand#css()}).
	 */
	public String brandStyle(@Nullable Object me) {
		var brand = me instanceof CurrentMember member ? brands.of(member.organisationId())
				: me instanceof Chrome chrome ? chrome.brand() : Brand.MORSEL;
		var css = brand.css();
		return css.isEmpty() ? "" : "<style>" + css + "</style>";
	}

	/**
	 * The header: the switcher of the member's organisations and the navigation of their roles
	 * ({@code web/chrome :: masthead}), for a {@link CurrentMember}, their {@link Chrome}, or no one. It is kept per
	 * member's chrome and current link (the {@link NavigationEntry} leading to the request's path), so a page kept
	 * whole keeps the current link of the path it is rendered for: each kept page is served at one path.
	 */
	public String header(@Nullable Object me) {
		var chrome = me instanceof CurrentMember member ? chrome(member) : (Chrome) me;
		if (chrome == null) {
			return render("web/chrome", "masthead", Map.of()).fill(Map.of());
		}
		var links = navigation.shownTo(chrome.roles(), chrome.directoryOpen(), chrome.developerItems());
		var current = Navigation.current(links, requestPath());
		return render("web/chrome", "masthead", Map.of("me", chrome, "links", links, "current", current))
			.fill(Map.of());
	}

	private static String requestPath() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return "";
		}
		var request = attributes.getRequest();
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * A fragment made of these variables and of named per-request values (name to value), such as the time a
	 * question was shown: it is rendered once per {@code variables}, the names of {@code perRequest} and the language,
	 * with a placeholder for each per-request value (its template reads {@code ${shownAt}} as usual), and each use puts
	 * this request's values and CSRF token in. The variables must be all the fragment is made of.
	 */
	public String kept(String template, String fragment, Map<String, Object> variables, Map<String, String> perRequest) {
		var locale = LocaleContextHolder.getLocale();
		var placeholders = new HashMap<String, String>();
		var values = new HashMap<String, String>();
		perRequest.forEach((name, value) -> {
			placeholders.put(name, placeholder("value", name));
			values.put(placeholder("value", name), value);
		});
		var key = new Key(template + "::" + fragment, Map.of("variables", variables, "perRequest", perRequest.keySet()),
				locale);
		return keep(key, values.keySet(), () -> {
			var all = new HashMap<String, @Nullable Object>(variables);
			all.putAll(placeholders);
			return process(template, fragment, all, locale);
		}).fill(values);
	}

	/**
	 * A whole page kept like a fragment, with this request's part put into its holes, as the view that sends it. The
	 * page is rendered once per {@code key} and language from {@code model} (which the key must determine: a published
	 * version's id and number determine the lesson, a member's {@link Chrome} the header) and with a placeholder in
	 * place of each hole; each request then gets the kept page with {@code holes} (name to HTML, or to text in an
	 * attribute) and its CSRF token put in. The template reads a hole as {@code ${holes['name']}}, so that it renders
	 * the same page whole when its model has the holes' contents under {@code holes} (as for a page with a flash
	 * message, which this model lacks).
	 *
	 * <p>The kept page is kept in UTF-8, cut at its holes, so a request encodes only its holes' contents and its CSRF
	 * token, and the page goes out as one copy of bytes. (Encoding the whole page for every request, a page with any
	 * character beyond Latin-1 through the slow path, cost the lesson page a tenth of its time.)
	 */
	public View view(String template, Map<String, Object> key, Map<String, Object> model, Map<String, String> holes) {
		var locale = LocaleContextHolder.getLocale();
		var markers = new HashMap<String, String>();
		var contents = new HashMap<String, String>();
		holes.forEach((hole, content) -> {
			markers.put(hole, placeholder("hole", hole));
			contents.put(placeholder("hole", hole), content);
		});
		var page = keep(new Key(template, Map.of("key", key, "holes", holes.keySet()), locale), contents.keySet(), true,
				() -> {
					var variables = new HashMap<String, @Nullable Object>(model);
					variables.put("holes", markers);
					return process(template, null, variables, locale);
				});
		return new EncodedHtmlView(page.encode(contents));
	}

	/**
	 * A fragment made of nothing but its variables as the whole response, such as what htmx swaps in: the one
	 * {@link #kept(String, String, Map, Map)} keeps (without per-request values), also kept in UTF-8, and sent as its
	 * bytes with the request's CSRF token put in.
	 */
	public View fragmentView(String template, String fragment, Map<String, Object> variables) {
		var locale = LocaleContextHolder.getLocale();
		var key = new Key(template + "::" + fragment, Map.of("variables", variables, "perRequest", Set.of()), locale);
		var kept = keep(key, Set.of(), true, () -> process(template, fragment, variables, locale));
		return new EncodedHtmlView(kept.encode(Map.of()));
	}

	/** The placeholder of a hole or a per-request value: its name between a kind and the nonce, so none contains another. */
	private static String placeholder(String kind, String name) {
		return PLACEHOLDERS.computeIfAbsent(kind + "-" + name, kindAndName -> {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("A placeholder's name is letters, digits and dashes: " + name);
			}
			return kindAndName + "-" + NONCE;
		});
	}

	/**
	 * A fragment made of these variables alone, rendered now and not kept (a learner's answer, a form with an error),
	 * its forms with this request's CSRF token.
	 */
	public String once(String template, String fragment, Map<String, @Nullable Object> variables) {
		var html = process(template, fragment, variables, LocaleContextHolder.getLocale());
		return html.contains(TOKEN) ? html.replace(TOKEN, token()) : html;
	}

	/**
	 * This request's CSRF token, or the placeholder while a fragment is being kept (a fragment used in it keeps its
	 * placeholder, to be replaced when the kept one is used).
	 */
	private static String token() {
		var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		if (request.getAttribute(RENDERING) != null) {
			return TOKEN;
		}
		if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
			throw new IllegalStateException("A page with a form needs the request's CSRF token");
		}
		return token.getToken();
	}

	/** The kept fragment, cut at the CSRF token's placeholder. */
	private Cut render(String template, String fragment, Map<String, Object> variables) {
		var locale = LocaleContextHolder.getLocale();
		return keep(new Key(template + "::" + fragment, variables, locale), Set.of(),
				() -> process(template, fragment, variables, locale));
	}

	/**
	 * The kept rendering, or a new one kept from now, cut at these placeholders and at the CSRF token's. Rendered
	 * outside the cache's lock: a fragment may use another kept fragment, and two requests rendering the same one at
	 * once only render it twice.
	 */
	private Cut keep(Key key, Set<String> placeholders, Supplier<String> rendering) {
		return keep(key, placeholders, false, rendering);
	}

	/** As {@link #keep(Key, Set, Supplier)}, kept in UTF-8 too when {@code encoded}. */
	private Cut keep(Key key, Set<String> placeholders, boolean encoded, Supplier<String> rendering) {
		var kept = html.getIfPresent(key);
		if (kept != null) {
			return kept;
		}
		var cut = Cut.of(rendering.get(), placeholders, encoded);
		html.put(key, cut);
		return cut;
	}

	/**
	 * Kept HTML cut where its placeholders are: {@code parts[0]}, what goes in place of {@code slots[0]},
	 * {@code parts[1]}, and so on, so that filling it in is one copy of the page.
	 */
	private record Cut(String[] parts, String[] slots, int length, boolean hasToken, byte[] @Nullable [] encoded) {

		static Cut of(String html, Set<String> placeholders, boolean encoded) {
			var found = new TreeMap<Integer, String>();
			for (var placeholder : Stream.concat(placeholders.stream(), Stream.of(TOKEN)).toList()) {
				for (int at = html.indexOf(placeholder); at >= 0; at = html.indexOf(placeholder, at + placeholder.length())) {
					found.put(at, placeholder);
				}
			}
			var parts = new String[found.size() + 1];
			var slots = new String[found.size()];
			int from = 0;
			int i = 0;
			for (var slot : found.entrySet()) {
				parts[i] = html.substring(from, slot.getKey());
				slots[i++] = slot.getValue();
				from = slot.getKey() + slot.getValue().length();
			}
			parts[i] = html.substring(from);
			byte[][] utf8 = null;
			if (encoded) {
				utf8 = new byte[parts.length][];
				for (int p = 0; p < parts.length; p++) {
					utf8[p] = parts[p].getBytes(StandardCharsets.UTF_8);
				}
			}
			return new Cut(parts, slots, html.length(), found.containsValue(TOKEN), utf8);
		}

		/** What the cache weighs: the characters kept, two bytes each, and the UTF-8 copy if there is one. */
		int weight() {
			var weight = 2 * length;
			for (int p = 0; encoded != null && p < encoded.length; p++) {
				weight += encoded[p].length;
			}
			return weight;
		}

		/** As {@link #fill}, in UTF-8 from the encoded copy: only the values and the token are encoded now. */
		byte[] encode(Map<String, String> values) {
			if (encoded == null) {
				return fill(values).getBytes(StandardCharsets.UTF_8);
			}
			var token = hasToken ? token() : TOKEN;
			var filled = new byte[slots.length][];
			var size = 0;
			for (int i = 0; i < slots.length; i++) {
				filled[i] = (slots[i].equals(TOKEN) ? token : values.get(slots[i])).getBytes(StandardCharsets.UTF_8);
				size += filled[i].length;
			}
			for (var part : encoded) {
				size += part.length;
			}
			var page = new byte[size];
			var at = 0;
			for (int i = 0; i < slots.length; i++) {
				System.arraycopy(encoded[i], 0, page, at, encoded[i].length);
				at += encoded[i].length;
				System.arraycopy(filled[i], 0, page, at, filled[i].length);
				at += filled[i].length;
			}
			System.arraycopy(encoded[slots.length], 0, page, at, encoded[slots.length].length);
			return page;
		}

		/** The HTML with each placeholder replaced by its value, and the CSRF token's by this request's token. */
		String fill(Map<String, String> values) {
			if (slots.length == 0) {
				return parts[0];
			}
			var token = hasToken ? token() : TOKEN;
			var size = length;
			for (var value : values.values()) {
				size += value.length();
			}
			var html = new StringBuilder(size);
			for (int i = 0; i < slots.length; i++) {
				html.append(parts[i]).append(slots[i].equals(TOKEN) ? token : values.get(slots[i]));
			}
			return html.append(parts[slots.length]).toString();
		}
	}

	private String process(String template, @Nullable String fragment, Map<String, ? extends @Nullable Object> variables,
			Locale locale) {
		var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		var outer = attributes.getRequest().getAttribute(RENDERING);
		attributes.getRequest().setAttribute(RENDERING, Boolean.TRUE);
		try {
			return process(template, fragment, variables, locale, attributes);
		}
		finally {
			if (outer == null) {
				attributes.getRequest().removeAttribute(RENDERING);
			}
		}
	}

	private String process(String template, @Nullable String fragment, Map<String, ? extends @Nullable Object> variables,
			Locale locale, ServletRequestAttributes attributes) {
		var request = new KeptRequest(attributes.getRequest());
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, attributes.getResponse());
		var model = new HashMap<String, Object>(variables);
		var context = new WebContext(exchange, locale, model);
		// What Thymeleaf's view sets up for a page: forms get their hidden fields (the CSRF token) through it.
		var spring = new RequestContext(request, attributes.getResponse(), request.getServletContext(), model);
		context.setVariable(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, spring);
		context.setVariable(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
				new SpringWebMvcThymeleafRequestContext(spring, request));
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(application, null));
		return fragment == null ? templates.process(template, context)
				: templates.process(template, Set.of(fragment), context);
	}

	/**
	 * The request a kept fragment is rendered in: it sees none of the page's model (a kept fragment is made of its key
	 * alone), keeps its own variables to itself, and gets the placeholder as its forms' CSRF token. Spring's own
	 * attributes, named after their classes, still come from the request.
	 */
	private static final class KeptRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		KeptRequest(HttpServletRequest request) {
			super(request);
			var placeholder = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", TOKEN);
			attributes.put(CsrfToken.class.getName(), placeholder);
			attributes.put("_csrf", placeholder);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			if (attributes.containsKey(name)) {
				return attributes.get(name);
			}
			return name.contains(".") ? super.getAttribute(name) : null;
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.remove(name);
		}
	}
}
