package io.morsel.learning;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.OutboundMail;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager reminds the overdue people of a program, by email, in one click. Each person gets at most one reminder a
 * day (a UTC day), whoever sends it and for whichever program: a second click, or a second manager, does not send
 * another. Each reminder is recorded, so the team table shows when a person was last reminded.
 */
@Service
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	/**
	 * What a click did.
	 *
	 * @param reminded how many overdue people got an email now
	 * @param alreadyToday how many had been reminded today already, and got none
	 * @param failed how many could not be mailed (the mail server refused or was away); they may be reminded again
	 */
	public record Sent(int reminded, int alreadyToday, int failed) {
	}

	private final TeamProgress team;
	private final Programs programs;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final OutboundMail mail;
	private final MessageSource messages;
	private final Clock clock;
	private final String links;
	private final ProgramSights sights;

	Reminders(TeamProgress team, Programs programs, JdbcClient jdbc, TransactionTemplate transaction,
			OutboundMail mail, MessageSource messages, Clock clock, @Value("${morsel.base-url}") String baseUrl,
			ProgramSights sights) {
		this.sights = sights;
		this.team = team;
		this.programs = programs;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.links = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/programs/";
	}

	/**
	 * Reminds those the manager looks after who are overdue in the program. Each reminder is recorded and mailed in a
	 * transaction of its own, so a mail that fails takes back only its own record.
	 * @throws NotFoundException when the program is not the manager's organisation's, or one a partner does not hold
	 */
	public Sent remindOverdue(CurrentMember manager, ProgramId programId) {
		var program = programs.find(manager.organisationId(), programId)
			.filter(p -> sights.of(manager).sees(p.id()))
			.orElseThrow(() -> new NotFoundException("not-found.program"));
		var reminded = 0;
		var alreadyToday = 0;
		var failed = 0;
		for (var person : team.of(manager)) {
			var overdue = person.programs()
				.stream()
				.filter(a -> a.programId().equals(programId) && a.overdue())
				.findFirst();
			if (overdue.isEmpty()) {
				continue;
			}
			try {
				var sent = transaction.execute(status -> remind(manager, person, program.title(), overdue.get()));
				if (Boolean.TRUE.equals(sent)) {
					reminded++;
				}
				else {
					alreadyToday++;
				}
			}
			catch (IllegalStateException e) {
				log.warn("A reminder to member {} could not be mailed: {}", person.memberId().value(), e.getMessage());
				failed++;
			}
		}
		return new Sent(reminded, alreadyToday, failed);
	}

	/** Records and mails one reminder; false when the person was reminded today already. */
	private boolean remind(CurrentMember manager, PersonProgress person, String title, AssignedProgress overdue) {
		var now = clock.instant();
		var recorded = jdbc.sql("""
				INSERT INTO reminders (id, organisation_id, program_id, user_id, sent_by, sent_at, sent_on)
				VALUES (:id, :organisation, :program, :user, :by, :now, :today)
				ON CONFLICT DO NOTHING
				""")
			.param("id", UUID.randomUUID())
			.param("organisation", manager.organisationId().value())
			.param("program", overdue.programId().value())
			.param("by", manager.userId().value())
			.param("now", Timestamps.of(now))
			.param("today", now.atOffset(ZoneOffset.UTC).toLocalDate())
			.param("user", person.userId().value())
			.update();
		if (recorded == 0) {
			return false;
		}
		// A due date is kept as the end of its day, the next day's first instant: name the day itself.
		var due = overdue.dueAt() == null ? ""
				: DateTimeFormatter.ISO_LOCAL_DATE.format(overdue.dueAt().minusSeconds(1).atZone(manager.zone()));
		var locale = manager.locale();
		var subject = messages.getMessage("mail.reminder.subject", new Object[] { title }, locale);
		var text = messages.getMessage("mail.reminder.body", new Object[] { person.name(), manager.name(), title, due,
				overdue.completedLessons(), overdue.totalLessons(), links + overdue.programId().value() }, locale);
		mail.send(OutboundMail.Message.plain(person.email(), subject, text));
		return true;
	}
}
