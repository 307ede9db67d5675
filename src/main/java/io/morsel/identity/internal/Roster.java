package io.morsel.identity.internal;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Group;
import io.morsel.identity.GroupId;
import io.morsel.identity.Role;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.PlainText;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Admins add people in bulk from a CSV file: a header line naming the columns {@code email} (required), {@code name},
 * {@code groups} and {@code roles} (several separated by {@code ;}; no roles means learner), then one person per line.
 * The preview reads the file and checks every row against the organisation as it is, saving nothing; adding reads and
 * checks it again, invites the people of the rows without problems, and skips the others.
 */
@Service
public class Roster {

	/** The most rows a file may have: a larger organisation adds its people through the API or SSO. */
	public static final int MAX_ROWS = 1000;

	private static final Set<String> COLUMNS = Set.of("email", "name", "groups", "roles");

	private final Invitations invitations;
	private final Groups groups;
	private final Validator validator;

	Roster(Invitations invitations, Groups groups, Validator validator) {
		this.invitations = invitations;
		this.groups = groups;
		this.validator = validator;
	}

	/** What is wrong with a row: a message key under {@code roster.problem.} and the value it names. */
	public record Problem(String code, String value) {
	}

	/** One row of the file as read, and what is wrong with it (nothing: it will be invited). */
	public record Row(int line, String email, String name, List<String> groups, Set<Role> roles,
			List<Problem> problems) {

		public Row {
			groups = List.copyOf(groups);
			roles = Set.copyOf(roles);
			problems = List.copyOf(problems);
		}

		public boolean addable() {
			return problems.isEmpty();
		}
	}

	/** The rows of a file, in its order. */
	public record Preview(List<Row> rows) {

		public Preview {
			rows = List.copyOf(rows);
		}

		public long addable() {
			return rows.stream().filter(Row::addable).count();
		}

		public long skipped() {
			return rows.size() - addable();
		}
	}

	/** The rules a row's email and name follow: the same as the invitation form's and the profile's. */
	record Candidate(@NotBlank @Email @Size(max = 254) String email, @Size(max = 100) @PlainText String name) {
	}

	/**
	 * Reads and checks the file, saving nothing.
	 * @throws InvalidValueException when the text is not CSV with an {@code email} column, names an unknown column,
	 * or has no rows or too many
	 */
	public Preview preview(CurrentMember admin, String csv) {
		var records = CsvRecords.read(csv);
		if (records.isEmpty()) {
			throw new InvalidValueException("identity.refused.file-empty-needs-header-line-line");
		}
		var header = records.getFirst().fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
		for (var column : header) {
			if (!COLUMNS.contains(column)) {
				throw new InvalidValueException("identity.refused.unknown-column-columns-email-name-groups", column);
			}
		}
		if (!header.contains("email") || new HashSet<>(header).size() != header.size()) {
			throw new InvalidValueException("identity.refused.header-line-names-each-column-once");
		}
		var lines = records.subList(1, records.size());
		if (lines.isEmpty()) {
			throw new InvalidValueException("identity.refused.file-has-header-line-but-nobody");
		}
		if (lines.size() > MAX_ROWS) {
			throw new InvalidValueException("identity.refused.file-adds-most-people-has", MAX_ROWS, lines.size());
		}
		var known = new HashMap<String, GroupId>();
		for (Group group : groups.of(admin.organisationId())) {
			known.put(group.name().toLowerCase(Locale.ROOT), group.id());
		}
		var taken = new HashMap<String, String>();
		invitations.pending(admin.organisationId())
			.stream()
			.filter(p -> !p.expired())
			.forEach(p -> taken.put(p.email(), "already-invited"));
		invitations.memberEmails(admin.organisationId()).forEach(email -> taken.put(email, "already-member"));
		var seen = new HashSet<String>();
		var rows = new ArrayList<Row>();
		for (var record : lines) {
			rows.add(row(header, record, known, taken, seen));
		}
		return new Preview(rows);
	}

	/**
	 * Checks the file again (the organisation may have changed since the preview), invites the people of the rows
	 * without problems, with their roles, groups and name, and reports every row.
	 */
	public Preview add(CurrentMember admin, String csv) {
		var preview = preview(admin, csv);
		var known = new HashMap<String, GroupId>();
		groups.of(admin.organisationId()).forEach(g -> known.put(g.name().toLowerCase(Locale.ROOT), g.id()));
		for (var row : preview.rows()) {
			if (row.addable()) {
				invitations.invite(admin, row.email(), row.roles(), row.name().isBlank() ? null : row.name(),
						row.groups().stream().map(g -> known.get(g.toLowerCase(Locale.ROOT))).toList());
			}
		}
		return preview;
	}

	private Row row(List<String> header, CsvRecords.Record record, Map<String, GroupId> known,
			Map<String, String> taken, Set<String> seen) {
		var problems = new ArrayList<Problem>();
		var fields = record.fields();
		if (fields.size() != header.size()) {
			problems.add(new Problem("field-count", Integer.toString(fields.size())));
		}
		var email = Users.normalise(value(header, fields, "email"));
		var name = value(header, fields, "name").strip();
		var violations = validator.validate(new Candidate(email, name));
		if (violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("email"))) {
			problems.add(new Problem("bad-email", email));
		}
		if (violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("name"))) {
			problems.add(new Problem("bad-name", name));
		}
		if (!email.isEmpty() && !seen.add(email)) {
			problems.add(new Problem("duplicate", email));
		}
		else if (taken.containsKey(email)) {
			problems.add(new Problem(taken.get(email), email));
		}
		var groupNames = new LinkedHashSet<String>();
		for (var group : list(value(header, fields, "groups"))) {
			if (!known.containsKey(group.toLowerCase(Locale.ROOT))) {
				problems.add(new Problem("unknown-group", group));
			}
			groupNames.add(group);
		}
		var roles = EnumSet.noneOf(Role.class);
		for (var role : list(value(header, fields, "roles"))) {
			var match = Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(role)).findFirst();
			if (match.isEmpty()) {
				problems.add(new Problem("unknown-role", role));
			}
			match.ifPresent(roles::add);
		}
		if (roles.isEmpty()) {
			roles.add(Role.LEARNER);
		}
		return new Row(record.line(), email, name, List.copyOf(groupNames), roles, problems);
	}

	private static String value(List<String> header, List<String> fields, String column) {
		var index = header.indexOf(column);
		return index < 0 || index >= fields.size() ? "" : fields.get(index);
	}

	private static List<String> list(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
