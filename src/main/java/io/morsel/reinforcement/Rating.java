package io.morsel.reinforcement;

/** How well a learner recalled an item at a review, FSRS's grades 1 to 4. */
public enum Rating {

	AGAIN(1), HARD(2), GOOD(3), EASY(4);

	private final int grade;

	Rating(int grade) {
		this.grade = grade;
	}

	/** The grade G of the FSRS formulas: 1 (again) to 4 (easy). */
	public int grade() {
		return grade;
	}

	public static Rating of(int grade) {
		if (grade < 1 || grade > 4) {
			throw new IllegalArgumentException("A rating is 1 (again), 2 (hard), 3 (good) or 4 (easy), not " + grade);
		}
		return values()[grade - 1];
	}
}
