package io.morsel.delivery.web;

import io.morsel.delivery.ChannelAnswers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where an option's button of a Teams card leads: the question and the option picked, with one button to answer
 * (a GET changes nothing: link previews follow links), then the feedback, as in the review player.
 */
@Controller
class ChannelAnswerController {

	private static final String VIEW = "delivery/answer";

	private final ChannelAnswers answers;

	ChannelAnswerController(ChannelAnswers answers) {
		this.answers = answers;
	}

	@GetMapping("/channels/answers/{token}")
	String confirm(@PathVariable String token, Model model) {
		model.addAttribute("question", answers.question(token));
		model.addAttribute("picked", answers.picked(token));
		model.addAttribute("token", token);
		return VIEW;
	}

	@PostMapping("/channels/answers/{token}")
	String answer(@PathVariable String token, Model model) {
		var answered = answers.answer(token);
		model.addAttribute("question", answered.question());
		model.addAttribute("picked", answered.picked());
		model.addAttribute("score", answered.outcome().score());
		model.addAttribute("token", token);
		return VIEW;
	}
}
