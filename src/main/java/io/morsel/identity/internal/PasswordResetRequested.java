package io.morsel.identity.internal;

/**
 * Someone asked for a reset link for this email, from this client address; the mail, if any, is sent after the
 * request's commit ({@link PasswordResetMails}), so the answer is the same whether or not the account exists.
 *
 * @param linkBase the URL the link's secret is appended to
 */
public record PasswordResetRequested(String email, String address, String linkBase) {
}
