package io.morsel.catalog;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.ProgramReach;
import io.morsel.identity.UserId;
import java.util.HashSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Which programs and lessons a member may see: the one question every page and endpoint that shows programs or lessons
 * to a learner asks (the catalog, Today, a program's page, the lesson player, search), so that the partner rule lives
 * here and nowhere else. Identity says whether the member is a partner ({@link Directory#reach}); a partner sees the
 * programs they hold (assigned, directly or through a group, or joined: {@link HeldPrograms}), plus the open ones
 * (published, learners may join them) when the organisation lets partners see those; and the lessons of those
 * programs. One query for a member who is not a partner; for a partner one more, the program outlines being kept.
 */
@Service
public class ProgramSights {

	private final Directory directory;
	private final Programs programs;
	/** Asked at each use: the learning module's source needs enrolments, which ask this service in turn. */
	private final ObjectProvider<HeldPrograms> held;

	ProgramSights(Directory directory, Programs programs, ObjectProvider<HeldPrograms> held) {
		this.directory = directory;
		this.programs = programs;
		this.held = held;
	}

	public ProgramSight of(CurrentMember member) {
		return of(member.organisationId(), member.userId());
	}

	public ProgramSight of(OrganisationId organisation, UserId user) {
		var reach = directory.reach(organisation, user);
		if (!reach.narrowed()) {
			return ProgramSight.EVERYTHING;
		}
		var seen = new HashSet<ProgramId>();
		held.orderedStream().forEach(source -> seen.addAll(source.of(organisation, user)));
		var lessons = new HashSet<LessonId>();
		for (var program : programs.outlines(organisation).stream().map(ProgramOutline::program).toList()) {
			var open = reach == ProgramReach.ASSIGNED_AND_OPEN && program.offered() && program.selfEnrol();
			if (open) {
				seen.add(program.id());
			}
			if (seen.contains(program.id())) {
				lessons.addAll(program.lessons());
			}
		}
		return new ProgramSight(seen, lessons);
	}
}
