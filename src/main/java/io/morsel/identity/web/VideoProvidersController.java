package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.FrameOrigins;
import io.morsel.shared.InvalidValueException;
import java.util.Arrays;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's list of video providers beside YouTube and Vimeo: their players may appear in the organisation's pages. */
@Controller
class VideoProvidersController {

	private static final String VIEW = "identity/video-providers";

	private final FrameOrigins origins;

	VideoProvidersController(FrameOrigins origins) {
		this.origins = origins;
	}

	@GetMapping("/admin/video-providers")
	String show(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("origins", String.join("\n", origins.added(me.organisationId())));
		return page(model);
	}

	@PostMapping("/admin/video-providers")
	String save(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "") String origins,
			Model model, RedirectAttributes redirect) {
		try {
			this.origins.replace(me, Arrays.asList(origins.split("\\R")));
		}
		catch (InvalidValueException refused) {
			model.addAttribute("origins", origins);
			model.addAttribute("error", refused.getBody().getDetail());
			return page(model);
		}
		redirect.addFlashAttribute("flash", "flash.video-providers.saved");
		return "redirect:/admin/video-providers";
	}

	private String page(Model model) {
		model.addAttribute("builtIn", FrameOrigins.BUILT_IN);
		return VIEW;
	}
}
