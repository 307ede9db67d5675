package io.morsel.reinforcement;

import java.util.Arrays;

/**
 * FSRS-6's memory model as a function of its 21 weights, for fitting them: replays a card's history (the same
 * formulas as {@link Fsrs}'s memory, without the 8-decimal rounding, which has no derivative) and gives the predicted
 * recall of each review after the first, the log loss of those predictions, and — if asked — its exact gradient.
 *
 * <p>The gradient is forward-mode: alongside stability S and difficulty D the replay carries ∂S/∂w and ∂D/∂w (21
 * numbers each) through every review by the chain rule, so one pass over a card gives the loss and all 21 partial
 * derivatives, exact up to rounding, at about 20 times the cost of the loss alone. Finite differences would cost 21
 * or 42 passes and be inexact at FSRS's clamps; reverse mode would need a tape per card. Where a clamp holds a value
 * at its bound (difficulty at 1 or 10, stability at its floor or ceiling, the same-day growth at 1) its derivative is 0,
 * as in automatic differentiation.
 *
 * <p>Same-day reviews (0 days elapsed) follow FSRS-6: with short-term on they change stability by the short-term
 * formula; they are never predicted, since the forgetting curve says nothing about minutes (R(0, S) = 1).
 */
final class MemoryModel {

	static final int N = Weights.COUNT;
	/** Predictions are kept this far from 0 and 1, so that the log loss of a confident miss stays finite. */
	private static final double EPSILON = 1e-9;
	private static final double S_MAX = 36500;
	private static final double LN_09 = Math.log(0.9);

	/** What a replay tells about one predicted review. */
	interface Prediction {
		void predicted(double recall, boolean recalled, int elapsedDays, int reviewNumber, int lapses);
	}

	private final double[] w;
	private final boolean shortTerm;
	private final double decay;
	private final double factor;
	/** ∂factor/∂w20. */
	private final double factorByDecay;

	MemoryModel(double[] weights, boolean shortTerm) {
		this.w = weights.clone();
		this.shortTerm = shortTerm;
		this.decay = w[20];
		this.factor = Math.exp(-LN_09 / decay) - 1;
		this.factorByDecay = (factor + 1) * LN_09 / (decay * decay);
	}

	/**
	 * Replays one card and returns the sum of its predicted reviews' log loss; adds the loss's gradient to
	 * {@code gradient} if it is not null, and tells {@code sink} of each prediction if it is not null.
	 */
	double replay(CardHistory card, double[] gradient, Prediction sink) {
		boolean derive = gradient != null;
		double[] gS = derive ? new double[N] : null;
		double[] gD = derive ? new double[N] : null;
		double[] gR = derive ? new double[N] : null;
		double[] nextGS = derive ? new double[N] : null;
		double[] nextGD = derive ? new double[N] : null;

		int first = card.grades()[0];
		double s = w[first - 1];
		if (s < 0.1) {
			s = 0.1;
		}
		else if (derive) {
			gS[first - 1] = 1;
		}
		double d0 = w[4] - Math.exp((first - 1) * w[5]) + 1;
		double d = Math.clamp(d0, 1, 10);
		if (derive && d0 > 1 && d0 < 10) {
			gD[4] = 1;
			gD[5] = -(first - 1) * Math.exp((first - 1) * w[5]);
		}

		double loss = 0;
		int lapses = 0;
		int longTermReviews = 1;
		for (int k = 1; k < card.grades().length; k++) {
			int grade = card.grades()[k];
			int t = card.days()[k];
			double r = 1;
			if (t > 0) {
				double u = 1 + factor * t / s;
				r = Math.pow(u, -decay);
				if (derive) {
					double byS = r * decay * factor * t / (u * s * s);
					double byDecay = r * (-Math.log(u) - decay / u * (t / s) * factorByDecay);
					for (int i = 0; i < N; i++) {
						gR[i] = byS * gS[i];
					}
					gR[20] += byDecay;
				}
				boolean recalled = grade > 1;
				longTermReviews++;
				if (sink != null) {
					sink.predicted(r, recalled, t, longTermReviews, lapses);
				}
				double p = Math.clamp(r, EPSILON, 1 - EPSILON);
				loss -= recalled ? Math.log(p) : Math.log(1 - p);
				if (derive && p == r) {
					double byR = recalled ? -1 / r : 1 / (1 - r);
					for (int i = 0; i < N; i++) {
						gradient[i] += byR * gR[i];
					}
				}
				if (!recalled) {
					lapses++;
				}
			}
			else if (derive) {
				Arrays.fill(gR, 0);
			}
			double nextS = nextStability(s, d, r, t, grade, gS, gD, gR, nextGS);
			double nextD = nextDifficulty(d, grade, gD, nextGD);
			s = nextS;
			d = nextD;
			if (derive) {
				System.arraycopy(nextGS, 0, gS, 0, N);
				System.arraycopy(nextGD, 0, gD, 0, N);
			}
		}
		return loss;
	}

	/** D' = clamp(w7·D0(easy) + (1 − w7)·(D + ΔD·(10 − D)/9), 1, 10) with ΔD = −w6·(G − 3). */
	private double nextDifficulty(double d, int grade, double[] gD, double[] out) {
		double easyD0 = w[4] - Math.exp(3 * w[5]) + 1;
		double delta = -w[6] * (grade - 3);
		double damped = d + delta * (10 - d) / 9;
		double reverted = w[7] * easyD0 + (1 - w[7]) * damped;
		double next = Math.clamp(reverted, 1, 10);
		if (out == null) {
			return next;
		}
		if (next != reverted) {
			Arrays.fill(out, 0);
			return next;
		}
		double keep = (1 - w[7]) * (1 - delta / 9);
		for (int i = 0; i < N; i++) {
			out[i] = keep * gD[i];
		}
		out[4] += w[7];
		out[5] += -w[7] * 3 * Math.exp(3 * w[5]);
		out[6] += (1 - w[7]) * -(grade - 3) * (10 - d) / 9;
		out[7] += easyD0 - damped;
		return next;
	}

	private double nextStability(double s, double d, double r, int t, int grade, double[] gS, double[] gD,
			double[] gR, double[] out) {
		double next;
		if (t == 0 && shortTerm) {
			next = shortTermStability(s, grade, gS, out);
		}
		else if (grade == 1) {
			next = lapseStability(s, d, r, gS, gD, gR, out);
		}
		else {
			next = recallStability(s, d, r, grade, gS, gD, gR, out);
		}
		if (next < Weights.S_MIN || next > S_MAX) {
			if (out != null) {
				Arrays.fill(out, 0);
			}
			return Math.clamp(next, Weights.S_MIN, S_MAX);
		}
		return next;
	}

	/** S' = S·S^(−w19)·e^(w17·(G − 3 + w18)), the factor at least 1 for hard and better. */
	private double shortTermStability(double s, int grade, double[] gS, double[] out) {
		double exponent = grade - 3 + w[18];
		double increase = Math.pow(s, -w[19]) * Math.exp(w[17] * exponent);
		boolean floored = grade > 1 && increase < 1;
		if (floored) {
			increase = 1;
		}
		if (out != null) {
			for (int i = 0; i < N; i++) {
				out[i] = gS[i] * increase;
			}
			if (!floored) {
				// S·∂increase: increase·(−w19·∂S/S − ln S·∂w19 + (G − 3 + w18)·∂w17 + w17·∂w18)
				for (int i = 0; i < N; i++) {
					out[i] += s * increase * -w[19] * gS[i] / s;
				}
				out[19] += s * increase * -Math.log(s);
				out[17] += s * increase * exponent;
				out[18] += s * increase * w[17];
			}
		}
		return s * increase;
	}

	/**
	 * S'f = w11·D^(−w12)·((S + 1)^w13 − 1)·e^(w14·(1 − R)), and with short-term on no higher than S/e^(w17·w18) (at
	 * least the floor of stability).
	 */
	private double lapseStability(double s, double d, double r, double[] gS, double[] gD, double[] gR, double[] out) {
		double p2 = Math.pow(d, -w[12]);
		double sPlus = Math.pow(s + 1, w[13]);
		double p3 = sPlus - 1;
		double p4 = Math.exp((1 - r) * w[14]);
		double forget = w[11] * p2 * p3 * p4;
		double shortTermLimit = shortTerm ? w[17] * w[18] : 0;
		double lowest = s / Math.exp(shortTermLimit);
		boolean lowestFloored = lowest < Weights.S_MIN;
		double ceiling = Math.max(lowest, Weights.S_MIN);
		if (ceiling < forget) {
			if (out != null) {
				if (lowestFloored) {
					Arrays.fill(out, 0);
				}
				else {
					double scale = Math.exp(-shortTermLimit);
					for (int i = 0; i < N; i++) {
						out[i] = scale * gS[i];
					}
					if (shortTerm) {
						out[17] += -lowest * w[18];
						out[18] += -lowest * w[17];
					}
				}
			}
			return ceiling;
		}
		if (out != null) {
			for (int i = 0; i < N; i++) {
				out[i] = forget * (-w[12] * gD[i] / d + w[13] * sPlus / (s + 1) * gS[i] / p3 - w[14] * gR[i]);
			}
			out[11] += p2 * p3 * p4;
			out[12] += forget * -Math.log(d);
			out[13] += w[11] * p2 * sPlus * Math.log(s + 1) * p4;
			out[14] += forget * (1 - r);
		}
		return forget;
	}

	/** S'r = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1)·(w15 if hard)·(w16 if easy)). */
	private double recallStability(double s, double d, double r, int grade, double[] gS, double[] gD, double[] gR,
			double[] out) {
		double a = Math.exp(w[8]);
		double b = 11 - d;
		double c = Math.pow(s, -w[9]);
		double e = Math.exp((1 - r) * w[10]);
		double em1 = e - 1;
		double h = grade == 2 ? w[15] : grade == 4 ? w[16] : 1;
		double growth = a * b * c * em1 * h;
		if (out != null) {
			double abc = a * b * c;
			for (int i = 0; i < N; i++) {
				// ∂growth through D, S and R, by the product rule (no division by factors that may be 0)
				double byState = a * -gD[i] * c * em1 * h + a * b * c * (-w[9] * gS[i] / s) * em1 * h
						+ abc * e * (-w[10] * gR[i]) * h;
				out[i] = gS[i] * (1 + growth) + s * byState;
			}
			out[8] += s * growth;
			out[9] += s * growth * -Math.log(s);
			out[10] += s * abc * e * (1 - r) * h;
			if (grade == 2) {
				out[15] += s * abc * em1;
			}
			else if (grade == 4) {
				out[16] += s * abc * em1;
			}
		}
		return s * (1 + growth);
	}

	/** One card's history: each review's grade (1–4) and the UTC days since the review before (0 for the first). */
	record CardHistory(int[] grades, int[] days) {
	}
}
