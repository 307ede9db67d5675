package io.morsel.identity.security;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import io.morsel.identity.internal.SigningKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flash attributes (the message after a redirect, a new token's secret shown once) in a short-lived cookie encrypted
 * and authenticated with AES-256-GCM under a key every node shares, instead of a server-side session: the next page
 * may be served by any node, and requests without the cookie cost nothing. Values are strings and numbers.
 */
@Component("flashMapManager")
class FlashCookies extends AbstractFlashMapManager {

	static final String COOKIE = "MORSEL_FLASH";
	private static final Duration LIFETIME = Duration.ofMinutes(3);
	private static final int MAX_TEXT = 300;
	/** Bytes of JSON, at most; encrypted and in Base64 it stays under the 4 KB a browser keeps of a cookie. */
	private static final int MAX_PAYLOAD = 2_500;
	private static final TypeReference<List<Flash>> FLASHES = new TypeReference<>() {
	};

	record Flash(@Nullable String path, Map<String, List<String>> params, long expires, Map<String, Object> values) {
	}

	private final Cookies cookies;
	private final JsonMapper json;
	private final DirectEncrypter encrypter;
	private final DirectDecrypter decrypter;

	FlashCookies(Cookies cookies, SigningKeys keys, JsonMapper json) throws JOSEException {
		this.cookies = cookies;
		this.json = json;
		var key = keys.key("flash-cookie");
		this.encrypter = new DirectEncrypter(key);
		this.decrypter = new DirectDecrypter(key);
		setFlashMapTimeout((int) LIFETIME.toSeconds());
	}

	@Override
	protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		var value = cookies.read(request, COOKIE);
		if (value == null) {
			return null;
		}
		try {
			var jwe = JWEObject.parse(value);
			jwe.decrypt(decrypter);
			return new ArrayList<>(
					json.readValue(jwe.getPayload().toString(), FLASHES).stream().map(FlashCookies::flashMap).toList());
		}
		catch (ParseException | JOSEException | JacksonException | IllegalStateException e) {
			// A cookie from an older key or tampered with carries nothing; it is replaced on the next save.
			return null;
		}
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		if (flashMaps.isEmpty()) {
			cookies.clear(request, response, COOKIE);
			return;
		}
		var flashes = new ArrayList<>(flashMaps.stream().map(FlashCookies::flash).toList());
		var payload = json.writeValueAsString(flashes);
		// Maps pile up when redirects are not followed; browsers drop a cookie over 4 KB, and Tomcat fails a response
		// whose headers outgrow its buffer. The newest maps are the ones the next page needs.
		while (payload.length() > MAX_PAYLOAD && flashes.size() > 1) {
			flashes.removeFirst();
			payload = json.writeValueAsString(flashes);
		}
		var jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(payload));
		try {
			jwe.encrypt(encrypter);
		}
		catch (JOSEException e) {
			throw new IllegalStateException("AES-256-GCM with a 256-bit key cannot fail", e);
		}
		cookies.write(request, response, COOKIE, jwe.serialize(), LIFETIME);
	}

	@Override
	protected @Nullable Object getFlashMapsMutex(HttpServletRequest request) {
		return null;
	}

	private static Flash flash(FlashMap map) {
		var values = new HashMap<String, Object>(map);
		// A message may quote what was sent ("Unknown option: ..."); quoted whole, a huge input would make the cookie
		// too large for the response's headers, and the redirect a 500.
		values.replaceAll((name, value) -> value instanceof String text && text.length() > MAX_TEXT
				? text.substring(0, MAX_TEXT - 1) + "…" : value);
		return new Flash(map.getTargetRequestPath(), map.getTargetRequestParams(), map.getExpirationTime(), values);
	}

	private static FlashMap flashMap(Flash flash) {
		var map = new FlashMap();
		map.setTargetRequestPath(flash.path());
		map.addTargetRequestParams(new LinkedMultiValueMap<>(flash.params()));
		map.putAll(flash.values());
		// FlashMap keeps an expiry instant only through a timeout from now; what is left of it is the same thing.
		map.startExpirationPeriod((int) Math.max(0, (flash.expires() - System.currentTimeMillis()) / 1000));
		return map;
	}
}
