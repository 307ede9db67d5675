package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

class HostedVideoTests {

	@Test
	void everyCommonYouTubeLinkPlaysInTheNoCookiePlayer() {
		for (var link : new String[] { "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
				"https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42s", "https://youtu.be/dQw4w9WgXcQ",
				"https://youtu.be/dQw4w9WgXcQ?t=3", "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
				"https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/shorts/dQw4w9WgXcQ",
				"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "HTTPS://YOUTUBE.COM/watch?v=dQw4w9WgXcQ" }) {
			var video = HostedVideo.parse(link);

			assertThat(video.provider()).as(link).isEqualTo(HostedVideo.Provider.YOUTUBE);
			assertThat(video.embedUrl()).as(link).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
			assertThat(video.frameOrigin()).isEqualTo("https://www.youtube-nocookie.com");
		}
	}

	@Test
	void vimeoLinksPlayWithDoNotTrack() {
		for (var link : new String[] { "https://vimeo.com/76979871", "https://www.vimeo.com/76979871/",
				"https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?h=abc" }) {
			var video = HostedVideo.parse(link);

			assertThat(video.provider()).as(link).isEqualTo(HostedVideo.Provider.VIMEO);
			assertThat(video.embedUrl()).as(link).isEqualTo("https://player.vimeo.com/video/76979871?dnt=1");
			assertThat(video.frameOrigin()).isEqualTo("https://player.vimeo.com");
		}
	}

	@Test
	void aLinkElsewhereIsTheOrganisationsOwnProviderFramedAsItIs() {
		var video = HostedVideo.parse("https://Video.Acme.example:8443/play/42");

		assertThat(video.provider()).isEqualTo(HostedVideo.Provider.ORGANISATION);
		assertThat(video.embedUrl()).isEqualTo("https://Video.Acme.example:8443/play/42");
		assertThat(video.frameOrigin()).isEqualTo("https://video.acme.example:8443");
	}

	@Test
	void refusesLinksThatNameNoVideoOrAreNotHttps() {
		assertRefused("https://www.youtube.com/watch?v=tooShort", "names no video");
		assertRefused("https://www.youtube.com/watch?v=dQw4w9WgXcQ%3Cscript", "names no video");
		assertRefused("https://www.youtube.com/channel/UC38IQsAvIsxxjztdMZQtwHA", "names no video");
		assertRefused("https://youtu.be/", "names no video");
		assertRefused("https://vimeo.com/channels/staffpicks", "names no video");
		assertRefused("https://player.vimeo.com/video/12ab", "names no video");
		assertRefused("http://vimeo.com/76979871", "https://");
		assertRefused("javascript:alert(1)", "https://");
		assertRefused("https://user@www.youtube.com/watch?v=dQw4w9WgXcQ", "https://");
		assertRefused("https://exa mple.com/v", "https://");
		assertRefused("https://" + "a".repeat(2000) + ".example", "https://");
	}

	@Test
	void aVideoBlockTakesOnlyAVideoLinkItCanPlay() {
		var transcript = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n";

		assertThat(new Block.Video(null, "https://youtu.be/dQw4w9WgXcQ", "Intro", transcript).url())
			.isEqualTo("https://youtu.be/dQw4w9WgXcQ");
		assertThatThrownBy(() -> new Block.Video(null, "https://youtu.be/nope", "Intro", transcript))
			.isInstanceOf(InvalidValueException.class);
	}

	private static void assertRefused(String link, String because) {
		assertThatThrownBy(() -> HostedVideo.parse(link)).as(link)
			.isInstanceOf(InvalidValueException.class)
			.satisfies(e -> assertThat(((InvalidValueException) e).getBody().getDetail()).contains(because));
	}
}
