package io.morsel.identity;

import java.time.ZoneId;
import java.util.Locale;

/** An active member as someone who receives messages: whom to address, where, and on which wall clock. */
public record Recipient(UserId userId, MemberId memberId, String name, String email, ZoneId zone, Locale locale) {
}
